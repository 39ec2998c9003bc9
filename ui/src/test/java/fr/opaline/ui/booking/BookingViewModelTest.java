package fr.opaline.ui.booking;

import static org.assertj.core.api.Assertions.assertThat;

import fr.opaline.core.order.OrderRepository;
import fr.opaline.core.order.StepStatus;
import fr.opaline.core.patient.Sex;
import fr.opaline.core.scheduling.Booking;
import fr.opaline.ui.agenda.AgendaGateway;
import fr.opaline.ui.i18n.Messages;
import fr.opaline.ui.insscan.InsModuleScanReader;
import fr.opaline.ui.patient.NewPatientViewModel;
import fr.opaline.ui.patient.PatientDirectory;
import fr.opaline.ui.patient.PatientSearchViewModel;
import fr.opaline.ui.testing.DesktopFixture;
import fr.opaline.ui.testing.Direct;
import java.time.LocalTime;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class BookingViewModelTest {

    DesktopFixture f;
    BookingViewModel booking;

    @BeforeEach
    void open() {
        f = new DesktopFixture();
        Messages messages = Messages.french();
        PatientDirectory directory = new PatientDirectory(f.signedIn(f.secretary));
        AgendaGateway gateway = new AgendaGateway(f.signedIn(f.secretary));
        booking = new BookingViewModel(gateway, Direct.background(), messages, () -> f.actor, f.core.clock.getZone(),
                new PatientSearchViewModel(directory, Direct.background(), messages, () -> f.actor,
                        new InsModuleScanReader()),
                new NewPatientViewModel(directory, Direct.background(), messages, () -> f.actor, f.core.clock));
        booking.prepare(gateway.catalogue(), f.scanner2, DesktopFixture.TODAY, null, null);
    }

    @AfterEach
    void close() throws Exception {
        f.close();
    }

    @Test
    void theCatalogueFollowsTheRoomsModalityAndTheTypedFilter() {
        assertThat(booking.exams()).extracting(e -> e.code()).containsExactlyInAnyOrder("CT-THX", "CT-CRANE");
        booking.examFilterProperty().set("céréb");
        assertThat(booking.exams()).extracting(e -> e.code()).containsExactly("CT-CRANE");
        assertThat(booking.examProperty().get()).isEqualTo(f.brain);
        booking.roomProperty().set(f.echo);
        assertThat(booking.exams()).isEmpty();
        assertThat(booking.examProperty().get()).isNull();
        booking.examFilterProperty().set("");
        assertThat(booking.exams()).extracting(e -> e.code()).containsExactly("US-ABD");
    }

    /** SC.DB/RIS.04: a booking for a patient created in the dialog makes the order and its worklist step. */
    @Test
    void aNewPatientIsBookedAndCoreMakesTheOrderAndWorklistStep() {
        booking.search().nameProperty().set("NOUVEL");
        booking.search().search();
        assertThat(booking.search().results()).isEmpty();
        booking.startNewPatient();
        assertThat(booking.newPatient().birthNameProperty().get()).isEqualTo("NOUVEL");
        booking.newPatient().birthFirstNamesProperty().set("ALICE");
        booking.newPatient().birthDateProperty().set("14/02/1988");
        booking.newPatient().sexProperty().set(Sex.F);
        booking.createPatient();
        assertThat(booking.creatingPatientProperty().get()).isFalse();
        assertThat(booking.patientProperty().get().traits().birthName()).isEqualTo("NOUVEL");

        assertThat(booking.canBook().get()).isFalse();
        booking.examProperty().set(f.thorax);
        booking.timeProperty().set(LocalTime.of(14, 0));
        booking.indicationProperty().set("Toux persistante");
        assertThat(booking.canBook().get()).isTrue();
        AtomicReference<Booking> done = new AtomicReference<>();
        booking.book(done::set);

        assertThat(done.get()).isNotNull();
        assertThat(done.get().appointment().startsAt()).isEqualTo(f.at(LocalTime.of(14, 0)));
        assertThat(done.get().order().clinicalIndication()).isEqualTo("Toux persistante");
        assertThat(new OrderRepository(f.db.database().dsl()).findStep(done.get().step().id()).orElseThrow().status())
                .isEqualTo(StepStatus.SCHEDULED);
        assertThat(booking.bookedMessage(done.get())).contains("NOUVEL Alice").contains("14:00").contains("Scanner 2")
                .contains(done.get().order().accessionNumber());
    }

    @Test
    void aTakenSlotIsRefusedInsideTheDialog() {
        booking.patientProperty().set(f.retrieved);
        booking.roomProperty().set(f.scanner1);
        booking.examProperty().set(f.thorax);
        booking.timeProperty().set(LocalTime.of(9, 10));
        AtomicReference<Booking> done = new AtomicReference<>();
        booking.book(done::set);
        assertThat(done.get()).isNull();
        assertThat(booking.errorProperty().get()).startsWith("Créneau déjà occupé en salle Scanner 1");
        assertThat(booking.savingProperty().get()).isFalse();
    }
}
