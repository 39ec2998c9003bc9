package fr.opaline.app.cli;

import fr.opaline.app.bench.KillBench;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "kill", description = "Arrêts brutaux (kill -9) pendant une charge d'écriture (rendez-vous, HL7 reçus,"
        + " envois différés), sur une base H2 de travail ou un schéma PostgreSQL de travail : après chaque arrêt, la base"
        + " doit s'ouvrir, le journal d'audit être intègre et aucune écriture confirmée manquer.")
final class BenchKillCommand extends Subcommand implements Callable<Integer> {

    @Option(names = "--kills", defaultValue = "20", description = "Nombre d'arrêts brutaux (défaut : ${DEFAULT-VALUE}).")
    int kills;

    @Option(names = "--dir", paramLabel = "DOSSIER",
            description = "Dossier de travail (défaut : un dossier temporaire ; jamais la base configurée).")
    Path dir;

    @Option(names = "--pg-url", paramLabel = "URL",
            description = "Base PostgreSQL (URL JDBC avec ses identifiants) où créer un schéma de travail, supprimé à la fin.")
    String pgUrl;

    @Option(names = "--seed", defaultValue = "20", description = "Graine des instants d'arrêt (défaut : ${DEFAULT-VALUE}).")
    long seed;

    @Override
    public Integer call() throws Exception {
        if (kills < 1) {
            throw new IllegalArgumentException("--kills : au moins 1 arrêt");
        }
        Path home = (dir != null ? dir : Files.createTempDirectory("opaline-kill-")).resolve("home");
        if (Files.exists(home.resolve("data")) || Files.exists(home.resolve("opaline.properties"))) {
            throw new IllegalArgumentException("Le dossier de travail " + home + " existe déjà : donnez un dossier vide.");
        }
        Files.createDirectories(home);
        if (pgUrl != null) {
            KillBench.postgresHome(home, pgUrl);
        } else {
            Files.writeString(home.resolve("opaline.properties"), "backup.enabled=false\n");
        }
        out().println("Base : " + (pgUrl != null ? "PostgreSQL (schéma de travail)" : "H2 " + home.resolve("data")));
        out().flush();
        long started = System.nanoTime();
        try {
            List<KillBench.Kill> results = new KillBench(home, out(), seed).run(kills);
            long failed = results.stream().filter(k -> !k.ok()).count();
            int acknowledged = results.stream().mapToInt(KillBench.Kill::acknowledged).sum();
            int missing = results.stream().mapToInt(KillBench.Kill::missing).sum();
            long maxReopen = results.stream().mapToLong(KillBench.Kill::reopenMillis).max().orElse(-1);
            out().printf("%d arrêt(s) brutal(aux) en %.1f s : %d écriture(s) confirmée(s), %d manquante(s) ; base rouverte"
                            + " à chaque fois : %s (médiane %d ms, max %d ms) ; journal d'audit intègre à chaque fois : %s.%n",
                    results.size(), (System.nanoTime() - started) / 1e9, acknowledged, missing,
                    results.stream().allMatch(k -> k.reopenMillis() >= 0) ? "oui" : "NON",
                    KillBench.medianReopen(results), maxReopen,
                    results.stream().allMatch(KillBench.Kill::auditIntact) ? "oui" : "NON");
            return failed == 0 && results.size() == kills ? 0 : 1;
        } finally {
            if (pgUrl != null) {
                KillBench.dropPostgresSchema(home, pgUrl);
            }
        }
    }
}
