package fr.opaline.app.cli;

import fr.opaline.app.wiring.ReportWiring;
import fr.opaline.core.common.MutableClock;
import fr.opaline.core.persistence.Database;
import fr.opaline.core.persistence.DatabaseSettings;
import fr.opaline.documents.report.RenderedReport;
import fr.opaline.documents.report.ReportDocumentData;
import fr.opaline.documents.report.ReportRenderer;
import fr.opaline.documents.report.SampleReport;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "report", description = "Temps de production d'un CR complet (PDF/A + CDA N1 + CDA N3 + métadonnées XDS).")
final class BenchReportCommand extends Subcommand implements Callable<Integer> {

    @Option(names = "--count", defaultValue = "200", description = "CR mesurés (défaut : ${DEFAULT-VALUE}).")
    int count;

    @Option(names = "--warmup", defaultValue = "50", description = "CR d'échauffement (défaut : ${DEFAULT-VALUE}).")
    int warmup;

    @Override
    public Integer call() {
        if (count < 1) {
            err().println("--count doit être au moins 1.");
            return 2;
        }
        DatabaseSettings memory = new DatabaseSettings("jdbc:h2:mem:bench" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "", 2);
        try (Database database = Database.openAndMigrate(memory)) {
            MutableClock clock = new MutableClock(Instant.now(), ZoneId.of("Europe/Paris"));
            SampleReport.Result sample = SampleReport.create(database, clock, ReportWiring.drimbox(config()));
            ReportDocumentData data = sample.loader().load(database.dsl(), sample.version().id(), clock.instant());
            ReportRenderer renderer = new ReportRenderer();
            for (int i = 0; i < warmup; i++) {
                renderer.render(data);
            }
            long[] nanos = new long[count];
            long sizes = 0;
            for (int i = 0; i < count; i++) {
                long t0 = System.nanoTime();
                RenderedReport r = renderer.render(data);
                nanos[i] = System.nanoTime() - t0;
                sizes = r.pdf().length + r.cdaN1().length + r.cdaN3().length;
            }
            Arrays.sort(nanos);
            out().printf("CR complet (PDF/A-1b + CDA N1 + CDA N3 + métadonnées XDS des deux CDA), %d mesures après %d d'échauffement :%n",
                    count, warmup);
            out().printf("  médiane %.1f ms, p95 %.1f ms, max %.1f ms ; %d octets produits par CR%n", nanos[count / 2] / 1e6,
                    nanos[Math.min(count - 1, (int) (count * 0.95))] / 1e6, nanos[count - 1] / 1e6, sizes);
        }
        return 0;
    }
}
