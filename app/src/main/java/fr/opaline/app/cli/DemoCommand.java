package fr.opaline.app.cli;

import fr.opaline.app.OpalineVersion;
import fr.opaline.app.config.OpalineConfig;
import fr.opaline.sandbox.SandboxHost;
import fr.opaline.app.sandbox.SandboxRegistry;
import fr.opaline.app.seed.Seeder;
import fr.opaline.app.server.PracticeServer;
import fr.opaline.app.server.ServerAssembly;
import fr.opaline.app.wiring.CoreServices;
import fr.opaline.app.wiring.DesktopWiring;
import fr.opaline.app.wiring.PscWiring;
import fr.opaline.worklist.WorklistSettings;
import fr.opaline.core.patient.PatientRepository;
import fr.opaline.ui.DesktopLauncher;
import java.time.Duration;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "demo", description = {
        "Lance Opaline sur ses réglages embarqués : base H2 locale (dans <home>/demo), bacs à sable des services",
        "nationaux, données fictives générées au premier lancement, serveur du cabinet dans le même processus,",
        "et ouvre l'application de bureau (connexion par choix d'un compte fictif, sans mot de passe)."})
final class DemoCommand extends Subcommand implements Callable<Integer> {

    @Option(names = "--patients", defaultValue = "2000", description = "Patients fictifs au premier lancement (défaut : ${DEFAULT-VALUE}).")
    int patients;

    @Option(names = "--days", defaultValue = "10", description = "Jours d'agenda au premier lancement (défaut : ${DEFAULT-VALUE}).")
    int days;

    @Option(names = "--headless", description = "Sans application de bureau : serveur et bacs à sable seuls, jusqu'à Ctrl-C.")
    boolean headless;

    @Override
    public Integer call() throws Exception {
        OpalineConfig base = config();
        // The demonstration's API runs in this process on loopback (below), not on the LAN port.
        OpalineConfig config = OpalineConfig.of(base.home().resolve("demo"), base.values()).with("api.enabled", "false");
        // A demonstration must start even when a real worklist (11112) or proxy (8443) runs here.
        if (config.getBoolean("worklist.enabled", true)) {
            config = freePort(config, "worklist.port", WorklistSettings.defaults().port(), "de la worklist DICOM");
        }
        if (config.getBoolean("psc.proxy.enabled", true)) {
            config = freePort(config, "psc.proxy.port", PscWiring.DEFAULT_PORT, "du proxy e-santé (PSC)");
        }
        try (CoreServices opened = CoreServices.open(config)) {
            CoreServices core = opened;
            if (new PatientRepository(core.database.dsl()).count() == 0) {
                out().println("Premier lancement : génération du cabinet fictif…");
                out().flush();
                new Seeder(config, core.database).seed(new Seeder.Plan(patients, days, 1, LocalDate.now(CoreServices.PRACTICE_ZONE)),
                        done -> { });
                // The seed wrote the practice's identity (name, UID root): read it again.
                core = CoreServices.over(config, opened.database, opened.clock, opened.ids);
            }
            java.nio.file.Path sandboxDirectory = config.home().resolve("sandbox");
            SandboxHost sandbox = new SandboxHost(SandboxRegistry.create(config, sandboxDirectory), 0);
            sandbox.start();
            // The practice server and the desktop talk to the sandboxes it started (INSi, DRIMbox, DMP, MSSanté, PSC),
            // in demonstration mode: the only one where the server accepts a sandbox address.
            CoreServices sandboxed = CoreServices.over(fr.opaline.app.wiring.DemoWiring.pointedAtSandboxes(config,
                    sandbox.services(), sandboxDirectory), core.database, core.clock, core.ids);
            PracticeServer server = ServerAssembly.assemble(sandboxed);
            CountDownLatch stopped = new CountDownLatch(1);
            Thread shutdown = new Thread(() -> {
                server.stop(Duration.ofSeconds(10));
                sandbox.close();
                stopped.countDown();
            }, "demo-shutdown");
            Runtime.getRuntime().addShutdownHook(shutdown);
            server.start();
            fr.opaline.app.wiring.ApiLauncher api = fr.opaline.app.wiring.ApiLauncher.inProcess(sandboxed, true, null);
            server.services().stream().filter(fr.opaline.app.wiring.PscProxyLauncher.class::isInstance)
                    .map(fr.opaline.app.wiring.PscProxyLauncher.class::cast).findFirst().ifPresent(api::bridge);
            api.start();
            out().println("Opaline (démonstration) : base " + core.database.settings().jdbcUrl());
            out().println("API du serveur du cabinet : " + api.uri() + " (empreinte " + api.fingerprint() + ")");
            out().println("Bacs à sable : " + sandbox.inspectionUri());
            if (headless) {
                out().println("Ctrl-C pour arrêter.");
                out().flush();
                try {
                    stopped.await();
                } catch (InterruptedException e) {
                    Runtime.getRuntime().removeShutdownHook(shutdown);
                    shutdown.run(); // stopped from inside the process (the demo's test): as Ctrl-C would
                    return 130;
                }
                return 0;
            }
            out().println("Ouverture de l'application de bureau (fermez la fenêtre pour arrêter).");
            out().flush();
            try (fr.opaline.api.client.ApiClient client = fr.opaline.app.wiring.ApiWiring.connect(config, api.uri(),
                    api.fingerprint())) {
                DesktopLauncher.launch(DesktopWiring.context(sandboxed, OpalineVersion.version(),
                        fr.opaline.app.wiring.SignInWiring.demo(sandboxed, server), true, client));
            } catch (UnsupportedOperationException e) {
                err().println(DesktopUnavailable.explain(e) + " Sans fenêtre : « opaline demo --headless ».");
                return 2;
            } finally {
                Runtime.getRuntime().removeShutdownHook(shutdown);
                api.stop(Duration.ofSeconds(2));
                shutdown.run();
            }
        }
        return 0;
    }

    /**
     * The configured port when it is free; otherwise a free one chosen by the system, said in
     * French. The key's value is what the demonstration's server then binds.
     */
    private OpalineConfig freePort(OpalineConfig config, String key, int defaultPort, String what) {
        int wanted = config.getInt(key, defaultPort);
        if (wanted == 0 || FreePorts.isFree(wanted)) {
            return config;
        }
        int chosen = FreePorts.any();
        out().println("Le port " + wanted + " " + what + " est déjà utilisé sur ce poste : la démonstration prend le port "
                + chosen + ".");
        out().flush();
        return config.with(key, Integer.toString(chosen));
    }
}
