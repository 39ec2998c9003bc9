package fr.opaline.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import fr.opaline.app.config.OpalineConfig;
import fr.opaline.app.wiring.CoreServices;
import fr.opaline.app.wiring.MssWiring;
import fr.opaline.core.document.DocumentRepository;
import fr.opaline.sandbox.SandboxService;
import fr.opaline.core.testing.TestDatabases;
import fr.opaline.documents.drimbox.DrimboxLinkTemplate;
import fr.opaline.documents.report.SampleReport;
import fr.opaline.mss.inbound.MdnJob;
import fr.opaline.mss.outbound.SendJob;
import fr.opaline.sandbox.mss.MssSandbox;
import fr.opaline.mss.outbound.ReportMail;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code opaline mss} through the real command line against the sandbox operator, and the MSSanté wiring. */
class MssCommandTest {

    @TempDir
    Path dir;

    CliRun opaline(String... args) {
        return CliRun.opaline(dir.resolve("home"), args);
    }

    @Test
    void importDirectoryPollAndWiringAgainstTheSandboxOperator() throws Exception {
        Path state = dir.resolve("sandbox");
        SandboxService sandbox = MssWiring.sandbox(OpalineConfig.of(dir, java.util.Map.of()), state, List.of());
        sandbox.start();
        try {
            Files.createDirectories(dir.resolve("home"));
            Files.writeString(dir.resolve("home").resolve(OpalineConfig.FILE_NAME), "db.url=jdbc:h2:mem:mss"
                    + java.util.UUID.randomUUID().toString().replace("-", "") + ";DB_CLOSE_DELAY=-1\ndb.user=sa\n"
                    + "mss.operatorFile=" + state.resolve(MssSandbox.OPERATOR_FILE).toString().replace("\\", "/") + "\n");

            CliRun found = opaline("mss", "directory", "--name", "MOREAU");
            assertThat(found.exit()).as(found.err()).isZero();
            assertThat(found.out()).contains("etienne.moreau@medecin.sandbox.mssante.fr").contains("RPPS 99700010001");
            assertThat(opaline("mss", "directory", "--town", "LYON").exit()).isEqualTo(2);

            CliRun poll = opaline("mss", "poll");
            assertThat(poll.exit()).as(poll.err()).isZero();
            assertThat(poll.out()).contains("0 message(s)");

            // A CR of another practice, for a patient unknown here: imported into the worklist.
            Path zip = dir.resolve("IHE_XDM.zip");
            try (TestDatabases.TestDatabase other = TestDatabases.h2()) {
                SampleReport.Result sample = SampleReport.create(other.database(), Clock.systemUTC(),
                        new DrimboxLinkTemplate(DrimboxLinkTemplate.DEFAULT_TEMPLATE, Duration.ofDays(365)));
                byte[] cda = new DocumentRepository(other.database().dsl()).findByDocumentUid(sample.version().documentUid())
                        .orElseThrow().content();
                Files.write(zip, ReportMail.xdm(cda, false, false, java.util.UUID.randomUUID(), "1.2.250.1.999", java.time.Instant.now()));
            }
            CliRun imported = opaline("mss", "import", zip.toString());
            assertThat(imported.exit()).as(imported.err()).isEqualTo(1);
            assertThat(imported.out()).contains("À rapprocher d'un patient").contains("DURAND").contains("902");
            CliRun worklist = opaline("mss", "worklist");
            assertThat(worklist.out()).contains("DURAND");
            String id = worklist.out().strip().split("\\s+")[0];
            CliRun rejected = opaline("mss", "reject", id, "--reason", "Patient inconnu du cabinet");
            assertThat(rejected.exit()).as(rejected.err()).isZero();
            assertThat(opaline("mss", "worklist").out()).contains("Aucun document en attente");

            Path hostile = dir.resolve("hostile.zip");
            Files.writeString(hostile, "pas une archive");
            CliRun refused = opaline("mss", "import", hostile.toString());
            assertThat(refused.exit()).isEqualTo(2);
            assertThat(refused.err()).contains("pas une archive zip").contains("Rien n'a été importé");

            try (CoreServices core = CoreServices.open(OpalineConfig.load(dir.resolve("home"), null))) {
                var handlers = new MssWiring().jobHandlers(core);
                assertThat(handlers).extracting(h -> h.type()).containsExactlyInAnyOrder(SendJob.TYPE, MdnJob.TYPE);
                assertThat(new MssWiring().services(core)).hasSize(1);
            }
        } finally {
            sandbox.stop(Duration.ofSeconds(1));
        }
    }
}
