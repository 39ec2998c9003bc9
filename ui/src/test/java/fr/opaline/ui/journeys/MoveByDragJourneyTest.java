package fr.opaline.ui.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import fr.opaline.core.order.OrderRepository;
import fr.opaline.core.scheduling.AppointmentRepository;
import java.time.LocalTime;
import javafx.scene.Node;
import javafx.scene.input.MouseButton;
import org.junit.jupiter.api.Test;

/** Issue 9 journey: move an appointment by drag; a drop on a taken slot is refused visibly. */
class MoveByDragJourneyTest extends DesktopJourney {

    /** The agenda's scale: 2 pixels a minute. */
    static final double PIXELS_PER_MINUTE = 2.0;

    @Test
    void draggingABlockMovesTheAppointmentAndItsWorklistStep() throws Exception {
        var id = f.qualifiedAtNine.appointment().id();
        Node block = robot.lookup("#appointment-" + id).query();

        robot.drag(block, MouseButton.PRIMARY).moveBy(0, 120 * PIXELS_PER_MINUTE).drop();

        until(() -> text("#agenda-banner .label").startsWith("Rendez-vous de MARTIN Anne déplacé"));
        assertThat(text("#agenda-banner .label")).contains("11:00").contains("Scanner 1");
        assertThat(new AppointmentRepository(f.db.database().dsl()).findById(id).orElseThrow().startsAt())
                .isEqualTo(f.at(LocalTime.of(11, 0)));
        assertThat(new OrderRepository(f.db.database().dsl()).findStep(f.qualifiedAtNine.step().id()).orElseThrow()
                .scheduledStart()).isEqualTo(f.at(LocalTime.of(11, 0)));
    }

    @Test
    void droppingOnATakenSlotIsRefusedWithTheReasonAndNothingMoves() throws Exception {
        var id = f.provisionalAtTen.appointment().id();
        Node block = robot.lookup("#appointment-" + id).query();

        robot.drag(block, MouseButton.PRIMARY).moveBy(0, -50 * PIXELS_PER_MINUTE);
        assertThat(block.getStyleClass()).contains("agenda-drop-refused");
        assertThat(text(".agenda-drag-hint")).isEqualTo("Créneau pris par MARTIN Anne (09:00 – 09:20).");
        robot.drop();

        until(() -> text("#agenda-banner .label").startsWith("Créneau déjà occupé en salle Scanner 1"));
        assertThat(new AppointmentRepository(f.db.database().dsl()).findById(id).orElseThrow().startsAt())
                .isEqualTo(f.at(LocalTime.of(10, 0)));
        until(() -> robot.lookup("#appointment-" + id).query().getLayoutY() > block.getLayoutY() - 1);
    }
}
