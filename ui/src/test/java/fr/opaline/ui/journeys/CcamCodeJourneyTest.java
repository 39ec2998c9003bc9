package fr.opaline.ui.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import fr.opaline.core.catalogue.CatalogueRepository;
import fr.opaline.core.catalogue.ExamType;
import fr.opaline.ui.DesktopContext;
import fr.opaline.ui.testing.AdministrationFixture;
import fr.opaline.ui.testing.DesktopFixture;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 24 (CCAM): the administrator imports a CCAM extract from the Administration screen, gives
 * an exam its CCAM code with the picker of the imported acts, and the booking dialog then names the
 * exam « label — CCAM code »; a bad extract is refused in French and changes nothing.
 */
class CcamCodeJourneyTest extends DesktopJourney {

    private AdministrationFixture admin;
    private Path dir;

    @Override
    protected String login() {
        return "admin";
    }

    @Override
    protected void prepare(DesktopFixture fixture) throws Exception {
        admin = new AdministrationFixture(fixture);
        dir = Files.createTempDirectory("opaline-ccam-journey");
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
        robot.clickOn("#admin-exam-ccam-pick");
        robot.clickOn("#admin-exam-ccam-pick");
        robot.clickOn("#nav-agenda");
    }

    @AfterEach
    void removeFiles() throws Exception {
        if (dir != null) {
            try (var files = Files.list(dir)) {
                for (Path file : files.toList()) {
                    Files.delete(file);
                }
            }
            Files.delete(dir);
        }
    }

    @Test
    void anAdministratorImportsAnExtractGivesAnExamItsCcamCodeAndTheBookingDialogShowsIt() throws Exception {
        // Test data: a fictitious act in the CCAM format, in an ATIH-like Windows-1252 export.
        Path bad = dir.resolve("faux.csv");
        Files.writeString(bad, "Code;Libellé\nZZZZ001;Acte d'essai (test)\nZZZ01;Code faux\n");
        Path good = dir.resolve("ccam.csv");
        Files.writeString(good, "Date d'effet;Code;Libellé long\n01/01/2024;ZZZZ001;Acte d'essai (test)\n",
                Charset.forName("windows-1252"));

        robot.clickOn("#nav-admin");
        robot.clickOn("Salles et examens");
        typeInto("#admin-ccam-file", bad.toString());
        robot.clickOn("#admin-ccam-import");
        untilText("#admin-banner .label", t -> t.contains("Ligne 3 : Code CCAM invalide « ZZZ01 »"));
        assertThat(new CatalogueRepository(f.db.database().dsl()).ccamActs()).isEmpty();

        robot.interact(() -> robot.lookup("#admin-ccam-file").queryAs(javafx.scene.control.TextField.class).clear());
        typeInto("#admin-ccam-file", good.toString());
        robot.clickOn("#admin-ccam-import");
        untilText("#admin-banner .label", t -> t.equals(
                "Import CCAM : 1 acte(s) lu(s), dont 1 nouveau(x) ; 0 examen(s) associé(s)."));

        // The exams table is short on the headless screen: scrolled to the row as with its scroll bar.
        @SuppressWarnings("unchecked")
        javafx.scene.control.TableView<ExamType> exams = robot.lookup("#admin-exams-table")
                .queryAs(javafx.scene.control.TableView.class);
        until(() -> exams.getItems().stream().anyMatch(x -> x.code().equals("CT-THX")));
        robot.interact(() -> exams.scrollTo(exams.getItems().stream().filter(x -> x.code().equals("CT-THX"))
                .findFirst().orElseThrow()));
        clickCell("CT-THX");
        until(() -> exams.getSelectionModel().getSelectedItem() != null
                && exams.getSelectionModel().getSelectedItem().code().equals("CT-THX"));
        until(() -> !robot.lookup("#admin-exam-ccam-pick").queryAs(javafx.scene.control.ComboBox.class)
                .getItems().isEmpty());
        robot.clickOn("#admin-exam-ccam-pick");
        robot.clickOn(robot.lookup(".combo-box-popup .list-cell").match((Node n) -> n instanceof Labeled l
                && "ZZZZ001 — Acte d'essai (test)".equals(l.getText())).queryAs(Node.class));
        assertThat(text("#admin-exam-edit-ccam")).isEqualTo("ZZZZ001");
        Node save = robot.lookup("#admin-exam-save").query();
        robot.clickOn("#admin-exam-save");
        untilText("#admin-banner .label", t -> t.equals("Examen CT-THX modifié."));
        ExamType saved = new CatalogueRepository(f.db.database().dsl()).examTypeByCode("CT-THX").orElseThrow();
        assertThat(saved.ccamCode()).isEqualTo("ZZZZ001");

        robot.clickOn("#nav-agenda");
        robot.clickOn("#agenda-book");
        until(() -> robot.lookup("#booking-dialog").tryQuery().isPresent());
        Node dialog = robot.lookup("#booking-dialog").query();
        until(() -> robot.from(dialog).lookup(".exam-label").match((Node n) -> n instanceof Labeled l
                && "Scanner thoracique — ZZZZ001".equals(l.getText())).tryQuery().isPresent());
        assertThat(robot.from(dialog).lookup((Node n) -> n instanceof Labeled l && l.getText() != null
                && l.getText().contains("CT-THX")).tryQuery()).as("the internal code gives way to the CCAM code")
                .isEmpty();
        robot.press(javafx.scene.input.KeyCode.ESCAPE).release(javafx.scene.input.KeyCode.ESCAPE);
        until(() -> robot.lookup("#booking-dialog").tryQuery().isEmpty());
    }

    private void clickCell(String text) throws Exception {
        until(() -> robot.lookup(".table-cell").match((Node n) -> n instanceof Labeled l && text.equals(l.getText())
                && n.isVisible()).tryQuery().isPresent());
        robot.clickOn(robot.lookup(".table-cell").match((Node n) -> n instanceof Labeled l && text.equals(l.getText()))
                .queryAs(Node.class));
    }
}
