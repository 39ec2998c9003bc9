package fr.opaline.ui.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import fr.opaline.core.report.ReportVersion;
import fr.opaline.dmp.xds.XdsDocumentEntry;
import fr.opaline.sandbox.drimbox.ReceivedCr;
import fr.opaline.ui.DesktopContext;
import fr.opaline.ui.testing.DesktopFixture;
import fr.opaline.ui.testing.ReportingFixture;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
import javafx.scene.layout.VBox;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Issue 9 journey (issue 19 rules): on an exam the technologist marked réalisé, the radiologist
 * starts a CR from the exam type's outline, hides it from the
 * patient in one click, validates it (legal authentication by their RPPS), and the editor follows
 * its delivery: the DMP send waits for the deferral, goes to the sandbox DMP over mutual TLS
 * (SC.DMP/ALI/PROG.02), then the DRIMbox send to the sandbox DRIMbox source over MLLP
 * (SC.DB/RIS.12). The amendment then replaces it in both. Every status shown comes from the
 * outbox jobs the background worker really ran.
 */
class ReportToDrimboxJourneyTest extends DesktopJourney {

    private ReportingFixture reporting;

    @Override
    protected void prepare(DesktopFixture fixture) throws Exception {
        reporting = new ReportingFixture(fixture);
        var technologist = fixture.core.user("manip", fr.opaline.core.user.Role.MANIPULATEUR, null);
        fixture.core.progress.complete(fixture.qualifiedAtNine.step().id(),
                fr.opaline.core.common.Actor.user(technologist.id(), technologist.login()));
    }

    @Override
    protected DesktopContext context(DesktopFixture fixture) {
        return reporting.context();
    }

    @Override
    protected String login() {
        return reporting.radiologist.login();
    }

    @Override
    protected void warmUpJourney() throws Exception {
        robot.clickOn("#nav-reports");
        until(() -> robot.lookup("#report-exam-" + f.retrievedEchoAtNine.step().id()).tryQuery().isPresent());
        robot.clickOn("#report-exam-" + f.retrievedEchoAtNine.step().id());
        until(() -> text("#report-heading").startsWith("LEFEVRE"));
        until(() -> text("#report-status").equals("Non commencé"));
        robot.clickOn("#report-validate");
        until(() -> robot.lookup("#validate-cancel").tryQuery().isPresent());
        robot.clickOn("#validate-cancel");
        until(() -> robot.lookup("#validate-dialog").tryQuery().isEmpty());
        robot.clickOn("#nav-agenda");
    }

    @AfterEach
    void closeReporting() throws Exception {
        if (reporting != null) {
            reporting.close();
        }
    }

    private VBox preview() {
        return robot.lookup("#report-preview").queryAs(VBox.class);
    }

    /** Sends over the network by the background worker: a slower machine gets more time. */
    private void untilDelivered(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(45, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(condition).get());
    }

    @Test
    void writeValidateAndSeeItReachTheDmpThenTheDrimbox() throws Exception {
        robot.clickOn("#nav-reports");
        @SuppressWarnings("unchecked")
        ListView<?> exams = robot.lookup("#report-exams").queryAs(ListView.class);
        until(() -> exams.getItems().size() == 3);
        robot.clickOn("#report-exam-" + f.qualifiedAtNine.step().id());
        untilText("#report-heading", t -> t.equals("MARTIN Anne · Scanner thoracique"));
        assertThat(text("#report-exam-status")).isEqualTo("Examen : Réalisé");
        assertThat(text("#report-status")).isEqualTo("Non commencé");

        // The CT-THX outline: headings with blanks, no findings; applying it starts the draft.
        robot.clickOn("#report-template");
        untilText("#report-status", t -> t.equals("Brouillon"));
        TextArea results = robot.lookup("#report-results").queryAs(TextArea.class);
        assertThat(results.getText()).startsWith("Parenchyme pulmonaire :").doesNotContain("pas de nodule");
        assertThat(text("#report-conclusion")).isEmpty();
        typeInto("#report-results", "\nNodule de 4 mm du lobe inférieur droit, à contrôler.");
        typeInto("#report-conclusion", "Nodule pulmonaire de 4 mm.");
        // The preview follows the text as typed, not yet saved.
        until(() -> app.mainWindow().reports().previewedProperty().get() != null
                && app.mainWindow().reports().previewedProperty().get().conclusion().equals("Nodule pulmonaire de 4 mm."));
        until(() -> !preview().getChildren().isEmpty() && !app.mainWindow().reports().previewingProperty().get());

        // "Invisible au patient" in one click.
        robot.clickOn("#report-invisible");
        untilText("#report-status", t -> t.equals("Brouillon · invisible au patient"));
        assertThat(results.getText()).as("the text typed is kept").endsWith("à contrôler.");

        robot.clickOn("#report-validate");
        untilText("#validate-patient", t -> t.startsWith("MARTIN Anne"));
        assertThat(text("#validate-exam")).startsWith("Scanner thoracique · demande " + f.qualifiedAtNine.order().accessionNumber());
        assertThat(text("#validate-date")).isEqualTo("02/03/2026 09:00");
        assertThat(text("#validate-status")).as("réalisé, then dicté once the draft exists").isEqualTo("Dicté");
        assertThat(text("#validate-conclusion")).isEqualTo("Nodule pulmonaire de 4 mm.");
        assertThat(robot.lookup("#validate-not-performed").tryQuery()).isEmpty();
        robot.clickOn("#validate-confirm");
        untilText("#report-status", t -> t.equals("Validé · invisible au patient"));
        assertThat(text("#report-banner .label")).startsWith("Compte rendu validé");

        ReportVersion validated = reporting.reports.versions(
                reporting.reports.findByOrder(f.qualifiedAtNine.order().id()).orElseThrow().id()).get(0);
        assertThat(validated.results()).endsWith("Nodule de 4 mm du lobe inférieur droit, à contrôler.");
        assertThat(validated.legalAuthenticatorId()).isEqualTo(reporting.radiologist.id());
        assertThat(validated.invisibleToPatient()).isTrue();

        // The DMP send waits for the deferral; the DRIMbox waits for the DMP's acknowledgement.
        untilText("#report-send-DMP", t -> t.startsWith("DMP : En attente · départ à "));
        assertThat(text("#report-send-DRIMBOX")).isEqualTo("DRIMbox : aucun envoi");
        assertThat(inDmp()).isEmpty();

        reporting.afterDeferral();
        untilDelivered(() -> text("#report-send-DMP").equals("DMP : Envoyé"));
        untilDelivered(() -> text("#report-send-DRIMBOX").equals("DRIMbox : Envoyé"));
        assertThat(inDmp()).singleElement().satisfies(entry -> {
            assertThat(entry.uniqueId()).isEqualTo(validated.documentUid());
            assertThat(entry.invisibleToPatient()).isTrue();
        });
        ReceivedCr received = reporting.drimbox.documents().get(validated.documentUid());
        assertThat(received).isNotNull();
        assertThat(received.status()).isEqualTo("ACTUEL");
        assertThat(received.patientIns()).isEqualTo(f.qualified.ins().matricule());

        // Amend: a new version in draft, validated, replaces the first one in the DMP and the DRIMbox.
        robot.clickOn("#report-reason").write("Erreur de latéralité");
        robot.clickOn("#report-amend");
        untilDelivered(() -> text("#report-status").startsWith("Brouillon"));
        robot.clickOn("#report-validate");
        until(() -> robot.lookup("#validate-confirm").tryQuery().isPresent());
        robot.clickOn("#validate-confirm");
        untilDelivered(() -> text("#report-status").startsWith("Validé"));
        ReportVersion amended = reporting.reports.versions(validated.reportId()).get(1);
        until(() -> text("#report-send-DMP").startsWith("DMP : En attente"));
        reporting.afterDeferral();
        untilDelivered(() -> text("#report-send-DRIMBOX").equals("DRIMbox : Envoyé"));
        // The sandbox is read off the FX thread (a slow read there would count as a stall).
        WaitForAsyncUtils.waitFor(45, TimeUnit.SECONDS, () -> reporting.drimbox.documents().containsKey(amended.documentUid()));
        assertThat(inDmp()).extracting(XdsDocumentEntry::uniqueId).contains(amended.documentUid());
        assertThat(reporting.drimbox.documents().get(validated.documentUid()).status()).isEqualTo("REMPLACE");
        assertThat(reporting.drimbox.documents().get(amended.documentUid()).status()).isEqualTo("ACTUEL");
        assertThat(reporting.drimbox.messages()).extracting(m -> m.get("ack")).containsOnly("AA");
    }

    private List<XdsDocumentEntry> inDmp() {
        return reporting.dmp.transactions().documents(f.qualified.ins().matricule());
    }
}
