package fr.opaline.app.cli;

import fr.opaline.app.wiring.CoreServices;
import fr.opaline.app.wiring.ReportWiring;
import fr.opaline.core.common.BusinessRuleException;
import fr.opaline.core.common.MutableClock;
import fr.opaline.core.common.NotFoundException;
import fr.opaline.core.order.OrderRepository;
import fr.opaline.core.persistence.Database;
import fr.opaline.core.persistence.DatabaseSettings;
import fr.opaline.core.report.Report;
import fr.opaline.core.report.ReportRepository;
import fr.opaline.documents.report.RenderedReport;
import fr.opaline.documents.report.ReportDataLoader;
import fr.opaline.documents.report.ReportRenderer;
import fr.opaline.documents.report.SampleReport;
import fr.opaline.documents.xdm.XdmPackage;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "report", description = "Comptes rendus d'imagerie : exemple complet et production des documents.",
        subcommands = {ReportCommand.Sample.class, ReportCommand.Render.class})
final class ReportCommand implements Runnable {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    @Command(name = "sample", description = "Produit un CR complet pour un patient fictif (INS de test qualifiée, scanner "
            + "thoracique) dans une base en mémoire : PDF/A, CDA N1, CDA N3, métadonnées XDS, paquet XDM.")
    static final class Sample extends Subcommand implements Callable<Integer> {
        @Option(names = "--out", required = true, paramLabel = "DIR", description = "Dossier où écrire les fichiers.")
        Path out;

        @Override
        public Integer call() throws IOException {
            DatabaseSettings memory = new DatabaseSettings("jdbc:h2:mem:sample" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
                    "sa", "", 2);
            try (Database database = Database.openAndMigrate(memory)) {
                MutableClock clock = new MutableClock(Instant.now(), ZoneId.of("Europe/Paris"));
                SampleReport.Result sample = SampleReport.create(database, clock, ReportWiring.drimbox(config()));
                RenderedReport rendered = new ReportRenderer().render(
                        sample.loader().load(database.dsl(), sample.version().id(), clock.instant()));
                write(out, rendered, out());
            }
            return 0;
        }
    }

    @Command(name = "render", description = "Produit les documents du CR d'une demande (numéro d'examen / accession number) "
            + "de la base configurée, tels qu'ils seraient diffusés (brouillon : aperçu).")
    static final class Render extends Subcommand implements Callable<Integer> {
        @Option(names = "--accession", required = true, paramLabel = "ACC", description = "Numéro d'examen (accession number).")
        String accession;

        @Option(names = "--out", required = true, paramLabel = "DIR", description = "Dossier où écrire les fichiers.")
        Path out;

        @Override
        public Integer call() throws IOException {
            try (CoreServices core = CoreServices.open(config())) {
                ReportWiring wiring = new ReportWiring(core);
                RenderedReport rendered = core.database.inSnapshot(ctx -> {
                    var order = new OrderRepository(ctx).findByAccessionNumber(accession)
                            .orElseThrow(() -> new NotFoundException("Aucune demande n° " + accession + "."));
                    ReportRepository reports = new ReportRepository(ctx);
                    Report report = reports.findByOrder(order.id())
                            .orElseThrow(() -> new BusinessRuleException("La demande " + accession + " n'a pas encore de compte rendu."));
                    var version = reports.version(report.id(), report.currentVersion()).orElseThrow();
                    ReportDataLoader loader = wiring.loader;
                    return wiring.renderer.render(loader.load(ctx, version.id(), core.clock.instant()));
                });
                write(out, rendered, out());
            }
            return 0;
        }
    }

    static void write(Path dir, RenderedReport r, PrintWriter out) throws IOException {
        Files.createDirectories(dir);
        String base = "cr-" + r.data().order().accessionNumber();
        Path pdf = Files.write(dir.resolve(base + ".pdf"), r.pdf());
        Path n1 = Files.write(dir.resolve(base + "-cda-n1.xml"), r.cdaN1());
        Path n3 = Files.write(dir.resolve(base + "-cda-n3.xml"), r.cdaN3());
        Path meta = dir.resolve(base + "-xds.json");
        fr.opaline.core.common.Json.mapper().writerWithDefaultPrettyPrinter()
                .writeValue(meta.toFile(), java.util.Map.of("cdaN1", r.n1Metadata(), "cdaN3", r.n3Metadata()));
        XdmPackage.Submission submission = new XdmPackage.Submission(r.n3Uid() + ".9", r.data().practice().uidRoot().value(),
                r.n3Metadata().patientId() != null ? r.n3Metadata().patientId() : r.n3Metadata().sourcePatientId(),
                r.n3Metadata().authorInstitution(), r.n3Metadata().authorPerson(), r.data().signedAt(), r.n3Metadata().title());
        Path xdm = Files.write(dir.resolve(base + "-IHE_XDM.zip"), XdmPackage.write(submission,
                List.of(new XdmPackage.Entry(r.cdaN3(), r.n3Metadata()))));
        out.printf("CR %s (version %d%s) pour %s :%n", r.data().order().accessionNumber(), r.data().version().versionNumber(),
                r.data().draft() ? ", brouillon" : "", r.data().patient().displayName());
        for (Path p : List.of(pdf, n1, n3, meta, xdm)) {
            out.printf("  %s (%d octets)%n", p, Files.size(p));
        }
        out.printf("  visionneuse DRIMbox : %s%n", r.data().viewerLink().url());
    }
}
