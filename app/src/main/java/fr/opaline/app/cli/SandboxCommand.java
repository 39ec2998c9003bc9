package fr.opaline.app.cli;

import fr.opaline.sandbox.SandboxHost;
import fr.opaline.app.sandbox.SandboxRegistry;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "sandbox", description = {
        "Lance sur la boucle locale les bacs à sable des services nationaux (INSi, PSC, DMP, MSSanté, DRIMbox),",
        "qui parlent leurs vrais protocoles, et affiche leurs adresses."})
final class SandboxCommand extends Subcommand implements Callable<Integer> {

    @Option(names = "--inspect-port", defaultValue = "0",
            description = "Port de l'inspection JSON en lecture seule (défaut : un port libre).")
    int inspectPort;

    @Override
    public Integer call() throws Exception {
        var config = config();
        SandboxHost host = new SandboxHost(SandboxRegistry.create(config, config.home().resolve("sandbox")),
                config.getInt("sandbox.inspect.port", inspectPort));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            host.close();
            stopped.countDown();
        }, "sandbox-shutdown"));
        host.start();
        out().println("Bacs à sable démarrés. Inspection (lecture seule) : " + host.inspectionUri());
        host.directory().forEach((name, entry) -> out().println("  " + name + " : " + entry));
        if (host.services().isEmpty()) {
            out().println("  (aucun service de bac à sable n'est encore intégré à cette version)");
        }
        out().println("Ctrl-C pour arrêter.");
        out().flush();
        stopped.await();
        return 0;
    }
}
