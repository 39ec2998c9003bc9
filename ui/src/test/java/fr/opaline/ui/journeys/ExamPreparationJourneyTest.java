package fr.opaline.ui.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import fr.opaline.core.catalogue.ExamPreparations;
import fr.opaline.ui.DesktopContext;
import fr.opaline.ui.testing.AdministrationFixture;
import fr.opaline.ui.testing.DesktopFixture;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;

/**
 * Issue 24: the administrator types the preparation instructions of an exam type in
 * Administration; the server keeps them for the convocation letters (nothing is invented: a type
 * without text prints none).
 */
class ExamPreparationJourneyTest extends DesktopJourney {

    private AdministrationFixture admin;

    @Override
    protected String login() {
        return "admin";
    }

    @Override
    protected void prepare(DesktopFixture fixture) throws Exception {
        admin = new AdministrationFixture(fixture);
    }

    @Override
    protected DesktopContext context(DesktopFixture fixture) {
        return admin.context();
    }

    @Override
    protected void warmUpJourney() throws Exception {
        robot.clickOn("#nav-admin");
        until(() -> app.mainWindow().admin().refreshedAtProperty().get() != null);
        robot.clickOn("Salles et examens");
        clickCell("Scanner cérébral");
        robot.clickOn("#admin-exam-preparation");
        until(() -> robot.lookup("#admin-exam-preparation-dialog").tryQuery().isPresent());
        robot.press(KeyCode.ESCAPE).release(KeyCode.ESCAPE);
        until(() -> robot.lookup("#admin-exam-preparation-dialog").tryQuery().isEmpty());
        robot.clickOn("#nav-agenda");
    }

    @Test
    void theAdministratorTypesThePreparationOfAnExamType() throws Exception {
        robot.clickOn("#nav-admin");
        robot.clickOn("Salles et examens");
        clickCell("Scanner thoracique");
        robot.clickOn("#admin-exam-preparation");
        until(() -> robot.lookup("#admin-exam-preparation-text").tryQuery().map(n -> !n.isDisabled()).orElse(false));
        assertThat(robot.lookup("#admin-exam-preparation-text").queryAs(TextArea.class).getText()).isEmpty();
        robot.clickOn("#admin-exam-preparation-text").write("Venir à jeun depuis 4 heures.");
        robot.clickOn("#admin-exam-preparation-save");
        untilText("#admin-banner .label", t -> t.equals("Préparation enregistrée pour Scanner thoracique."));
        String stored = f.core.database.inTransaction(ctx -> new ExamPreparations(ctx).of(f.thorax.id()));
        assertThat(stored).isEqualTo("Venir à jeun depuis 4 heures.");
        assertThat(f.core.audit.latest(1)).extracting(e -> e.action()).containsExactly("EXAM_PREPARATION_CHANGED");
    }

    private void clickCell(String text) throws Exception {
        until(() -> robot.lookup(".table-cell").match((Node n) -> n instanceof Labeled l && text.equals(l.getText())
                && n.isVisible()).tryQuery().isPresent());
        robot.clickOn(robot.lookup(".table-cell").match((Node n) -> n instanceof Labeled l && text.equals(l.getText())
                && n.isVisible()).queryAs(Node.class));
    }
}
