package fr.opaline.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code opaline hl7 routes}: a declared peer gets adt / orm / pfi routes; bad input refused in French, nothing changed. */
class Hl7RoutesCommandTest {

    @TempDir
    Path dir;

    @Test
    void routesAreDeclaredListedAndRemovedFromTheCommandLine() throws Exception {
        Path home = CliRun.memoryHome(dir);
        assertThat(CliRun.opaline(home, "hl7", "routes", "--help").out()).contains("list").contains("set")
                .contains("remove");
        assertThat(CliRun.opaline(home, "hl7", "routes", "list").out()).contains("Aucune route HL7 sortante");
        assertThat(CliRun.opaline(home, "hl7", "peers", "add", "PACS-APP", "--name", "PACS du cabinet").exit()).isZero();

        CliRun unknownPeer = CliRun.opaline(home, "hl7", "routes", "set", "INCONNU", "adt", "pacs.local:2575");
        assertThat(unknownPeer.exit()).isNotZero();
        assertThat(unknownPeer.err()).contains("Pair HL7 introuvable");
        assertThat(CliRun.opaline(home, "hl7", "routes", "set", "PACS-APP", "hl8", "pacs.local:2575").err())
                .contains("Type de route HL7 inconnu");
        assertThat(CliRun.opaline(home, "hl7", "routes", "set", "PACS-APP", "orm", "pacs.local").err())
                .contains("Destination invalide");
        assertThat(CliRun.opaline(home, "hl7", "routes", "set", "PACS-APP", "orm", "pacs.local:99999").err())
                .contains("Port invalide");
        assertThat(CliRun.opaline(home, "hl7", "routes", "list").out()).contains("Aucune route HL7 sortante");

        CliRun orm = CliRun.opaline(home, "hl7", "routes", "set", "PACS-APP", "orm", "pacs.local:2575");
        assertThat(orm.exit()).as(orm.err()).isZero();
        CliRun adt = CliRun.opaline(home, "hl7", "routes", "set", "pacs-app", "adt", "pacs.local:2576", "--tls");
        assertThat(adt.exit()).as(adt.err()).isZero();
        assertThat(CliRun.opaline(home, "hl7", "routes", "list").out())
                .contains("orm → pacs.local:2575 pour PACS du cabinet")
                .contains("adt → pacs.local:2576 (TLS)");

        assertThat(CliRun.opaline(home, "hl7", "routes", "remove", "PACS-APP", "orm").exit()).isZero();
        assertThat(CliRun.opaline(home, "hl7", "routes", "remove", "PACS-APP", "orm").err()).contains("pas de route orm");
        assertThat(CliRun.opaline(home, "hl7", "routes", "list").out()).doesNotContain("orm →").contains("adt →");
    }
}
