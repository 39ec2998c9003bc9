package fr.opaline.ui.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import fr.opaline.core.audit.AuditEvent;
import fr.opaline.core.order.ExamProgressService;
import fr.opaline.core.order.StepEntry;
import fr.opaline.core.order.StepStatus;
import fr.opaline.core.user.Role;
import fr.opaline.ui.testing.DesktopFixture;
import javafx.scene.control.Button;
import javafx.scene.control.TableView;
import org.junit.jupiter.api.Test;

/**
 * Issue 19 journey of the technologist (MERM): from the worklist monitor, the exam chosen is
 * marked en cours then réalisé; each act is audited under their name. Arrival is not performance.
 */
class ExamPerformedJourneyTest extends DesktopJourney {

    @Override
    protected void prepare(DesktopFixture fixture) {
        fixture.core.user("manip", Role.MANIPULATEUR, null);
    }

    @Override
    protected String login() {
        return "manip";
    }

    @Test
    void theTechnologistMarksTheExamInProgressThenPerformed() throws Exception {
        robot.clickOn("#nav-worklist");
        @SuppressWarnings("unchecked")
        TableView<StepEntry> table = robot.lookup("#worklist-table").queryAs(TableView.class);
        until(() -> table.getItems().size() == 3);
        assertThat(robot.lookup("#worklist-performance").query().isVisible()).isTrue();
        Button start = robot.lookup("#worklist-start").queryButton();
        Button complete = robot.lookup("#worklist-complete").queryButton();
        assertThat(start.isDisabled()).as("nothing chosen").isTrue();

        // The periodic read may replace the row under the pointer between the lookup and the click:
        // the technologist clicks the row again, as a person would, until it is chosen.
        for (int attempt = 1; ; attempt++) {
            robot.clickOn(robot.from(table).lookup("MARTIN Anne").<javafx.scene.Node>query(),
                    javafx.scene.input.MouseButton.PRIMARY);
            try {
                until(() -> !start.isDisabled());
                break;
            } catch (java.util.concurrent.TimeoutException e) {
                if (attempt == 3) {
                    throw e;
                }
            }
        }
        robot.clickOn(start);
        until(() -> statusOf(table) == StepStatus.IN_PROGRESS);
        untilText("#worklist-banner .label", t -> t.startsWith("Examen en cours : MARTIN Anne"));
        until(() -> start.isDisabled() && !complete.isDisabled());
        robot.clickOn(complete);
        until(() -> statusOf(table) == StepStatus.COMPLETED);
        until(() -> robot.from(table).lookup(".step-completed").tryQuery().isPresent());
        assertThat(robot.from(table).lookup(".step-completed").queryLabeled().getText()).isEqualTo("Réalisé");
        until(() -> complete.isDisabled());

        assertThat(f.core.audit.forPatient(f.qualified.id(), 50)).filteredOn(e -> e.action().startsWith("EXAM_"))
                .extracting(AuditEvent::action, AuditEvent::actorLogin)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(ExamProgressService.EXAM_COMPLETED, "manip"),
                        org.assertj.core.groups.Tuple.tuple(ExamProgressService.EXAM_STARTED, "manip"));
    }

    private StepStatus statusOf(TableView<StepEntry> table) {
        return table.getItems().stream().filter(s -> s.step().id().equals(f.qualifiedAtNine.step().id())).findFirst()
                .map(s -> s.step().status()).orElse(null);
    }
}
