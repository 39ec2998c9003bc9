package fr.opaline.ui.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import fr.opaline.core.order.OrderRepository;
import fr.opaline.core.order.StepStatus;
import fr.opaline.core.patient.IdentityStatus;
import fr.opaline.core.patient.Patient;
import fr.opaline.core.patient.PatientQuery;
import fr.opaline.core.patient.PatientRepository;
import fr.opaline.core.scheduling.AppointmentRepository;
import java.time.LocalTime;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import org.junit.jupiter.api.Test;

/** Issue 9 journey: book an exam for a new patient (SC.DB/RIS.04: the booking makes the RIS order). */
class BookANewPatientJourneyTest extends DesktopJourney {

    @Test
    void aSecretaryCreatesThePatientInTheBookingDialogAndBooksTheExam() throws Exception {
        robot.clickOn("#agenda-book");
        until(() -> robot.lookup("#booking-dialog").tryQuery().isPresent());
        Node dialog = robot.lookup("#booking-dialog").query();

        robot.clickOn(robot.from(dialog).lookup("#search-name").queryAs(Node.class)).write("NOUVEL");
        until(() -> text("#booking-dialog #search-status").startsWith("Aucun patient"));
        robot.clickOn("#booking-new-patient");
        robot.clickOn("#new-first-names").write("ALICE");
        robot.clickOn("#new-birth-date").write("14/02/1988");
        robot.clickOn("#new-sex-F");
        robot.clickOn("#new-patient-create");
        until(() -> text("#booking-patient").equals("NOUVEL Alice"));
        assertThat(robot.from(robot.lookup(".chosen-patient-box").queryAs(Node.class)).lookup(".identity-status")
                .queryLabeled().getText()).isEqualTo("Identité provisoire");

        robot.clickOn(robot.from(dialog).lookup("Scanner thoracique").queryAs(Node.class));
        ComboBox<?> time = robot.lookup("#booking-time").queryAs(ComboBox.class);
        robot.clickOn(time.getEditor()).write("14:00");
        robot.clickOn("#booking-indication").write("Toux persistante");
        robot.clickOn("#booking-confirm");

        until(() -> robot.lookup("#booking-dialog").tryQuery().isEmpty());
        until(() -> text("#agenda-banner .label").startsWith("Rendez-vous réservé : NOUVEL Alice, Scanner thoracique"));

        List<Patient> created = new PatientRepository(f.db.database().dsl()).search(PatientQuery.byName("NOUVEL"));
        assertThat(created).singleElement().satisfies(p -> {
            assertThat(p.status()).isEqualTo(IdentityStatus.PROVISOIRE);
            assertThat(p.traits().birthFirstNames()).isEqualTo("ALICE");
        });
        var appointments = new AppointmentRepository(f.db.database().dsl()).ofPatient(created.get(0).id());
        assertThat(appointments).singleElement().satisfies(a -> {
            assertThat(a.startsAt()).isEqualTo(f.at(LocalTime.of(14, 0)));
            assertThat(a.roomId()).isEqualTo(f.scanner1.id());
        });
        OrderRepository orders = new OrderRepository(f.db.database().dsl());
        var order = orders.findByAppointment(appointments.get(0).id()).orElseThrow();
        assertThat(order.clinicalIndication()).isEqualTo("Toux persistante");
        assertThat(orders.stepsOfOrder(order.id())).singleElement()
                .satisfies(step -> assertThat(step.status()).isEqualTo(StepStatus.SCHEDULED));
        until(() -> robot.lookup("#appointment-" + appointments.get(0).id()).tryQuery().isPresent());
    }
}
