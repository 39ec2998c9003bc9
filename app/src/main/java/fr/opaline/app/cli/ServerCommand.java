package fr.opaline.app.cli;

import fr.opaline.app.server.PracticeServer;
import fr.opaline.app.server.ServerAssembly;
import fr.opaline.app.wiring.CoreServices;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "server", description = "Lance le serveur du cabinet (worklist DICOM, HL7, envois différés, proxy e-santé).")
final class ServerCommand extends Subcommand implements Callable<Integer> {

    @Option(names = "--check", description = "Vérifie la configuration et la base, puis s'arrête (code 0 si tout va bien).")
    boolean check;

    @Override
    public Integer call() throws Exception {
        var config = config();
        try (CoreServices core = CoreServices.open(config)) {
            PracticeServer server = ServerAssembly.assemble(core);
            if (check) {
                out().println("Configuration valide. Base : " + core.database.settings().jdbcUrl() + " (schéma "
                        + core.database.schemaVersion() + "). Services : "
                        + server.services().stream().map(s -> s.name()).toList());
                return 0;
            }
            CountDownLatch stopped = new CountDownLatch(1);
            Duration grace = config.getDuration("server.shutdownGrace", Duration.ofSeconds(30));
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                server.stop(grace);
                stopped.countDown();
            }, "server-shutdown"));
            server.start();
            out().println("Serveur du cabinet démarré (" + server.services().size() + " service(s)). Ctrl-C pour arrêter.");
            out().flush();
            stopped.await();
        }
        return 0;
    }
}
