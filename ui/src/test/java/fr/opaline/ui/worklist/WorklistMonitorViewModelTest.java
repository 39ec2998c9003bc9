package fr.opaline.ui.worklist;

import static org.assertj.core.api.Assertions.assertThat;

import fr.opaline.core.catalogue.Modality;
import fr.opaline.core.order.StepStatus;
import fr.opaline.ui.i18n.Messages;
import fr.opaline.ui.testing.DesktopFixture;
import fr.opaline.ui.testing.Direct;
import fr.opaline.ui.testing.Stepped;
import java.time.LocalTime;
import org.junit.jupiter.api.Test;

class WorklistMonitorViewModelTest {

    @Test
    void todaysStepsByModalityWithTheirStatus() throws Exception {
        try (DesktopFixture f = new DesktopFixture()) {
            f.core.booking.markArrived(f.qualifiedAtNine.appointment().id(), f.actor);
            f.core.booking.book(new fr.opaline.core.scheduling.BookingRequest(f.provisional.id(), f.scanner2.id(),
                    f.thorax.id(), f.at(java.time.LocalTime.of(9, 0)).plus(java.time.Duration.ofDays(1)), null, null,
                    null, null), f.actor);
            WorklistMonitorViewModel monitor = new WorklistMonitorViewModel(new WorklistGateway(f.signedInClient(f.secretary)),
                    Direct.background(), Messages.french(), f.core.clock);

            monitor.refresh();

            assertThat(monitor.steps()).hasSize(3);
            assertThat(monitor.summaries()).extracting(ModalitySummary::modality).containsExactly(Modality.CT, Modality.US);
            ModalitySummary ct = monitor.summaries().get(0);
            assertThat(ct.count(StepStatus.ARRIVED)).isEqualTo(1);
            assertThat(ct.count(StepStatus.SCHEDULED)).isEqualTo(1);
            assertThat(ct.total()).isEqualTo(2);
            assertThat(monitor.refreshedAtProperty().get()).isNotNull();

            monitor.modalityProperty().set(Modality.US);
            assertThat(monitor.steps()).extracting(s -> s.patient().id()).containsExactly(f.retrieved.id());
            monitor.modalityProperty().set(null);
            assertThat(monitor.steps()).hasSize(3);
        }
    }

    /** The copy this monitor had dropped a refresh asked while a read ran: the new step stayed unseen. */
    @Test
    void aRefreshAskedDuringAReadIsDoneAfterIt() throws Exception {
        try (DesktopFixture f = new DesktopFixture()) {
            Stepped stepped = new Stepped();
            WorklistMonitorViewModel monitor = new WorklistMonitorViewModel(new WorklistGateway(f.signedInClient(f.secretary)),
                    stepped.background(), Messages.french(), f.core.clock);
            monitor.refresh();
            stepped.work();
            f.book(f.provisional, f.scanner2, f.thorax, LocalTime.of(15, 0));
            monitor.refresh();

            stepped.settle();

            assertThat(monitor.steps()).as("the step booked during the first read is shown").hasSize(4);
            assertThat(monitor.summaries().get(0).total()).isEqualTo(3);
        }
    }

    @Test
    void aTechnologistMarksTheChosenExamAndTheFrontDeskIsRefusedInFrench() throws Exception {
        try (DesktopFixture f = new DesktopFixture()) {
            var merm = f.core.user("manip", fr.opaline.core.user.Role.MANIPULATEUR, null);
            javafx.beans.property.SimpleBooleanProperty performer = new javafx.beans.property.SimpleBooleanProperty(true);
            java.util.concurrent.atomic.AtomicReference<fr.opaline.core.common.Actor> who =
                    new java.util.concurrent.atomic.AtomicReference<>(f.actor);
            WorklistMonitorViewModel monitor = new WorklistMonitorViewModel(new WorklistGateway(f.signedInClient(f.secretary)),
                    Direct.background(), Messages.french(), f.core.clock, who::get, performer);
            monitor.refresh();
            var martin = monitor.steps().stream().filter(s -> s.patient().id().equals(f.qualified.id())).findFirst()
                    .orElseThrow();
            assertThat(monitor.canCompleteBinding().get()).as("nothing chosen").isFalse();
            monitor.selectedProperty().set(martin);
            assertThat(monitor.canStartBinding().get()).isTrue();

            monitor.complete(); // the secretary: the server refuses, nothing changes
            assertThat(monitor.errorProperty().get())
                    .isEqualTo("Votre rôle (secrétaire) ne permet pas de marquer un examen réalisé.");
            assertThat(monitor.selectedProperty().get().step().status()).isEqualTo(StepStatus.SCHEDULED);

            f.signedIn(merm);
            who.set(fr.opaline.core.common.Actor.user(merm.id(), merm.login()));
            monitor.start();
            assertThat(monitor.selectedProperty().get().step().status()).isEqualTo(StepStatus.IN_PROGRESS);
            assertThat(monitor.infoProperty().get()).isEqualTo("Examen en cours : MARTIN Anne · Scanner thoracique.");
            assertThat(monitor.canStartBinding().get()).isFalse();
            monitor.complete();
            assertThat(monitor.selectedProperty().get().step().status()).isEqualTo(StepStatus.COMPLETED);
            assertThat(monitor.canCompleteBinding().get()).isFalse();
            performer.set(false);
            monitor.selectedProperty().set(monitor.steps().get(0));
            assertThat(monitor.canStartBinding().get()).as("not for the front desk").isFalse();
        }
    }
}
