package fr.opaline.app.wiring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.opaline.app.config.OpalineConfig;
import fr.opaline.app.server.PracticeServer;
import fr.opaline.app.server.ServerAssembly;
import fr.opaline.core.common.IdGenerator;
import fr.opaline.core.testing.TestDatabases;
import fr.opaline.worklist.WorklistScp;
import fr.opaline.worklist.WorklistSettings;
import fr.opaline.worklist.data.DicomCharset;
import fr.opaline.worklist.dimse.Dimse;
import fr.opaline.worklist.dimse.DimseClient;
import fr.opaline.worklist.net.Requestor;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorklistWiringTest {

    @TempDir
    Path home;

    @Test
    void settingsComeFromTheWorklistKeys() {
        WorklistSettings defaults = WorklistWiring.settings(OpalineConfig.of(home, Map.of()), "Cabinet");
        assertThat(defaults.aeTitle()).isEqualTo("OPALINE");
        assertThat(defaults.port()).isEqualTo(11112);
        assertThat(defaults.acceptedCallingAeTitles()).isEmpty();
        assertThat(defaults.acceptAnyCallingAeTitle()).as("only known modalities by default").isFalse();
        assertThat(defaults.maxAssociationsPerAddress()).isEqualTo(8);
        assertThat(defaults.characterSet()).isEqualTo(DicomCharset.ISO_IR_100);
        assertThat(defaults.institutionName()).isEqualTo("Cabinet");

        WorklistSettings custom = WorklistWiring.settings(OpalineConfig.of(home, Map.of(
                "worklist.aeTitle", "RIS_TILLEULS", "worklist.port", "104",
                "worklist.acceptedCallingAeTitles", " CT_SALLE1, IRM_1 ,",
                "worklist.artimTimeout", "PT10S", "worklist.idleTimeout", "120", "worklist.maxPduLength", "65536",
                "worklist.maxAssociations", "8", "worklist.maxResults", "500", "worklist.characterSet", "ISO_IR 192"))
                .with("worklist.acceptAnyCallingAeTitle", "true").with("worklist.maxAssociationsPerAddress", "3"),
                "");
        assertThat(custom.aeTitle()).isEqualTo("RIS_TILLEULS");
        assertThat(custom.port()).isEqualTo(104);
        assertThat(custom.acceptedCallingAeTitles()).containsExactlyInAnyOrder("CT_SALLE1", "IRM_1");
        assertThat(custom.artimTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(custom.idleTimeout()).isEqualTo(Duration.ofMinutes(2));
        assertThat(custom.maxPduLength()).isEqualTo(65536);
        assertThat(custom.maxAssociations()).isEqualTo(8);
        assertThat(custom.maxResults()).isEqualTo(500);
        assertThat(custom.characterSet()).isEqualTo(DicomCharset.ISO_IR_192);
        assertThat(custom.acceptAnyCallingAeTitle()).isTrue();
        assertThat(custom.maxAssociationsPerAddress()).isEqualTo(3);
    }

    @Test
    void wrongValuesAreRefusedInFrench() {
        for (Map<String, String> wrong : List.of(Map.of("worklist.aeTitle", "UN TITRE BIEN TROP LONG"),
                Map.of("worklist.aeTitle", "A\\B"), Map.of("worklist.port", "70000"),
                Map.of("worklist.maxPduLength", "100"), Map.of("worklist.characterSet", "ISO 2022 IR 87"),
                Map.of("worklist.acceptedCallingAeTitles", "OK,PAS\\OK"), Map.of("worklist.maxAssociations", "0"),
                Map.of("worklist.maxAssociationsPerAddress", "0"))) {
            assertThatThrownBy(() -> WorklistWiring.settings(OpalineConfig.of(home, wrong), ""))
                    .as(wrong.toString()).isInstanceOf(fr.opaline.core.settings.SettingsException.class).hasMessageContaining("worklist");
        }
    }

    @Test
    void thePracticeServerRunsTheWorklistUnlessDisabled() throws Exception {
        try (var db = TestDatabases.h2()) {
            OpalineConfig config = OpalineConfig.of(home, Map.of("worklist.port", "0", "worklist.bindAddress", "127.0.0.1",
                    "outbox.threads", "1", "worklist.acceptedCallingAeTitles", "CT_SALLE1",
                    "api.port", "0", "api.bind", "127.0.0.1", "psc.proxy.port", "0", "psc.proxy.bind", "127.0.0.1",
                    "health.port", "0"));
            CoreServices core = CoreServices.over(config, db.database(), Clock.systemUTC(),
                    IdGenerator.timeOrdered(Clock.systemUTC()));
            PracticeServer server = ServerAssembly.assemble(core);
            WorklistScp scp = server.services().stream().filter(WorklistScp.class::isInstance)
                    .map(WorklistScp.class::cast).findFirst().orElseThrow();
            server.start();
            try (DimseClient client = DimseClient.connect("127.0.0.1", scp.port(), new Requestor.Options("CT_SALLE1",
                    "OPALINE", DimseClient.propose(Dimse.VERIFICATION), 16384, Duration.ofSeconds(5)))) {
                assertThat(client.echo()).isEqualTo(Dimse.SUCCESS);
            } finally {
                server.stop(Duration.ofSeconds(2));
            }
            PracticeServer without = ServerAssembly.assemble(CoreServices.over(config.with("worklist.enabled", "false"),
                    db.database(), Clock.systemUTC(), IdGenerator.timeOrdered(Clock.systemUTC())));
            assertThat(without.services()).noneMatch(WorklistScp.class::isInstance);
        }
    }
}
