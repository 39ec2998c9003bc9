package fr.opaline.ui.patient;

import static org.assertj.core.api.Assertions.assertThat;

import fr.opaline.core.audit.AuditAction;
import fr.opaline.core.patient.InsNumber;
import fr.opaline.core.patient.Sex;
import fr.opaline.ins.datamatrix.DatamatrixInsPayload;
import fr.opaline.ui.i18n.Messages;
import fr.opaline.ui.insscan.InsModuleScanReader;
import fr.opaline.ui.testing.DesktopFixture;
import fr.opaline.ui.testing.Direct;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PatientSearchViewModelTest {

    DesktopFixture f;
    PatientSearchViewModel search;

    @BeforeEach
    void open() {
        f = new DesktopFixture();
        search = new PatientSearchViewModel(new PatientDirectory(f.signedIn(f.secretary)), Direct.background(), Messages.french(),
                () -> f.actor, new InsModuleScanReader());
    }

    @AfterEach
    void close() throws Exception {
        f.close();
    }

    @Test
    void searchesByNamePrefixBirthDateIppAndInsAndAuditsEachSearch() {
        search.nameProperty().set("mar");
        search.search();
        assertThat(search.results()).extracting(p -> p.id()).containsExactly(f.qualified.id());
        assertThat(search.selectedProperty().get()).isEqualTo(f.qualified);
        assertThat(search.statusProperty().get()).isEqualTo("1 patient trouvé");

        search.clear();
        search.birthDateProperty().set("02011975");
        search.search();
        assertThat(search.results()).extracting(p -> p.id()).containsExactly(f.provisional.id());

        search.clear();
        search.ippProperty().set(f.retrieved.ipp());
        search.search();
        assertThat(search.results()).extracting(p -> p.id()).containsExactly(f.retrieved.id());

        search.clear();
        search.insProperty().set(f.qualified.ins().matricule());
        search.search();
        assertThat(search.results()).extracting(p -> p.id()).containsExactly(f.qualified.id());

        assertThat(f.core.audit.latest(10)).filteredOn(e -> e.action().equals(AuditAction.PATIENT_SEARCH))
                .hasSizeGreaterThanOrEqualTo(4).allMatch(e -> "secretariat".equals(e.actorLogin()));
    }

    @Test
    void anUnreadableBirthDateIsExplainedAndNothingIsSearched() {
        search.birthDateProperty().set("31/02/1980");
        search.search();
        assertThat(search.errorProperty().get()).contains("31/02/1980").contains("JJ/MM/AAAA");
        assertThat(search.results()).isEmpty();

        search.clear();
        search.search();
        assertThat(search.statusProperty().get()).startsWith("Saisissez");
    }

    /** The Datamatrix INS of a document (payload written by the ins module) finds the patient by INS. */
    @Test
    void aScannedDatamatrixFindsThePatientByIns() {
        String payload = DatamatrixInsPayload.of(f.qualified.ins(), f.qualified.traits());
        search.scan(payload.replace("\u001D", ""));
        assertThat(search.results()).extracting(p -> p.id()).containsExactly(f.qualified.id());
        assertThat(search.insProperty().get()).isEqualTo(f.qualified.ins().matricule());
        assertThat(search.nameProperty().get()).isEqualTo("MARTIN");
        assertThat(search.scannedSummary()).contains("MARTIN ANNE CLAIRE").contains("06/05/1980");
        assertThat(search.isScan("MARTIN")).isFalse();
    }

    @Test
    void aScannedIdentityUnknownHereIsLookedUpByTraitsThenOfferedForCreation() {
        var stranger = fr.opaline.core.patient.IdentityTraits.of("DUPONT", "MARIE JEANNE", LocalDate.of(1961, 7, 14),
                Sex.F, "75056");
        String payload = DatamatrixInsPayload.of(new InsNumber(DesktopFixture.nir("2610775056123"),
                InsNumber.OID_TEST_NIR), stranger);
        search.scan(payload);
        assertThat(search.results()).isEmpty();
        assertThat(search.statusProperty().get()).startsWith("Aucun patient");

        NewPatientViewModel creation = new NewPatientViewModel(new PatientDirectory(f.signedIn(f.secretary)), Direct.background(),
                Messages.french(), () -> f.actor, f.core.clock);
        creation.prefill(search);
        assertThat(creation.birthNameProperty().get()).isEqualTo("DUPONT");
        assertThat(creation.birthFirstNamesProperty().get()).isEqualTo("MARIE JEANNE");
        assertThat(creation.birthDateProperty().get()).isEqualTo("14/07/1961");
        assertThat(creation.sexProperty().get()).isEqualTo(Sex.F);
        assertThat(creation.birthplaceCodeProperty().get()).isEqualTo("75056");
    }

    @Test
    void aBadScanSaysWhatIsWrong() {
        search.scan("IS010000000000000000000000S1123");
        assertThat(search.errorProperty().get()).contains("tronqué");
    }
}
