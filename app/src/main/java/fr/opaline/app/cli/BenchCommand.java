package fr.opaline.app.cli;

import fr.opaline.core.patient.PatientQuery;
import fr.opaline.core.patient.PatientRepository;
import fr.opaline.core.persistence.Database;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "bench", description = "Mesures de performance sur la base configurée.",
        subcommands = {BenchCommand.Search.class, BenchReportCommand.class, BenchHl7Command.class,
                BenchWorklistCommand.class, BenchDmpCommand.class, BenchKillCommand.class, BenchApiCommand.class})
final class BenchCommand implements Runnable {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    @Command(name = "search", description = "Recherche de patients par début de nom : latence p50/p95/p99 et débit.")
    static final class Search extends Subcommand implements Callable<Integer> {
        @Option(names = "--queries", defaultValue = "2000", description = "Requêtes mesurées (défaut : ${DEFAULT-VALUE}).")
        int queries;

        @Option(names = "--warmup", defaultValue = "300", description = "Requêtes d'échauffement (défaut : ${DEFAULT-VALUE}).")
        int warmup;

        @Override
        public Integer call() {
            try (Database database = Database.openAndMigrate(config().database())) {
                PatientRepository repository = new PatientRepository(database.dsl());
                long patients = repository.count();
                List<String> names = database.dsl().selectDistinct(fr.opaline.core.persistence.generated.Tables.PATIENT.SEARCH_BIRTH_NAME)
                        .from(fr.opaline.core.persistence.generated.Tables.PATIENT).limit(5000)
                        .fetch(fr.opaline.core.persistence.generated.Tables.PATIENT.SEARCH_BIRTH_NAME);
                if (names.isEmpty()) {
                    err().println("Base vide : lancez d'abord « opaline seed ».");
                    return 1;
                }
                Random random = new Random(42);
                List<String> prefixes = new ArrayList<>();
                for (int i = 0; i < warmup + queries; i++) {
                    String name = names.get(random.nextInt(names.size()));
                    prefixes.add(name.substring(0, Math.min(name.length(), 3 + random.nextInt(3))));
                }
                long found = 0;
                for (int i = 0; i < warmup; i++) {
                    found += repository.search(PatientQuery.byName(prefixes.get(i))).size();
                }
                long[] nanos = new long[queries];
                long start = System.nanoTime();
                for (int i = 0; i < queries; i++) {
                    long t0 = System.nanoTime();
                    found += repository.search(PatientQuery.byName(prefixes.get(warmup + i))).size();
                    nanos[i] = System.nanoTime() - t0;
                }
                double seconds = (System.nanoTime() - start) / 1e9;
                Arrays.sort(nanos);
                out().printf("Recherche par début de nom (50 résultats max) sur %d patients, %d requêtes :%n", patients, queries);
                out().printf("  p50 %.2f ms, p95 %.2f ms, p99 %.2f ms, max %.2f ms ; %.0f requêtes/s (%d résultats)%n",
                        nanos[queries / 2] / 1e6, nanos[(int) (queries * 0.95)] / 1e6, nanos[(int) (queries * 0.99)] / 1e6,
                        nanos[queries - 1] / 1e6, queries / seconds, found);
            }
            return 0;
        }
    }
}
