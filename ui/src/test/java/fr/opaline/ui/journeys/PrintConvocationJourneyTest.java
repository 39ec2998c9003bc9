package fr.opaline.ui.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import fr.opaline.core.catalogue.ExamPreparations;
import fr.opaline.core.practice.PracticeSettings;
import fr.opaline.ui.print.Printouts;
import fr.opaline.ui.testing.DesktopFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import javafx.scene.input.KeyCode;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 24 journey: from the agenda card, the secretary saves the convocation of the selected
 * appointment as PDF; the server renders it (practice header, date and time, room, exam and the
 * preparation the administrator typed). The native file chooser cannot be driven under Monocle:
 * the journey gives the path through {@link Printouts#useSaveTarget} (the rest is the real path).
 */
class PrintConvocationJourneyTest extends DesktopJourney {

    @TempDir
    Path dir;

    @Override
    protected void prepare(DesktopFixture fixture) {
        PracticeSettings settings = new PracticeSettings(fixture.core.database);
        settings.put(PracticeSettings.NAME, "Imagerie des Tilleuls");
        settings.put(PracticeSettings.PHONE, "01 02 03 04 05");
        fixture.core.database.inTransactionRun(ctx -> new ExamPreparations(ctx).set(fixture.thorax.id(),
                "Venir à jeun depuis 4 heures.", fixture.core.clock.instant(), "admin"));
    }

    @Override
    protected void warmUpJourney() throws Exception {
        robot.clickOn("#appointment-" + f.provisionalAtTen.appointment().id());
        robot.clickOn("#action-convocation");
        until(() -> robot.lookup("#print-dialog").tryQuery().isPresent());
        robot.press(KeyCode.ESCAPE).release(KeyCode.ESCAPE);
        until(() -> robot.lookup("#print-dialog").tryQuery().isEmpty());
        robot.clickOn("#action-record");
        until(() -> robot.lookup("#record-labels").tryQuery().map(n -> !n.isDisabled()).orElse(false));
        robot.clickOn("#record-labels");
        until(() -> robot.lookup("#print-dialog").tryQuery().isPresent());
        robot.press(KeyCode.ESCAPE).release(KeyCode.ESCAPE);
        until(() -> robot.lookup("#print-dialog").tryQuery().isEmpty());
        robot.clickOn("#record-back");
    }

    @AfterEach
    void restoreTheFileChooser() {
        Printouts.useSaveTarget(null);
    }

    @Test
    void theSecretarySavesTheConvocationAsPdfFromTheAgendaCard() throws Exception {
        Printouts.useSaveTarget((owner, suggested) -> dir.resolve(suggested));
        robot.clickOn("#appointment-" + f.qualifiedAtNine.appointment().id());
        robot.clickOn("#action-convocation");
        until(() -> robot.lookup("#print-dialog").tryQuery().isPresent());
        robot.clickOn("#print-save");
        until(() -> text("#agenda-banner .label").startsWith("PDF enregistré : "));

        Path saved;
        try (var files = Files.list(dir)) {
            saved = files.filter(p -> p.getFileName().toString().startsWith("convocation-")).findFirst().orElseThrow();
        }
        assertThat(text("#agenda-banner .label")).endsWith(saved.toString());
        String text;
        try (var document = Loader.loadPDF(Files.readAllBytes(saved))) {
            text = new PDFTextStripper().getText(document);
        }
        assertThat(text).contains("Imagerie des Tilleuls", "Tél. : 01 02 03 04 05", "Patient : MARTIN ANNE",
                "Date et heure : " + DesktopFixture.TODAY.format(DateTimeFormatter.ofPattern("dd/MM/yyyy")) + " 09:00",
                "Salle : Scanner 1", "Examen : Scanner thoracique", "Préparation", "Venir à jeun depuis 4 heures.");
        assertThat(f.core.audit.forPatient(f.qualified.id(), 30)).extracting(e -> e.action())
                .contains(fr.opaline.server.print.PrintEndpoint.AUDIT_CONVOCATION);
    }

    @Test
    void theSecretarySavesTheLabelsOfAQualifiedPatientFromTheRecord() throws Exception {
        Printouts.useSaveTarget((owner, suggested) -> dir.resolve(suggested));
        robot.clickOn("#appointment-" + f.qualifiedAtNine.appointment().id());
        robot.clickOn("#action-record");
        until(() -> robot.lookup("#record-labels").tryQuery().map(n -> !n.isDisabled()).orElse(false));
        robot.clickOn("#record-labels");
        until(() -> robot.lookup("#print-dialog").tryQuery().isPresent());
        robot.clickOn("#print-save");
        until(() -> Files.exists(dir.resolve("etiquettes-" + f.qualified.ipp() + ".pdf")));
        untilText("#record-banner .label", s -> s.startsWith("PDF enregistré : "));
        String text;
        try (var document = Loader.loadPDF(Files.readAllBytes(dir.resolve("etiquettes-" + f.qualified.ipp() + ".pdf")))) {
            text = new PDFTextStripper().getText(document);
        }
        assertThat(text).contains("MARTIN ANNE", "Nom de naissance : MARTIN", "Né(e) le 06/05/1980",
                "IPP : " + f.qualified.ipp(), "INS : 2 80 05 69 123 045");
    }

}
