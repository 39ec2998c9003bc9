package fr.opaline.ui.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import fr.opaline.core.patient.IdentityStatus;
import fr.opaline.core.patient.Patient;
import fr.opaline.core.patient.PatientQuery;
import fr.opaline.core.patient.PatientRepository;
import fr.opaline.core.patient.Sex;
import fr.opaline.ins.insi.InsiLookupService;
import fr.opaline.sandbox.ins.InsiSandbox;
import fr.opaline.ins.status.IdentityEvidence;
import fr.opaline.ui.testing.DesktopFixture;
import fr.opaline.ui.widgets.IdentityBadge;
import java.time.LocalDate;
import java.util.List;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import org.junit.jupiter.api.Test;

/**
 * Issue 21, SC.INS.13: INSi is asked on its own, in the background, when a record whose INS is not
 * verified is opened — whether the patient was just created at the desk or already there — and the
 * answer shows as the trait-by-trait comparison; the identity card check then qualifies it.
 */
class InsiOnItsOwnJourneyTest extends DesktopJourney {

    private InsiSandbox insi;

    @Override
    protected void prepare(DesktopFixture fixture) throws Exception {
        insi = fixture.withInsi();
        if (testName.startsWith("aDifference")) {
            // A wrong matricule typed earlier: INSi's differs, so the answer waits for the user.
            Patient typed = fixture.core.patient("PAT-TROIS", "DOMINIQUE", LocalDate.of(1979, 3, 28), Sex.F);
            fixture.core.patients.update(typed.id(), p -> p.withIdentity(p.traits(),
                    new fr.opaline.core.patient.InsNumber(DesktopFixture.nir("2790351215999"),
                            fr.opaline.core.patient.InsNumber.OID_TEST_NIR), IdentityStatus.PROVISOIRE,
                    fr.opaline.core.patient.IdentityAttributes.NONE, null, null), "test", fixture.core.secretary);
        }
    }

    @Test
    void aPatientCreatedAtTheDeskIsRetrievedOnItsOwnThenQualifiedByTheIdentityCard() throws Exception {
        robot.clickOn("#nav-patients");
        robot.clickOn("#patients-new");
        until(() -> robot.lookup("#new-birth-name").tryQuery().isPresent());
        typeInto("#new-birth-name", "PAT-TROIS");
        typeInto("#new-first-names", "DOMINIQUE MARIE-LOUISE");
        typeInto("#new-birth-date", "28/03/1979");
        robot.clickOn("#new-sex-F");
        robot.clickOn("#new-patient-create");

        // No click on INSi: the record opens and INSi's answer, all traits concording, is taken.
        until(() -> robot.lookup("#record-name").tryQuery().map(n -> text("#record-name").startsWith("PAT-TROIS"))
                .orElse(false));
        until(() -> status().equals("Identité récupérée"));
        Patient created = only("PAT-TROIS");
        assertThat(created.status()).isEqualTo(IdentityStatus.RECUPEREE);
        assertThat(created.ins().matricule()).isEqualTo("279035121518989");
        assertThat(insi.received()).isNotEmpty();
        assertThat(f.core.audit.forPatient(created.id(), 20)).anyMatch(e ->
                e.action().equals(InsiLookupService.AUDIT_INSI_CALLED) && "secretariat".equals(e.actorLogin()));

        press("#identity-check-open");
        until(() -> robot.lookup("#identity-check-document").tryQuery().isPresent());
        @SuppressWarnings("unchecked")
        ComboBox<IdentityEvidence> document = robot.lookup("#identity-check-document").queryAs(ComboBox.class);
        robot.interact(() -> document.getSelectionModel().select(IdentityEvidence.CNI));
        press("#identity-check-seen");
        press("#identity-check-save");
        until(() -> status().equals("Identité qualifiée"));
        assertThat(only("PAT-TROIS").status()).isEqualTo(IdentityStatus.QUALIFIEE);
    }

    @Test
    void aDifferenceIsShownTraitByTraitAndWaitsForTheUsersValidation() throws Exception {
        robot.clickOn("#nav-patients");
        robot.clickOn("#search-name").write("pat-t");
        until(() -> text("#search-status").equals("1 patient trouvé"));
        until(() -> robot.from(robot.lookup("#search-results").queryAs(javafx.scene.Node.class)).lookup(".identity-status")
                .tryQuery().isPresent());
        until(() -> robot.lookup("DOMINIQUE").tryQuery().map(javafx.scene.Node::isVisible).orElse(false));
        robot.doubleClickOn("DOMINIQUE");

        until(() -> robot.lookup("#insi-validate").tryQuery().map(n -> n.isVisible() && !n.isDisabled())
                .orElse(false));
        fr.opaline.ui.insi.TraitComparisonGrid comparison = robot.lookup("#insi-comparison")
                .queryAs(fr.opaline.ui.insi.TraitComparisonGrid.class);
        assertThat(comparison.getItems()).filteredOn(c -> c.trait().equals("Prénoms de naissance")).singleElement()
                .satisfies(c -> assertThat(c.insi()).isEqualTo("DOMINIQUE MARIE-LOUISE"));
        assertThat(comparison.getItems()).filteredOn(c -> c.trait().equals("Matricule INS")).singleElement()
                .satisfies(c -> assertThat(c.concordance())
                        .isEqualTo(fr.opaline.ins.insi.TraitComparison.Concordance.DIFFERENT));
        // Nothing taken without the user's act.
        assertThat(status()).isEqualTo("Identité provisoire");
        assertThat(only("PAT-TROIS").status()).isEqualTo(IdentityStatus.PROVISOIRE);

        press("#insi-validate");
        until(() -> status().equals("Identité récupérée"));
        assertThat(only("PAT-TROIS").traits().birthFirstNames()).isEqualTo("DOMINIQUE MARIE-LOUISE");
        assertThat(only("PAT-TROIS").ins().matricule()).isEqualTo("279035121518989");
    }

    private Patient only(String name) {
        List<Patient> found = new PatientRepository(f.db.database().dsl()).search(PatientQuery.byName(name));
        assertThat(found).hasSize(1);
        return found.get(0);
    }

    private String status() {
        IdentityBadge badge = robot.lookup("#record-identity-badge").queryAs(IdentityBadge.class);
        return robot.from(badge).lookup(".identity-status").queryAs(Label.class).getText();
    }

    private void press(String query) throws Exception {
        until(() -> robot.lookup(query).tryQuery().map(n -> !n.isDisabled()).orElse(false));
        ButtonBase button = robot.lookup(query).queryAs(ButtonBase.class);
        robot.interact(button::fire);
    }
}
