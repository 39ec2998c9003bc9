package fr.opaline.ui.patient;

import static org.assertj.core.api.Assertions.assertThat;

import fr.opaline.core.patient.IdentityStatus;
import fr.opaline.core.patient.Patient;
import fr.opaline.core.patient.Sex;
import fr.opaline.ui.i18n.Messages;
import fr.opaline.ui.testing.DesktopFixture;
import fr.opaline.ui.testing.Direct;
import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class NewPatientViewModelTest {

    DesktopFixture f;
    NewPatientViewModel form;

    @BeforeEach
    void open() {
        f = new DesktopFixture();
        form = new NewPatientViewModel(new PatientDirectory(f.signedIn(f.secretary)), Direct.background(), Messages.french(),
                () -> f.actor, f.core.clock);
    }

    @AfterEach
    void close() throws Exception {
        f.close();
    }

    @Test
    void everyMissingTraitIsListed() {
        form.birthDateProperty().set("12/12/2099");
        assertThat(form.validate()).isEmpty();
        assertThat(form.errorProperty().get().split("\n")).containsExactly(
                "Le nom de naissance est obligatoire.",
                "Au moins un prénom de naissance est obligatoire.",
                "La date de naissance ne peut pas être dans le futur.",
                "Indiquez le sexe.");
    }

    /** Complete traits still follow the ins module's rules (INS spelling, INSEE code). */
    @Test
    void theInsRulesOnStrictTraitsApply() {
        form.birthNameProperty().set("DUP0NT");
        form.birthFirstNamesProperty().set("Jean");
        form.birthDateProperty().set("01/02/1960");
        form.sexProperty().set(Sex.M);
        form.birthplaceCodeProperty().set("7505");
        assertThat(form.validate()).isEmpty();
        assertThat(form.errorProperty().get()).contains("DUP0NT").contains("Code INSEE du lieu de naissance « 7505 »");
    }

    @Test
    void aNewPatientIsCreatedProvisoireWithItsTraitsAndUsedNamesApart() {
        form.birthNameProperty().set("  GARCIA  ");
        form.birthFirstNamesProperty().set("LUCIA   MARIA");
        form.usedNameProperty().set("Roux");
        form.birthDateProperty().set("03/04/1990");
        form.sexProperty().set(Sex.F);
        form.birthplaceCodeProperty().set("2a004");
        AtomicReference<Patient> created = new AtomicReference<>();
        form.create(created::set);

        Patient patient = created.get();
        assertThat(patient).isNotNull();
        assertThat(patient.status()).isEqualTo(IdentityStatus.PROVISOIRE);
        assertThat(patient.ins()).isNull();
        assertThat(patient.traits().birthName()).isEqualTo("GARCIA");
        assertThat(patient.traits().birthFirstNames()).isEqualTo("LUCIA MARIA");
        assertThat(patient.traits().firstBirthFirstName()).isEqualTo("LUCIA");
        assertThat(patient.traits().birthDate()).isEqualTo(LocalDate.of(1990, 4, 3));
        assertThat(patient.traits().birthplaceCode()).isEqualTo("2A004");
        assertThat(patient.usedName()).isEqualTo("Roux");
        assertThat(patient.ipp()).isNotBlank();
    }

    @Test
    void theBirthplaceIsNeverPrefilled() {
        PatientSearchViewModel search = new PatientSearchViewModel(new PatientDirectory(f.signedIn(f.secretary)),
                Direct.background(), Messages.french(), () -> f.actor, new fr.opaline.ui.insscan.InsModuleScanReader());
        search.nameProperty().set("NOUVEAU");
        search.birthDateProperty().set("01/01/2000");
        form.prefill(search);
        assertThat(form.birthNameProperty().get()).isEqualTo("NOUVEAU");
        assertThat(form.birthDateProperty().get()).isEqualTo("01/01/2000");
        assertThat(form.birthplaceCodeProperty().get()).isEmpty();
    }
}
