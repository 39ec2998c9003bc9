package fr.opaline.ui.agenda;

import static org.assertj.core.api.Assertions.assertThat;

import fr.opaline.core.order.OrderRepository;
import fr.opaline.core.order.ScheduledProcedureStep;
import fr.opaline.core.order.StepStatus;
import fr.opaline.core.scheduling.AppointmentRepository;
import fr.opaline.core.scheduling.AppointmentStatus;
import fr.opaline.ui.i18n.Messages;
import fr.opaline.ui.testing.DesktopFixture;
import fr.opaline.ui.testing.Direct;
import java.time.LocalTime;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AgendaViewModelTest {

    DesktopFixture f;
    AgendaViewModel model;

    @BeforeEach
    void open() {
        f = new DesktopFixture();
        model = new AgendaViewModel(new AgendaGateway(f.signedIn(f.secretary)), Direct.background(), Messages.french(),
                () -> f.actor, f.core.clock);
        model.start();
    }

    @AfterEach
    void close() throws Exception {
        f.close();
    }

    AgendaItem item(UUID appointmentId) {
        return model.items().stream().filter(i -> i.appointment().id().equals(appointmentId)).findFirst().orElseThrow();
    }

    @Test
    void dayViewShowsEveryRoomAndItsAppointmentsWithTheirPatients() {
        assertThat(model.titleProperty().get()).isEqualTo("Lundi 2 mars 2026");
        assertThat(model.columns()).extracting(c -> c.room().code()).containsExactly("CT1", "CT2", "US1");
        assertThat(model.items()).hasSize(3);
        AgendaItem nine = item(f.qualifiedAtNine.appointment().id());
        assertThat(nine.patient().traits().birthName()).isEqualTo("MARTIN");
        assertThat(nine.exam().label()).isEqualTo("Scanner thoracique");
        assertThat(nine.entry().accessionNumber()).isEqualTo(f.qualifiedAtNine.order().accessionNumber());

        model.modalityProperty().set(fr.opaline.core.catalogue.Modality.US);
        assertThat(model.columns()).extracting(c -> c.room().code()).containsExactly("US1");
        assertThat(model.items()).extracting(i -> i.patient().id()).containsExactly(f.retrieved.id());
    }

    @Test
    void weekViewShowsOneRoomFromMondayToSaturday() {
        model.showWeekOf(f.scanner1);
        assertThat(model.columns()).hasSize(6).allMatch(c -> c.room().equals(f.scanner1));
        assertThat(model.columns().get(0).date()).isEqualTo(DesktopFixture.TODAY);
        assertThat(model.columns().get(5).date()).isEqualTo(DesktopFixture.TODAY.plusDays(5));
        assertThat(model.items()).hasSize(2);
        assertThat(model.titleProperty().get()).isEqualTo("Semaine du 02/03/2026 au 07/03/2026 · Scanner 1");
        model.next();
        assertThat(model.items()).isEmpty();
    }

    /** Drag and drop ends here: core moves the appointment and its worklist step. */
    @Test
    void aMoveReachesTheAppointmentAndItsWorklistStep() {
        AgendaItem nine = item(f.qualifiedAtNine.appointment().id());
        model.move(nine, new AgendaColumn(f.scanner2, DesktopFixture.TODAY), LocalTime.of(11, 30));

        assertThat(model.errorProperty().get()).isEmpty();
        assertThat(model.infoProperty().get()).contains("MARTIN Anne").contains("11:30").contains("Scanner 2");
        var stored = new AppointmentRepository(f.db.database().dsl()).findById(nine.appointment().id()).orElseThrow();
        assertThat(stored.startsAt()).isEqualTo(f.at(LocalTime.of(11, 30)));
        assertThat(stored.roomId()).isEqualTo(f.scanner2.id());
        ScheduledProcedureStep step = new OrderRepository(f.db.database().dsl()).findStep(f.qualifiedAtNine.step().id())
                .orElseThrow();
        assertThat(step.scheduledStart()).isEqualTo(f.at(LocalTime.of(11, 30)));
        assertThat(step.stationAeTitle()).isEqualTo("AE_CT2");
        assertThat(item(nine.appointment().id()).room()).isEqualTo(f.scanner2);
    }

    @Test
    void aMoveOntoATakenSlotIsRefusedWithCoresReasonAndNothingChanges() {
        AgendaItem ten = item(f.provisionalAtTen.appointment().id());
        assertThat(model.dropProblem(ten, new AgendaColumn(f.scanner1, DesktopFixture.TODAY), LocalTime.of(9, 10)))
                .hasValueSatisfying(problem -> assertThat(problem).contains("MARTIN Anne").contains("09:00 – 09:20"));

        model.move(ten, new AgendaColumn(f.scanner1, DesktopFixture.TODAY), LocalTime.of(9, 10));

        assertThat(model.errorProperty().get()).startsWith("Créneau déjà occupé en salle Scanner 1");
        assertThat(new AppointmentRepository(f.db.database().dsl()).findById(ten.appointment().id()).orElseThrow()
                .startsAt()).isEqualTo(f.at(LocalTime.of(10, 0)));
    }

    @Test
    void anExamCannotBeDroppedInARoomOfAnotherModality() {
        AgendaItem ten = item(f.provisionalAtTen.appointment().id());
        assertThat(model.dropProblem(ten, new AgendaColumn(f.echo, DesktopFixture.TODAY), LocalTime.of(14, 0)))
                .hasValueSatisfying(problem -> assertThat(problem).contains("ne se fait pas en salle Échographie"));
        model.move(ten, new AgendaColumn(f.echo, DesktopFixture.TODAY), LocalTime.of(14, 0));
        assertThat(model.errorProperty().get()).contains("ne se fait pas en salle Échographie");
    }

    @Test
    void arrivalAndCancellationGoThroughTheBookingService() {
        AgendaItem nine = item(f.qualifiedAtNine.appointment().id());
        model.markArrived(nine);
        assertThat(item(nine.appointment().id()).appointment().status()).isEqualTo(AppointmentStatus.ARRIVED);
        assertThat(new OrderRepository(f.db.database().dsl()).findStep(f.qualifiedAtNine.step().id()).orElseThrow()
                .status()).isEqualTo(StepStatus.ARRIVED);

        AgendaItem ten = item(f.provisionalAtTen.appointment().id());
        model.cancel(ten, "Annulé par le patient");
        assertThat(model.items()).noneMatch(i -> i.appointment().id().equals(ten.appointment().id()));
        assertThat(model.infoProperty().get()).contains("DURAND Paul").contains("annulé");

        model.markArrived(nine);
        assertThat(model.errorProperty().get()).contains("déjà « Arrivé »");
    }
}
