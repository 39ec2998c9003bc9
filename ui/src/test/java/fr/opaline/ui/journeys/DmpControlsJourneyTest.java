package fr.opaline.ui.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import fr.opaline.core.audit.AuditEvent;
import fr.opaline.core.common.Actor;
import fr.opaline.core.document.ClinicalDocument;
import fr.opaline.core.document.DocumentRepository;
import fr.opaline.core.outbox.JobState;
import fr.opaline.core.report.ReportContent;
import fr.opaline.core.report.ReportService;
import fr.opaline.core.report.ReportVersion;
import fr.opaline.dmp.DmpAuditActions;
import fr.opaline.dmp.xds.XdsDocumentEntry;
import fr.opaline.dmp.xds.XdsVocabulary;
import fr.opaline.documents.report.ReportDocumentsPublisher;
import fr.opaline.documents.report.ReportRenderer;
import fr.opaline.ui.DesktopContext;
import fr.opaline.ui.testing.DesktopFixture;
import fr.opaline.ui.testing.ReportingFixture;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Issue 23, the DMP controls of the desktop, against the sandbox DMP: the radiologist holds a CR's
 * send before validation (not sent at validation) then releases it (sent); she sends a document of an
 * earlier episode from the record's DMP tab (confirmed), then deletes it from the DMP only (confirmed,
 * with a reason: the record keeps it); she hides a CR from the legal representatives, from the
 * editor and from the DMP tab, and the DMP's metadata say so.
 */
class DmpControlsJourneyTest extends DesktopJourney {

    private ReportingFixture reporting;
    /** The CDA of a CR validated before the practice fed the DMP (historical), for the record's tests. */
    private ReportVersion past;

    @Override
    protected void prepare(DesktopFixture fixture) throws Exception {
        reporting = new ReportingFixture(fixture);
        var technologist = fixture.core.user("manip", fr.opaline.core.user.Role.MANIPULATEUR, null);
        fixture.core.progress.complete(fixture.qualifiedAtNine.step().id(),
                Actor.user(technologist.id(), technologist.login()));
        if (!testName.startsWith("hold")) {
            // A CR of the practice made without DMP feeding (before it was set up): stored, never sent.
            var database = fixture.db.database();
            ReportService before = new ReportService(database, fixture.core.audit, fixture.core.ids, fixture.core.clock,
                    fixture.core.uids);
            before.addPublicationListener(new ReportDocumentsPublisher(reporting.loader, new ReportRenderer(),
                    fixture.core.ids, fixture.core.clock));
            Actor radiologist = Actor.user(reporting.radiologist.id(), reporting.radiologist.login());
            ReportVersion draft = before.createDraft(fixture.qualifiedAtNine.order().id(), radiologist);
            before.updateDraft(draft.reportId(), new ReportContent("Toux.", "Scanner thoracique.",
                    "Pas de nodule.", "Examen normal."), radiologist);
            past = before.validate(draft.reportId(), radiologist);
        }
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
        robot.clickOn("#report-validate");
        until(() -> robot.lookup("#validate-cancel").tryQuery().isPresent());
        robot.clickOn("#validate-cancel");
        until(() -> robot.lookup("#validate-dialog").tryQuery().isEmpty());
        robot.clickOn("#nav-agenda");
        // The record's "Envois au DMP" tab once (its first layout is not what the guard is about).
        robot.clickOn("#appointment-" + f.provisionalAtTen.appointment().id());
        robot.clickOn("#action-record");
        until(() -> robot.lookup("#record-name").tryQuery().isPresent());
        robot.clickOn("Envois au DMP");
        until(() -> robot.lookup("#dmp-feed-state").tryQuery().map(Node::isVisible).orElse(false));
        robot.clickOn("#record-back");
    }

    @AfterEach
    void closeReporting() throws Exception {
        if (reporting != null) {
            reporting.close();
        }
    }

    /** Sends over the network by the background worker: a slower machine gets more time. */
    private void untilDelivered(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(45, TimeUnit.SECONDS, condition);
    }

    private void untilDeliveredOnFx(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(45, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(condition).get());
    }

    private List<XdsDocumentEntry> inDmp() {
        return reporting.dmp.transactions().documents(f.qualified.ins().matricule());
    }

    private Optional<XdsDocumentEntry> entry(String uniqueId) {
        return inDmp().stream().filter(e -> e.uniqueId().equals(uniqueId)).findFirst();
    }

    private Optional<JobState> submission(String uniqueId) {
        return f.core.outbox.list(fr.opaline.dmp.feeding.DmpJobTypes.ALL, null, f.qualified.id(), 50).stream()
                .filter(j -> j.idempotencyKey() != null && j.idempotencyKey().endsWith(uniqueId)
                        && !j.idempotencyKey().contains("delet"))
                .map(j -> j.state()).findFirst();
    }

    @Test
    void holdTheDmpSendBeforeValidationThenReleaseIt() throws Exception {
        robot.clickOn("#nav-reports");
        until(() -> robot.lookup("#report-exam-" + f.qualifiedAtNine.step().id()).tryQuery().isPresent());
        robot.clickOn("#report-exam-" + f.qualifiedAtNine.step().id());
        untilText("#report-heading", t -> t.equals("MARTIN Anne · Scanner thoracique"));
        typeInto("#report-results", "Nodule de 4 mm du lobe inférieur droit.");
        untilText("#report-status", t -> t.equals("Brouillon"));
        typeInto("#report-conclusion", "Nodule pulmonaire de 4 mm.");
        // The DMP controls appear once the draft exists and the server said how its send is set.
        until(() -> robot.lookup("#report-dmp-held").query().isVisible());
        robot.clickOn("#report-dmp-held");
        untilText("#report-banner .label", t -> t.startsWith("Envoi au DMP suspendu"));
        robot.clickOn("#report-dmp-legal");
        untilText("#report-banner .label", t -> t.startsWith("Compte rendu non visible des représentants légaux"));

        robot.clickOn("#report-validate");
        until(() -> robot.lookup("#validate-confirm").tryQuery().isPresent());
        robot.clickOn("#validate-confirm");
        untilText("#report-status", t -> t.startsWith("Validé"));
        ReportVersion validated = reporting.reports.versions(
                reporting.reports.findByOrder(f.qualifiedAtNine.order().id()).orElseThrow().id()).get(0);
        // Held: the send exists, suspended; past the deferral it does not leave.
        untilText("#report-send-DMP", t -> t.startsWith("DMP : Suspendu"));
        assertThat(submission(validated.documentUid())).contains(JobState.HELD);
        reporting.afterDeferral();
        assertThat(submission(validated.documentUid())).contains(JobState.HELD);
        assertThat(entry(validated.documentUid())).isEmpty();

        // Released: queued again, sent by the worker, hidden from the legal representatives in the DMP.
        assertThat(robot.lookup("#report-dmp-held").queryAs(javafx.scene.control.CheckBox.class).isSelected()).isTrue();
        robot.clickOn("#report-dmp-held");
        untilText("#report-banner .label", t -> t.startsWith("Envoi au DMP autorisé"));
        untilDelivered(() -> entry(validated.documentUid()).isPresent());
        assertThat(entry(validated.documentUid()).orElseThrow().hiddenFromLegalRepresentatives()).isTrue();
        untilDeliveredOnFx(() -> text("#report-send-DMP").equals("DMP : Envoyé"));
        assertThat(f.core.audit.forPatient(f.qualified.id(), 200)).filteredOn(
                e -> e.action().equals(DmpAuditActions.FEED_OPTION_CHANGED)).extracting(AuditEvent::detail)
                .contains("envoi au DMP suspendu", "envoi au DMP autorisé", "non visible des représentants légaux");
    }

    private void openTheRecordsDmpTab() throws Exception {
        robot.clickOn("#nav-agenda");
        robot.clickOn("#appointment-" + f.qualifiedAtNine.appointment().id());
        robot.clickOn("#action-record");
        until(() -> robot.lookup("#record-name").tryQuery().map(n -> ((Labeled) n).getText().startsWith("MARTIN"))
                .orElse(false));
        robot.clickOn("Envois au DMP");
        until(() -> robot.lookup(".record-tabs").queryAs(javafx.scene.control.TabPane.class).getSelectionModel()
                .getSelectedItem().getId().equals("record-dmp-feed-tab"));
        assertThat(text("#dmp-rpps-notice")).contains("tracés sous votre identifiant national (RPPS)");
        Node table = robot.lookup("#dmp-feed-documents").query();
        // A visible row: the table also keeps an invisible row to measure with.
        java.util.function.Predicate<Node> shownRow = r -> r.isVisible()
                && ((javafx.scene.control.TableRow<?>) r).getItem() != null;
        until(() -> robot.from(table).lookup(".table-row-cell").queryAll().stream().anyMatch(shownRow));
        robot.clickOn(robot.from(table).lookup(".table-row-cell").queryAll().stream().filter(shownRow).findFirst()
                .orElseThrow());
        until(() -> ((javafx.scene.control.TableView<?>) table).getSelectionModel().getSelectedItem() != null);
        @SuppressWarnings("unchecked")
        var rows = ((javafx.scene.control.TableView<ClinicalDocument>) table).getItems();
        assertThat(rows).as("one line per CR: its N3, the document the DMP receives").singleElement()
                .satisfies(d -> assertThat(d.documentUid()).isEqualTo(past.documentUid()));
    }

    private ClinicalDocument pastCda() {
        return new DocumentRepository(f.db.database().dsl()).listForPatient(f.qualified.id()).stream()
                .filter(d -> d.documentUid().equals(past.documentUid())).findFirst().orElseThrow();
    }

    @Test
    void feedAHistoricalDocumentThenDeleteItFromTheDmpOnly() throws Exception {
        openTheRecordsDmpTab();
        untilText("#dmp-feed-state", t -> t.equals("Jamais envoyé au DMP"));
        assertThat(robot.lookup("#dmp-feed-delete").query().isDisabled()).as("nothing to delete yet").isTrue();

        robot.clickOn("#dmp-feed-historical");
        until(() -> robot.lookup("#dmp-historical-dialog").tryQuery().isPresent());
        robot.clickOn("#dmp-historical-confirm");
        untilText("#dmp-feed-banner .label", t -> t.startsWith("« ") && t.endsWith("est en file d’envoi au DMP."));
        untilDelivered(() -> entry(past.documentUid()).isPresent());
        assertThat(f.core.audit.forPatient(f.qualified.id(), 200)).filteredOn(
                e -> e.action().equals(DmpAuditActions.FEED_REQUESTED)).singleElement()
                .satisfies(e -> assertThat(e.actorLogin()).isEqualTo(reporting.radiologist.login()));
        robot.clickOn("#dmp-feed-refresh");
        untilText("#dmp-feed-state", t -> t.equals("Dans le DMP"));

        // Delete from the DMP only: confirmed, with a reason; the record keeps the document.
        robot.clickOn("#dmp-feed-delete");
        until(() -> robot.lookup("#dmp-delete-dialog").tryQuery().isPresent());
        assertThat(robot.lookup("#dmp-delete-confirm").query().isDisabled()).as("no reason, no deletion").isTrue();
        robot.clickOn("#dmp-delete-reason").write("Demande du patient");
        until(() -> !robot.lookup("#dmp-delete-confirm").query().isDisabled());
        robot.clickOn("#dmp-delete-confirm");
        untilText("#dmp-feed-banner .label", t -> t.contains("le document reste dans le dossier"));
        untilDelivered(() -> entry(past.documentUid()).map(e -> XdsVocabulary.DELETED.equals(e.status()))
                .orElse(false));
        robot.clickOn("#dmp-feed-refresh");
        untilText("#dmp-feed-state", t -> t.equals("Supprimé du DMP (gardé dans le dossier)"));
        assertThat(pastCda().status()).isEqualTo(fr.opaline.core.document.DocumentStatus.CURRENT);
        assertThat(f.core.audit.forPatient(f.qualified.id(), 200)).filteredOn(
                e -> e.action().equals(DmpAuditActions.DELETE_REQUESTED)).singleElement()
                .satisfies(e -> assertThat(e.detail()).isEqualTo("Demande du patient"));
    }

    @Test
    void hideADocumentFromTheLegalRepresentativesInTheDmp() throws Exception {
        openTheRecordsDmpTab();
        untilText("#dmp-feed-state", t -> t.equals("Jamais envoyé au DMP"));
        robot.clickOn("#dmp-feed-historical");
        until(() -> robot.lookup("#dmp-historical-confirm").tryQuery().isPresent());
        robot.clickOn("#dmp-historical-confirm");
        untilDelivered(() -> entry(past.documentUid()).isPresent());
        robot.clickOn("#dmp-feed-refresh");
        untilText("#dmp-feed-state", t -> t.equals("Dans le DMP"));
        assertThat(entry(past.documentUid()).orElseThrow().hiddenFromLegalRepresentatives()).isFalse();

        assertThat(robot.lookup("#dmp-feed-visibility").query().isDisabled()).as("nothing changed yet").isTrue();
        robot.clickOn("#dmp-feed-legal");
        robot.clickOn("#dmp-feed-visibility");
        untilText("#dmp-feed-banner .label", t -> t.startsWith("Visibilité de « "));
        untilText("#dmp-feed-state", t -> t.equals("Dans le DMP · non visible des représentants légaux"));
        assertThat(pastCda().hiddenFromLegalRepresentatives()).isTrue();
        untilDelivered(() -> entry(past.documentUid()).map(XdsDocumentEntry::hiddenFromLegalRepresentatives)
                .orElse(false));
        assertThat(entry(past.documentUid()).orElseThrow().invisibleToPatient()).isFalse();
        assertThat(f.core.audit.forPatient(f.qualified.id(), 200)).extracting(AuditEvent::action)
                .contains(DmpAuditActions.VISIBILITY_CHANGED);
    }
}
