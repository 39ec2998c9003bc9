package fr.opaline.app.cli;

import fr.opaline.app.logging.LogFiles;
import fr.opaline.app.server.PracticeServer;
import fr.opaline.app.server.ServerAssembly;
import fr.opaline.app.server.ServerRuntime;
import fr.opaline.app.server.StopSignals;
import fr.opaline.app.wiring.BackupWiring;
import fr.opaline.app.wiring.CoreServices;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "server", description = "Lance le serveur du cabinet (worklist DICOM, HL7, envois différés, sauvegardes, supervision).")
final class ServerCommand extends Subcommand implements Callable<Integer> {

    @Option(names = "--check", description = "Vérifie la configuration et la base, puis s'arrête (code 0 si tout va bien).")
    boolean check;

    @Override
    public Integer call() throws Exception {
        var config = config();
        if (check) {
            return check(config);
        }
        LogFiles.configure(config, "server").ifPresent(file -> out().println("Journal : " + file));
        long started = System.nanoTime();
        ServerRuntime runtime = ServerRuntime.start(config, ServerAssembly.contributions());
        Duration grace = config.getDuration("server.shutdownGrace", Duration.ofSeconds(30));
        // SIGTERM (systemctl stop) and Ctrl-C: work in flight finishes within the grace, then the
        // database closes and the command returns 0. The hook covers any other way the JVM ends.
        StopSignals.install(() -> runtime.shutdown(grace));
        Runtime.getRuntime().addShutdownHook(new Thread(() -> runtime.shutdown(grace), "server-shutdown"));
        out().printf("Serveur du cabinet démarré en %d ms (%d service(s)), base %s.%n",
                (System.nanoTime() - started) / 1_000_000, runtime.server().services().size(),
                runtime.core().database.settings().jdbcUrl().replaceAll("[;?].*", ""));
        runtime.healthUri().ifPresent(uri -> out().println("Supervision : " + uri));
        runtime.server().services().stream().filter(fr.opaline.app.wiring.ApiLauncher.class::isInstance)
                .map(fr.opaline.app.wiring.ApiLauncher.class::cast).findFirst()
                .ifPresent(api -> out().println("Postes de travail (API et proxy e-santé) : port HTTPS " + api.port()
                        + ", empreinte du certificat " + api.fingerprint()));
        out().println("Ctrl-C pour arrêter.");
        out().flush();
        runtime.awaitShutdown();
        return 0;
    }

    private int check(fr.opaline.app.config.OpalineConfig config) throws Exception {
        try (CoreServices core = CoreServices.open(config)) {
            PracticeServer server = ServerAssembly.assemble(core);
            out().println("Configuration valide. Base : " + core.database.settings().jdbcUrl().replaceAll("[;?].*", "")
                    + " (schéma " + core.database.schemaVersion() + "). Services : "
                    + server.services().stream().map(s -> s.name()).toList());
            if (config.getBoolean("backup.enabled", true)) {
                Path backups = BackupWiring.backupDirectory(core);
                Files.createDirectories(backups);
                if (!Files.isWritable(backups)) {
                    err().println("Erreur : pas de droit d'écriture dans le dossier des sauvegardes " + backups);
                    return 1;
                }
                out().println("Sauvegardes : " + backups);
            }
        }
        return 0;
    }
}
