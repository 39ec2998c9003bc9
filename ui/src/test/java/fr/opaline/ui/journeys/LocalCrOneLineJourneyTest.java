package fr.opaline.ui.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import fr.opaline.core.document.DocumentRepository;
import fr.opaline.documents.drimbox.DrimboxLinkTemplate;
import fr.opaline.documents.report.SampleReport;
import fr.opaline.ui.testing.DesktopFixture;
import java.time.Duration;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import org.junit.jupiter.api.Test;

/**
 * Issue 23 journey (CDA/DD.15): a CR validated here is stored three times (its N3, its N1 and its
 * PDF) and shows as one line of the record, its forms named beside it; the PDF opens from the
 * line's menu.
 */
class LocalCrOneLineJourneyTest extends DesktopJourney {

    private SampleReport.Result sample;

    @Override
    protected void prepare(DesktopFixture fixture) {
        sample = SampleReport.create(fixture.db.database(), fixture.core.clock,
                new DrimboxLinkTemplate(DrimboxLinkTemplate.DEFAULT_TEMPLATE, Duration.ofDays(365)));
    }

    @Test
    void aLocalCrIsOneLineWithItsN1AndPdfBehind() throws Exception {
        assertThat(new DocumentRepository(f.db.database().dsl()).listForPatient(sample.patient().id())).hasSize(3);
        robot.interact(() -> app.mainWindow().openRecord(sample.patient()));
        until(() -> robot.lookup("#record-name").tryQuery().isPresent());
        until(() -> robot.lookup("Documents (1)").tryQuery().isPresent());
        robot.clickOn("Documents (1)");
        Node table = robot.lookup("#record-documents").queryAs(Node.class);
        until(() -> robot.from(table).lookup("CDA N3 · CDA N1 · PDF").tryQuery().isPresent());

        Node line = robot.from(table).lookup("CDA N3 · CDA N1 · PDF").queryAs(Node.class);
        robot.clickOn(line);
        untilText("#viewer-note", t -> !t.isEmpty() && !t.startsWith("Pas de PDF")); // the N3's PDF copy
        untilText("#viewer-patient", ("Patient : Lefèvre-Durand Hélène (né(e) DURAND), né(e) le 12/04/1968, INS "
                + sample.patient().ins().matricule())::equals);

        // The line's menu (a right click; headless Monocle sends no context-menu request, so it is shown as
        // the right click would show it).
        Node row = line;
        while (!(row instanceof javafx.scene.control.TableRow<?>)) {
            row = row.getParent();
        }
        javafx.scene.control.TableRow<?> tableRow = (javafx.scene.control.TableRow<?>) row;
        robot.interact(() -> tableRow.getContextMenu().show(tableRow, javafx.geometry.Side.BOTTOM, 0, 0));
        until(() -> robot.lookup("Ouvrir le CDA N1").tryQuery().isPresent());
        assertThat(tableRow.getContextMenu().getItems()).extracting(javafx.scene.control.MenuItem::getText)
                .containsExactly("Ouvrir le CDA N3", "Ouvrir le CDA N1", "Ouvrir le PDF");
        robot.clickOn("Ouvrir le PDF");
        until(() -> !robot.lookup("#viewer-patient").queryAs(Node.class).isVisible()); // a bare PDF names nobody
        untilText("#viewer-note", t -> t.endsWith("page") || t.endsWith("pages"));
    }
}
