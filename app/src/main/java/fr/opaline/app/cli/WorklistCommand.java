package fr.opaline.app.cli;

import fr.opaline.app.config.OpalineConfig;
import fr.opaline.app.wiring.CoreServices;
import fr.opaline.app.wiring.WorklistWiring;
import fr.opaline.worklist.WorklistScp;
import fr.opaline.worklist.WorklistSettings;
import fr.opaline.core.catalogue.Room;
import java.time.Duration;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "worklist", description = "Worklist DICOM des modalités (Modality Worklist SCP).",
        subcommands = {WorklistCommand.Serve.class, WorklistCommand.Modalities.class})
final class WorklistCommand implements Runnable {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    @Command(name = "serve", description = {
            "Lance la worklist DICOM seule, sans le reste du serveur du cabinet (réglages worklist.*).",
            "Ctrl-C pour arrêter."})
    static final class Serve extends Subcommand implements Callable<Integer> {

        @Option(names = "--port", description = "Port TCP (remplace worklist.port ; 0 = un port libre).")
        Integer port;

        @Option(names = "--ae-title", description = "Titre AE appelé (remplace worklist.aeTitle).")
        String aeTitle;

        @Override
        public Integer call() throws Exception {
            OpalineConfig config = config();
            if (port != null) {
                config = config.with("worklist.port", port.toString());
            }
            if (aeTitle != null) {
                config = config.with("worklist.aeTitle", aeTitle);
            }
            try (CoreServices core = CoreServices.open(config)) {
                WorklistSettings settings = WorklistWiring.settings(core);
                WorklistScp scp = WorklistWiring.scp(core, settings);
                CountDownLatch stopped = new CountDownLatch(1);
                Duration grace = config.getDuration("server.shutdownGrace", Duration.ofSeconds(30));
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    scp.stop(grace);
                    stopped.countDown();
                }, "worklist-shutdown"));
                scp.start();
                out().printf("Worklist DICOM « %s » à l'écoute sur %s:%d (base %s). Ctrl-C pour arrêter.%n",
                        settings.aeTitle(), settings.bindAddress(), scp.port(), core.database.settings().jdbcUrl());
                out().flush();
                stopped.await();
            }
            return 0;
        }
    }

    @Command(name = "modalities", description = {
            "Modalités autorisées à interroger la worklist : le titre AE de station de chaque salle active du",
            "catalogue (déclarer une modalité = donner ce titre à sa salle, écran Administration), plus",
            "worklist.acceptedCallingAeTitles. Tout autre appelant reçoit un refus d'association, journalisé."})
    static final class Modalities extends Subcommand implements Callable<Integer> {

        @Override
        public Integer call() {
            OpalineConfig config = config();
            try (CoreServices core = CoreServices.open(config)) {
                WorklistSettings settings = WorklistWiring.settings(core);
                WorklistScp scp = WorklistWiring.scp(core, settings);
                if (settings.acceptAnyCallingAeTitle()) {
                    out().println("ATTENTION : worklist.acceptAnyCallingAeTitle=true, tout appelant est servi,"
                            + " quel que soit son titre AE.");
                }
                out().printf("Worklist « %s », port %d. Titres AE appelants servis :%n", settings.aeTitle(),
                        settings.port());
                List<Room> rooms = scp.modalities().rooms();
                for (Room room : rooms) {
                    out().printf("  %-16s  salle %s « %s » (%s)%n", room.stationAeTitle().strip(), room.code(),
                            room.name(), room.modality());
                }
                for (String title : new TreeSet<>(scp.modalities().configuredTitles())) {
                    out().printf("  %-16s  worklist.acceptedCallingAeTitles%n", title);
                }
                if (rooms.isEmpty() && scp.modalities().configuredTitles().isEmpty()) {
                    out().println("  (aucun : déclarez le titre AE de station de chaque salle dans l'écran"
                            + " Administration)");
                }
            }
            return 0;
        }
    }
}
