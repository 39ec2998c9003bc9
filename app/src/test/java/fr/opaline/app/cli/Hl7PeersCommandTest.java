package fr.opaline.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code opaline hl7 peers}: declare, list, change and remove HL7 peers; bad input refused in French, nothing changed. */
class Hl7PeersCommandTest {

    @TempDir
    Path dir;

    @Test
    void peersAreDeclaredChangedAndRemovedFromTheCommandLine() throws Exception {
        Path home = CliRun.memoryHome(dir);
        assertThat(CliRun.opaline(home, "hl7", "peers", "--help").out()).contains("list").contains("add")
                .contains("update").contains("remove");
        assertThat(CliRun.opaline(home, "hl7", "peers", "list").out()).contains("Aucun pair HL7 déclaré");

        CliRun added = CliRun.opaline(home, "hl7", "peers", "add", "GAM", "--name", "GAM du CH", "--facility", "CHMELUN",
                "--addresses", "10.20.0.15,10.20.1.0/24");
        assertThat(added.exit()).as(added.err()).isZero();
        // Merging is never a default right.
        assertThat(added.out()).contains("ADT^A08").doesNotContain("A40").contains("10.20.1.0/24");

        CliRun teleradiology = CliRun.opaline(home, "hl7", "peers", "add", "TLR-APP", "--channel", "TELERADIOLOGIE");
        assertThat(teleradiology.out()).contains("messages ORU^R01").contains("adresses aucune")
                .contains("seront refusés");

        // Bad input: a French error, nothing changed.
        CliRun badAddress = CliRun.opaline(home, "hl7", "peers", "update", "GAM", "--addresses", "hopital.local");
        assertThat(badAddress.exit()).isNotZero();
        assertThat(badAddress.err()).contains("Adresse source invalide");
        CliRun badType = CliRun.opaline(home, "hl7", "peers", "update", "GAM", "--types", "ADT-A40");
        assertThat(badType.err()).contains("Type de message invalide");
        CliRun badCertificate = CliRun.opaline(home, "hl7", "peers", "update", "GAM", "--certificate", "12:34");
        assertThat(badCertificate.err()).contains("Empreinte de certificat invalide");
        assertThat(CliRun.opaline(home, "hl7", "peers", "add", "gam").err()).contains("déjà déclaré");
        assertThat(CliRun.opaline(home, "hl7", "peers", "list").out()).contains("10.20.0.15,10.20.1.0/24")
                .doesNotContain("A40");

        CliRun granted = CliRun.opaline(home, "hl7", "peers", "update", "GAM", "--types", "ADT^A28,ADT^A40",
                "--identity-trust", "true", "--active", "false");
        assertThat(granted.exit()).as(granted.err()).isZero();
        assertThat(granted.out()).contains("ADT^A28,ADT^A40").contains("contrat de confiance").contains("désactivé")
                .contains("MSH-4 CHMELUN");

        assertThat(CliRun.opaline(home, "hl7", "peers", "remove", "TLR-APP").exit()).isZero();
        assertThat(CliRun.opaline(home, "hl7", "peers", "remove", "TLR-APP").err()).contains("introuvable");
        assertThat(CliRun.opaline(home, "hl7", "peers", "list").out()).doesNotContain("TLR-APP").contains("gam");
    }
}
