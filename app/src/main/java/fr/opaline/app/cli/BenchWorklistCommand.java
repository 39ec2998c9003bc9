package fr.opaline.app.cli;

import fr.opaline.app.bench.WorklistBench;
import fr.opaline.app.config.OpalineConfig;
import fr.opaline.app.wiring.CoreServices;
import fr.opaline.app.wiring.WorklistWiring;
import fr.opaline.core.common.IdGenerator;
import fr.opaline.core.persistence.Database;
import fr.opaline.core.persistence.DatabaseSettings;
import fr.opaline.worklist.WorklistScp;
import fr.opaline.worklist.WorklistSettings;
import fr.opaline.worklist.data.Attributes;
import fr.opaline.worklist.mwl.WorklistItem;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "worklist", description = {
        "Worklist DICOM : génère N examens programmés dans une base jetable (H2 en mémoire, ou --db-url vide),",
        "puis mesure la latence C-FIND (p50/p95/p99) et le débit, chaque requête ouvrant sa propre association",
        "comme une modalité. --peer mesure un autre SCP (ex. DCMTK wlmscpfs) avec les mêmes requêtes."})
final class BenchWorklistCommand extends Subcommand implements Callable<Integer> {

    @Option(names = "--items", defaultValue = "10000", description = "Examens programmés à générer (défaut : ${DEFAULT-VALUE}).")
    int items;

    @Option(names = "--queries", defaultValue = "2000", description = "Requêtes C-FIND mesurées (défaut : ${DEFAULT-VALUE}).")
    int queries;

    @Option(names = "--clients", defaultValue = "4", description = "Clients simultanés (défaut : ${DEFAULT-VALUE}).")
    int clients;

    @Option(names = "--warmup", defaultValue = "200", description = "Requêtes d'échauffement non mesurées (défaut : ${DEFAULT-VALUE}).")
    int warmup;

    @Option(names = "--seed", defaultValue = "1", description = "Graine des données et des requêtes (défaut : ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--start", defaultValue = "2026-01-05", paramLabel = "YYYY-MM-DD",
            description = "Premier jour d'agenda (défaut : ${DEFAULT-VALUE}).")
    LocalDate start;

    @Option(names = "--db-url", paramLabel = "JDBC",
            description = "Base vide où générer les données (défaut : H2 en mémoire, détruite à la fin).")
    String dbUrl;

    @Option(names = "--reuse", description = "Avec --db-url : reprendre la worklist déjà générée dans cette base.")
    boolean reuse;

    @Option(names = "--peer", paramLabel = "HOTE:PORT", description = "Mesurer ce SCP au lieu de celui d'Opaline.")
    String peer;

    @Option(names = "--called-ae", defaultValue = "OPALINE", description = "Titre AE appelé (défaut : ${DEFAULT-VALUE}).")
    String calledAe;

    @Option(names = "--export", paramLabel = "DIR",
            description = "Écrit la worklist (DIR/<titre AE>/*.dump, pour dump2dcm et wlmscpfs) et les requêtes (DIR/queries/).")
    Path export;

    @Override
    public Integer call() throws Exception {
        WorklistBench.Plan plan = new WorklistBench.Plan(items, queries, clients, warmup, seed, start);
        OpalineConfig config = dbUrl != null ? config()
                : config().withSecretsIn(java.nio.file.Files.createTempDirectory("opaline-bench-secrets-"));
        DatabaseSettings settings = dbUrl != null ? new DatabaseSettings(dbUrl, null, null, clients + 4)
                : new DatabaseSettings("jdbc:h2:mem:bench" + UUID.randomUUID().toString().replace("-", "")
                + ";DB_CLOSE_DELAY=-1", "sa", "", clients + 4);
        try (Database database = Database.openAndMigrate(settings)) {
            long t0 = System.nanoTime();
            if (!reuse) {
                err().printf("Génération de %d examens programmés…%n", items);
                err().flush();
                WorklistBench.seed(config, database, plan);
            }
            List<WorklistItem> worklist = WorklistBench.worklist(database);
            if (worklist.isEmpty()) {
                err().println("La worklist de cette base est vide : lancez d'abord le banc d'essai sans --reuse.");
                return 2;
            }
            List<Attributes> mix = WorklistBench.queries(worklist, queries, seed);
            err().printf("  %d examens sur la worklist en %.1f s%n", worklist.size(), (System.nanoTime() - t0) / 1e9);
            CoreServices core = CoreServices.over(config, database, Clock.system(CoreServices.PRACTICE_ZONE),
                    IdGenerator.timeOrdered(Clock.systemUTC()));
            if (export != null) {
                WorklistBench.export(worklist, mix, core.profile.name(), calledAe, export);
                err().printf("  worklist et requêtes écrites dans %s%n", export.toAbsolutePath());
            }
            WorklistBench.Result result;
            String target;
            if (peer != null) {
                String[] hostPort = peer.split(":", 2);
                target = "le SCP " + peer + " (" + calledAe + ")";
                result = WorklistBench.run(hostPort[0], Integer.parseInt(hostPort[1]), calledAe, mix, clients, warmup);
            } else {
                OpalineConfig local = config.with("worklist.port", "0").with("worklist.bindAddress", "127.0.0.1")
                        .with("worklist.aeTitle", calledAe).with("worklist.acceptedCallingAeTitles", WorklistBench.CALLING_AE)
                        .with("worklist.maxAssociations", String.valueOf(Math.max(50, 2 * clients)));
                WorklistSettings scpSettings = WorklistWiring.settings(local, core.profile.name());
                WorklistScp scp = WorklistWiring.scp(core, scpSettings);
                scp.start();
                try {
                    target = "la worklist d'Opaline (" + database.settings().dialect() + ")";
                    result = WorklistBench.run("127.0.0.1", scp.port(), calledAe, mix, clients, warmup);
                } finally {
                    scp.stop(Duration.ofSeconds(5));
                }
            }
            out().printf("C-FIND sur %s : %d examens programmés, %d requêtes, %d client(s)%n", target, worklist.size(),
                    result.queries(), result.clients());
            out().printf("  latence par requête (association + C-FIND + libération) : p50 %.2f ms, p95 %.2f ms, "
                    + "p99 %.2f ms, max %.2f ms%n", result.p50(), result.p95(), result.p99(), result.max());
            out().printf("  débit %.2f requêtes/s ; %d réponses au total, %d échec(s)%n", result.perSecond(),
                    result.matches(), result.failures());
            return result.failures() == 0 ? 0 : 1;
        }
    }
}
