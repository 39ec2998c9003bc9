package fr.opaline.ui.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import fr.opaline.core.patient.IdentityStatus;
import fr.opaline.core.patient.Patient;
import fr.opaline.core.patient.PatientQuery;
import fr.opaline.core.patient.PatientRepository;
import fr.opaline.core.scheduling.AppointmentRepository;
import fr.opaline.sandbox.ins.InsiSandbox;
import fr.opaline.ins.insi.TraitComparison;
import fr.opaline.ui.testing.DesktopFixture;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import org.junit.jupiter.api.Test;

/**
 * Issue 9 journey: book an exam for a new patient with INSi retrieval. The typed traits go to the
 * sandbox INSi over SOAP (SC.INS.13), the answer is compared trait by trait, and the patient is
 * created from INSi's identity in one click: récupérée, with the INS (SC.INS.14/15).
 */
class BookANewPatientWithInsiJourneyTest extends DesktopJourney {

    private InsiSandbox insi;

    @Override
    protected void prepare(DesktopFixture fixture) throws Exception {
        insi = fixture.withInsi();
    }

    @Test
    void theNewPatientIsCreatedFromTheInsiIdentityThenBooked() throws Exception {
        robot.clickOn("#agenda-book");
        until(() -> robot.lookup("#booking-dialog").tryQuery().isPresent());
        Node dialog = robot.lookup("#booking-dialog").query();
        robot.clickOn(robot.from(dialog).lookup("#search-name").queryAs(Node.class)).write("PAT-TROIS");
        until(() -> text("#booking-dialog #search-status").startsWith("Aucun patient"));
        robot.clickOn("#booking-new-patient");
        robot.clickOn("#new-first-names").write("DOMINIQUE");
        robot.clickOn("#new-birth-date").write("28/03/1979");
        robot.clickOn("#new-sex-F");
        robot.clickOn("#new-patient-insi");

        until(() -> robot.lookup("#insi-validate").tryQuery().map(Node::isVisible).orElse(false));
        assertThat(text("#insi-message")).startsWith("Identité récupérée");
        fr.opaline.ui.insi.TraitComparisonGrid comparison = robot.lookup("#insi-comparison")
                .queryAs(fr.opaline.ui.insi.TraitComparisonGrid.class);
        assertThat(comparison.getItems()).extracting(TraitComparison::trait, TraitComparison::insi).contains(
                org.assertj.core.groups.Tuple.tuple("Nom de naissance", "PAT-TROIS"),
                org.assertj.core.groups.Tuple.tuple("Prénoms de naissance", "DOMINIQUE MARIE-LOUISE"),
                org.assertj.core.groups.Tuple.tuple("Matricule INS", "279035121518989"));
        assertThat(comparison.getItems()).filteredOn(c -> c.trait().equals("Prénoms de naissance"))
                .singleElement().extracting(TraitComparison::concordance)
                .isEqualTo(TraitComparison.Concordance.DIFFERENT);
        // One line per trait in the form, and nothing cut.
        List<String> clipped = new java.util.ArrayList<>();
        robot.interact(() -> clipped.addAll(fr.opaline.ui.testing.ClippedText.under(comparison)));
        assertThat(clipped).as("clipped text in the comparison").isEmpty();
        assertThat(robot.from(comparison).lookup(".insi-verdict").queryAll()).hasSize(comparison.getItems().size());
        assertThat(insi.received()).extracting(InsiSandbox.Received::operation).isNotEmpty();

        robot.clickOn("#insi-validate");
        until(() -> text("#booking-patient").startsWith("PAT-TROIS"));
        assertThat(robot.from(robot.lookup(".chosen-patient-box").queryAs(Node.class)).lookup(".identity-status")
                .queryLabeled().getText()).isEqualTo("Identité récupérée");

        robot.clickOn(robot.from(dialog).lookup("Scanner thoracique").queryAs(Node.class));
        ComboBox<?> time = robot.lookup("#booking-time").queryAs(ComboBox.class);
        robot.clickOn(time.getEditor()).write("15:00");
        robot.clickOn("#booking-indication").write("Bilan de toux");
        robot.clickOn("#booking-confirm");
        until(() -> robot.lookup("#booking-dialog").tryQuery().isEmpty());

        List<Patient> created = new PatientRepository(f.db.database().dsl()).search(PatientQuery.byName("PAT-TROIS"));
        assertThat(created).singleElement().satisfies(p -> {
            assertThat(p.status()).isEqualTo(IdentityStatus.RECUPEREE);
            assertThat(p.ins().matricule()).isEqualTo("279035121518989");
            assertThat(p.traits().birthFirstNames()).isEqualTo("DOMINIQUE MARIE-LOUISE");
        });
        assertThat(new AppointmentRepository(f.db.database().dsl()).ofPatient(created.get(0).id())).hasSize(1);
    }
}
