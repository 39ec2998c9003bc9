package fr.opaline.core.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.opaline.core.common.Actor;
import fr.opaline.core.common.BusinessRuleException;
import fr.opaline.core.testing.AccountsFixture;
import fr.opaline.core.testing.CoreFixture;
import fr.opaline.core.testing.TestDatabases;
import fr.opaline.core.user.Role;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Importing a CCAM extract: acts added, exam types mapped by the « examen » column, a bad file changes nothing. */
class CcamImportTest {

    @Test
    void aGoodExtractAddsTheActsAndMapsTheNamedExams() throws Exception {
        try (var db = TestDatabases.h2()) {
            CoreFixture core = new CoreFixture(db.database());
            CatalogueService catalogue = new CatalogueService(db.database(), core.audit, core.ids);
            catalogue.addExamType(AccountsFixture.ADMIN_PROCESS, "RX-THX", "Radio thorax", Modality.DX, 10, null);
            catalogue.addExamType(AccountsFixture.ADMIN_PROCESS, "RX-BAS", "Radio bassin", Modality.DX, 10, null);
            // ATIH-like export: Windows-1252, extra columns, columns in another order, a quoted label with ';'.
            String csv = "Date d'effet;Libellé long;Code_Acte;Examen\r\n"
                    + "01/01/2024;Radiographie du thorax;ZBQK002;RX-THX\r\n"
                    + "01/01/2024;\"Acte fictif d'essai; libellé entre guillemets\";AAAA001;\r\n"
                    + "\r\n";
            CcamImport result = catalogue.importCcam(AccountsFixture.ADMIN_PROCESS,
                    csv.getBytes(Charset.forName("windows-1252")));

            assertThat(result.acts()).isEqualTo(2);
            assertThat(result.added()).isEqualTo(2);
            assertThat(result.examsMapped()).containsExactly("RX-THX → ZBQK002");
            assertThat(catalogue.ccamActs()).containsExactly(
                    new CcamAct("AAAA001", "Acte fictif d'essai; libellé entre guillemets"),
                    new CcamAct("ZBQK002", "Radiographie du thorax"));
            assertThat(catalogue.examTypes()).filteredOn(x -> x.code().equals("RX-THX")).singleElement()
                    .satisfies(x -> assertThat(x.ccamCode()).isEqualTo("ZBQK002"));
            assertThat(catalogue.examTypes()).filteredOn(x -> x.code().equals("RX-BAS")).singleElement()
                    .satisfies(x -> assertThat(x.ccamCode()).as("left for the administrator").isNull());
            assertThat(core.audit.latest(1).get(0).detail())
                    .isEqualTo("import CCAM : 2 actes (2 nouveaux), 1 examen(s) associé(s)");

            // Imported again in UTF-8 with a new label: replaced, nothing added.
            CcamImport again = catalogue.importCcam(AccountsFixture.ADMIN_PROCESS,
                    "code;libellé\nZBQK002;Radiographie du thorax (libellé revu)\n".getBytes(StandardCharsets.UTF_8));
            assertThat(again.added()).isZero();
            assertThat(catalogue.ccamActs()).contains(new CcamAct("ZBQK002", "Radiographie du thorax (libellé revu)"));
        }
    }

    @Test
    void aBadFileIsRefusedInFrenchAndChangesNothing() throws Exception {
        try (var db = TestDatabases.h2()) {
            CoreFixture core = new CoreFixture(db.database());
            CatalogueService catalogue = new CatalogueService(db.database(), core.audit, core.ids);
            catalogue.addExamType(AccountsFixture.ADMIN_PROCESS, "RX-THX", "Radio thorax", Modality.DX, 10, null);
            int audited = core.audit.latest(100).size();

            assertRefused(catalogue, "code;libellé\nZBQK002;Radiographie du thorax\nZBQK02;Trop court\n",
                    "Ligne 3 : Code CCAM invalide « ZBQK02 »");
            assertRefused(catalogue, "code;libellé;examen\nZBQK002;Radiographie du thorax;RX-INCONNU\n",
                    "Ligne 2 : l'examen « RX-INCONNU » n'existe pas dans le catalogue.");
            assertRefused(catalogue, "ZBQK002;Radiographie du thorax\n", "En-tête du fichier CCAM introuvable");
            assertRefused(catalogue, "code;libellé\nZBQK002;\n", "Ligne 2 : le libellé de l'acte ZBQK002 manque.");
            assertRefused(catalogue, "code;libellé\n", "ne contient aucun acte");
            assertRefused(catalogue, "", "Le fichier CCAM est vide.");
            assertThatThrownBy(() -> catalogue.importCcam(Actor.user(
                    core.user("accueil", Role.SECRETAIRE, null).id(), "accueil"),
                    "code;libellé;examen\nZBQK002;Radiographie du thorax;RX-THX\n".getBytes(StandardCharsets.UTF_8)))
                    .hasMessage("Action réservée aux administrateurs du cabinet.");

            assertThat(catalogue.ccamActs()).isEmpty();
            assertThat(catalogue.examTypes()).singleElement().satisfies(x -> assertThat(x.ccamCode()).isNull());
            assertThat(core.audit.latest(100)).hasSize(audited);
        }
    }

    private static void assertRefused(CatalogueService catalogue, String csv, String message) {
        assertThatThrownBy(() -> catalogue.importCcam(AccountsFixture.ADMIN_PROCESS, csv.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(BusinessRuleException.class).hasMessageContaining(message);
    }
}
