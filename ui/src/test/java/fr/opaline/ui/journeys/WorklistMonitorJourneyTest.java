package fr.opaline.ui.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import fr.opaline.core.order.StepEntry;
import fr.opaline.core.order.StepStatus;
import javafx.scene.Node;
import javafx.scene.control.TableView;
import org.junit.jupiter.api.Test;

/** Issue 9 journey: the worklist monitor shows today's steps and follows an arrival. */
class WorklistMonitorJourneyTest extends DesktopJourney {

    @Test
    void todaysStepsShowByModalityAndAnArrivalReachesThem() throws Exception {
        robot.clickOn("#nav-worklist");
        @SuppressWarnings("unchecked")
        TableView<StepEntry> table = robot.lookup("#worklist-table").queryAs(TableView.class);
        until(() -> table.getItems().size() == 3);
        assertThat(table.getItems()).extracting(s -> s.step().status()).containsOnly(StepStatus.SCHEDULED);
        assertThat(robot.from(robot.lookup("#summary-CT").queryAs(Node.class)).lookup(".summary-total").queryLabeled()
                .getText()).isEqualTo("2 examens");
        assertThat(robot.lookup("MARTIN Anne").tryQuery()).isPresent();
        assertThat(robot.lookup("#worklist-performance").query().isVisible())
                .as("the front desk does not mark exams performed").isFalse();

        robot.clickOn("#nav-agenda");
        robot.clickOn("#appointment-" + f.qualifiedAtNine.appointment().id());
        robot.clickOn("#action-arrived");
        until(() -> text("#agenda-banner .label").startsWith("Arrivée de MARTIN Anne enregistrée"));

        robot.clickOn("#nav-worklist");
        until(() -> table.getItems().stream().anyMatch(s -> s.step().id().equals(f.qualifiedAtNine.step().id())
                && s.step().status() == StepStatus.ARRIVED));
        assertThat(robot.from(table).lookup(".step-arrived").queryLabeled().getText()).isEqualTo("Arrivé");
        assertThat(table.getItems()).extracting(s -> s.step().status()).as("arrival is not performance")
                .doesNotContain(StepStatus.IN_PROGRESS, StepStatus.COMPLETED);
    }
}
