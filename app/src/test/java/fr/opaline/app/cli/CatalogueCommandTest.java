package fr.opaline.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import fr.opaline.app.config.OpalineConfig;
import fr.opaline.app.wiring.CoreServices;
import fr.opaline.core.audit.AuditAction;
import fr.opaline.core.audit.AuditEvent;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code opaline catalogue}: the catalogue service's rules and audit, from the command line. */
class CatalogueCommandTest {

    @TempDir
    Path dir;

    @BeforeEach
    void memoryDatabase() throws Exception {
        CliRun.memoryHome(dir);
    }

    CliRun opaline(String... args) {
        return CliRun.opaline(dir.resolve("home"), args);
    }

    @Test
    void roomsAndExamsAreAddedListedAndAudited() {
        CliRun room = opaline("catalogue", "add-room", "IRM1", "--name", "IRM 1,5 T", "--modality", "MR",
                "--ae-title", "AE_IRM1");
        assertThat(room.exit()).as(room.err()).isZero();
        assertThat(room.out()).contains("Salle ajoutée : IRM1 IRM 1,5 T (MR, AE AE_IRM1).");
        CliRun exam = opaline("catalogue", "add-exam", "MR-GEN", "--label", "IRM du genou", "--modality", "MR",
                "--minutes", "30", "--ccam", "NZQN001");
        assertThat(exam.exit()).as(exam.err()).isZero();

        assertThat(opaline("catalogue", "rooms").out()).contains("IRM1").contains("AE_IRM1").contains("IRM 1,5 T");
        assertThat(opaline("catalogue", "exams").out()).contains("MR-GEN").contains("30 min").contains("NZQN001");
        Path home = dir.resolve("home");
        try (CoreServices core = CoreServices.open(OpalineConfig.load(home, home.resolve(OpalineConfig.FILE_NAME)))) {
            assertThat(core.audit.latest(2)).extracting(AuditEvent::action)
                    .containsOnly(AuditAction.CATALOGUE_CHANGED);
            assertThat(core.audit.latest(2)).extracting(AuditEvent::actorLogin).allMatch(l -> l.startsWith("system:cli:"));
        }
    }

    @Test
    void badInputIsRefusedInFrenchAndChangesNothing() {
        assertThat(opaline("catalogue", "add-room", "CT1", "--name", "Scanner", "--modality", "CT", "--ae-title",
                "AE_X").exit()).isZero();
        CliRun twice = opaline("catalogue", "add-room", "CT1", "--name", "Encore", "--modality", "CT", "--ae-title",
                "AE_Y");
        assertThat(twice.exit()).isEqualTo(2);
        assertThat(twice.err()).contains("Une salle « CT1 » existe déjà.");
        CliRun longAe = opaline("catalogue", "add-room", "CT2", "--name", "Scanner 2", "--modality", "CT",
                "--ae-title", "AE_BEAUCOUP_TROP_LONG");
        assertThat(longAe.exit()).isEqualTo(2);
        assertThat(longAe.err()).contains("Titre AE invalide");
        CliRun shortExam = opaline("catalogue", "add-exam", "CT-X", "--label", "Scanner", "--modality", "CT",
                "--minutes", "2");
        assertThat(shortExam.exit()).isEqualTo(2);
        assertThat(shortExam.err()).contains("La durée d'un examen va de 5 à 480 minutes.");

        String rooms = opaline("catalogue", "rooms").out();
        assertThat(rooms).contains("CT1").doesNotContain("Encore").doesNotContain("CT2");
        assertThat(opaline("catalogue", "exams").out()).doesNotContain("CT-X");
    }

    @Test
    void aCcamExtractIsImportedAndABadOneChangesNothing() throws Exception {
        assertThat(opaline("catalogue", "add-exam", "RX-THX", "--label", "Radio du thorax", "--modality", "DX",
                "--minutes", "10").exit()).isZero();
        Path good = dir.resolve("ccam.csv");
        java.nio.file.Files.writeString(good, "Code;Libellé;Examen\nZBQK002;Radiographie du thorax;RX-THX\n",
                java.nio.charset.Charset.forName("windows-1252"));
        CliRun imported = opaline("catalogue", "ccam", "import", good.toString());
        assertThat(imported.exit()).as(imported.err()).isZero();
        assertThat(imported.out()).contains("Import CCAM : 1 acte(s) lu(s), dont 1 nouveau(x) ; 1 examen(s) associé(s).")
                .contains("RX-THX → ZBQK002");
        assertThat(opaline("catalogue", "ccam", "list").out()).contains("ZBQK002 Radiographie du thorax");
        assertThat(opaline("catalogue", "exams").out()).contains("ZBQK002");

        Path bad = dir.resolve("faux.csv");
        java.nio.file.Files.writeString(bad, "code;libellé;examen\nAAAA001;Acte d'essai;\nZBQK002;Radio;RX-INCONNU\n");
        CliRun refused = opaline("catalogue", "ccam", "import", bad.toString());
        assertThat(refused.exit()).isEqualTo(2);
        assertThat(refused.err()).contains("Ligne 3 : l'examen « RX-INCONNU » n'existe pas dans le catalogue.");
        CliRun missing = opaline("catalogue", "ccam", "import", dir.resolve("absent.csv").toString());
        assertThat(missing.exit()).isEqualTo(2);
        assertThat(missing.err()).contains("Fichier CCAM illisible");
        assertThat(opaline("catalogue", "ccam", "list").out()).doesNotContain("AAAA001").contains("Radiographie du thorax");
    }
}
