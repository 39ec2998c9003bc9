package fr.opaline.ui.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import fr.opaline.core.common.Actor;
import fr.opaline.core.document.ClinicalDocument;
import fr.opaline.core.document.DocumentRepository;
import fr.opaline.core.document.DocumentStatus;
import fr.opaline.mss.inbound.InboundDocument;
import fr.opaline.ui.testing.DesktopFixture;
import fr.opaline.ui.testing.ReceivedDocuments;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import org.junit.jupiter.api.Test;

/**
 * Issue 23 journey: the viewer on a CR received by MSSanté (the ANS example, an N3 whose PDF copy
 * is an observationMedia in base64) shows the PDF's pages, not "Pas de PDF", with the patient
 * line its header gives (name, birth date, INS); a version that a newer one replaced says so.
 */
class ReceivedCdaViewerJourneyTest extends DesktopJourney {

    private ClinicalDocument held;

    @Override
    protected void prepare(DesktopFixture fixture) {
        ReceivedDocuments received = new ReceivedDocuments(fixture);
        InboundDocument waiting = received.arrivesByMssante("CR scanner");
        InboundDocument attached = received.integration.attach(waiting.id(), fixture.qualified.id(), fixture.actor);
        held = new DocumentRepository(fixture.db.database().dsl()).findById(attached.clinicalDocumentId()).orElseThrow();
        if (testName.contains("Newer")) {
            fixture.db.database().inTransactionRun(ctx -> new DocumentRepository(ctx).updateStatus(held.id(),
                    DocumentStatus.SUPERSEDED));
        }
    }

    private void openTheReceivedCr() throws Exception {
        robot.clickOn("#appointment-" + f.qualifiedAtNine.appointment().id());
        robot.clickOn("#action-record");
        until(() -> robot.lookup("#record-name").tryQuery().map(n -> ((Labeled) n).getText().startsWith("MARTIN"))
                .orElse(false));
        robot.clickOn("Documents (1)");
        robot.clickOn(robot.from(robot.lookup("#record-documents").queryAs(Node.class))
                .lookup(held.title()).queryAs(Node.class));
        untilText("#viewer-note", t -> !t.isEmpty());
    }

    @Test
    void theEmbeddedPdfIsShownWithThePatientTheCdaNames() throws Exception {
        openTheReceivedCr();
        assertThat(text("#viewer-note")).doesNotStartWith("Pas de PDF").contains("page");
        assertThat(robot.lookup("#viewer-pages").queryAs(javafx.scene.layout.VBox.class).getChildren()).isNotEmpty();
        untilText("#viewer-patient", t -> t.startsWith("Patient : PAT-TROIS DOMINIQUE")
                && t.contains("INS 279035121518989") && t.contains("né(e) le"));
        assertThat(robot.lookup("#viewer-version-notice").queryAs(Node.class).isVisible()).isFalse();
    }

    @Test
    void aVersionReplacedByANewerOneSaysSo() throws Exception {
        openTheReceivedCr();
        untilText("#viewer-version-notice", t -> t.startsWith("Une version plus récente de ce document existe"));
        assertThat(robot.lookup("#viewer-version-notice").queryAs(Node.class).isVisible()).isTrue();
    }
}
