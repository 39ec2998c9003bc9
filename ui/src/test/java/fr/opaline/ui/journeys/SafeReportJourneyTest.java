package fr.opaline.ui.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import fr.opaline.core.audit.AuditEvent;
import fr.opaline.core.common.Actor;
import fr.opaline.core.order.ExamProgressService;
import fr.opaline.core.order.OrderRepository;
import fr.opaline.core.order.StepStatus;
import fr.opaline.core.report.ReportAuditActions;
import fr.opaline.core.report.ReportStatus;
import fr.opaline.core.report.ReportVersion;
import fr.opaline.core.scheduling.Booking;
import fr.opaline.core.user.Role;
import fr.opaline.core.user.UserAccount;
import fr.opaline.ui.DesktopContext;
import fr.opaline.ui.testing.DesktopFixture;
import fr.opaline.ui.testing.ReportingFixture;
import java.util.List;
import javafx.scene.Node;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 19 journeys of the radiologist: opening an exam changes nothing; a CR for an exam not
 * réalisé is refused without an override and validated with one (audited), after a confirmation
 * that repeats patient, exam, exam date and conclusion; the technologist's réalisé reaches the
 * radiologist's screen by itself.
 */
class SafeReportJourneyTest extends DesktopJourney {

    private ReportingFixture reporting;
    private UserAccount technologist;

    @Override
    protected void prepare(DesktopFixture fixture) throws Exception {
        reporting = new ReportingFixture(fixture);
        technologist = fixture.core.user("manip", Role.MANIPULATEUR, null);
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
        until(() -> robot.lookup("#validate-override").tryQuery().map(Node::isVisible).orElse(false));
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

    @Test
    void openingExamsCreatesNoDraftAndMovesNoStatus() throws Exception {
        robot.clickOn("#nav-reports");
        until(() -> robot.lookup("#report-exam-" + f.provisionalAtTen.step().id()).tryQuery().isPresent());
        robot.clickOn("#report-exam-" + f.provisionalAtTen.step().id());
        untilText("#report-heading", t -> t.equals("DURAND Paul · Scanner cérébral"));
        assertThat(text("#report-status")).isEqualTo("Non commencé");
        assertThat(text("#report-exam-status")).isEqualTo("Examen : Programmé");
        assertThat(text("#report-technique")).as("what a draft would start from, shown only")
                .isEqualTo("Scanner cérébral (Scanner)");
        assertThat(text("#report-results")).as("no template applied by itself").isEmpty();
        robot.clickOn("#report-exam-" + f.qualifiedAtNine.step().id());
        untilText("#report-heading", t -> t.startsWith("MARTIN Anne"));
        robot.clickOn("#report-exam-" + f.provisionalAtTen.step().id());
        untilText("#report-heading", t -> t.startsWith("DURAND Paul"));

        for (Booking exam : List.of(f.provisionalAtTen, f.qualifiedAtNine, f.retrievedEchoAtNine)) {
            assertThat(reporting.reports.findByOrder(exam.order().id())).as("no report").isEmpty();
            assertThat(status(exam)).as("step untouched").isEqualTo(StepStatus.SCHEDULED);
        }
        assertThat(f.core.audit.latest(200)).extracting(AuditEvent::action)
                .doesNotContain(ReportAuditActions.DRAFT_CREATED, ReportAuditActions.DRAFT_UPDATED);
    }

    @Test
    void aReportOfAnExamNotPerformedIsRefusedWithoutOverrideAndValidatedWithOne() throws Exception {
        robot.clickOn("#nav-reports");
        until(() -> robot.lookup("#report-exam-" + f.provisionalAtTen.step().id()).tryQuery().isPresent());
        robot.clickOn("#report-exam-" + f.provisionalAtTen.step().id());
        untilText("#report-heading", t -> t.equals("DURAND Paul · Scanner cérébral"));
        typeInto("#report-results", "Hématome sous-dural chronique frontal gauche de 8 mm.");
        untilText("#report-status", t -> t.equals("Brouillon"));
        typeInto("#report-conclusion", "Hématome sous-dural chronique.");

        robot.clickOn("#report-validate");
        untilText("#validate-patient", t -> t.startsWith("DURAND Paul"));
        assertThat(text("#validate-exam")).startsWith("Scanner cérébral · demande "
                + f.provisionalAtTen.order().accessionNumber());
        assertThat(text("#validate-date")).isEqualTo("02/03/2026 10:00");
        assertThat(text("#validate-status")).isEqualTo("Programmé");
        assertThat(text("#validate-conclusion")).isEqualTo("Hématome sous-dural chronique.");
        assertThat(text("#validate-not-performed")).contains("pas été marqué réalisé");
        assertThat(robot.lookup("#validate-confirm").query().isDisabled()).as("refused without override").isTrue();
        robot.clickOn("#validate-cancel");
        until(() -> robot.lookup("#validate-dialog").tryQuery().isEmpty());
        assertThat(text("#report-status")).isEqualTo("Brouillon");
        ReportVersion draft = reporting.reports.versions(
                reporting.reports.findByOrder(f.provisionalAtTen.order().id()).orElseThrow().id()).get(0);
        assertThat(draft.status()).isEqualTo(ReportStatus.DRAFT);

        // The editor reads the report again after the cancelled dialog: the button is off meanwhile.
        until(() -> !robot.lookup("#report-validate").query().isDisabled());
        robot.clickOn("#report-validate");
        until(() -> robot.lookup("#validate-override").tryQuery().isPresent());
        robot.clickOn("#validate-override").write("Examen fait en urgence, non pointé sur la console");
        until(() -> !robot.lookup("#validate-confirm").query().isDisabled());
        robot.clickOn("#validate-confirm");
        untilText("#report-status", t -> t.startsWith("Validé"));
        assertThat(text("#report-banner .label")).startsWith("Compte rendu validé par dérogation");

        assertThat(reporting.reports.versions(draft.reportId()).get(0).status()).isEqualTo(ReportStatus.VALIDATED);
        assertThat(f.core.audit.forPatient(f.provisional.id(), 100)).filteredOn(e ->
                e.action().equals(ReportAuditActions.VALIDATION_OVERRIDE)).singleElement().satisfies(e -> {
                    assertThat(e.actorId()).isEqualTo(reporting.radiologist.id());
                    assertThat(e.detail()).contains("« Programmé »", "non pointé sur la console");
                });
    }

    @Test
    void theTechnologistsPerformedReachesTheRadiologistsScreen() throws Exception {
        robot.clickOn("#nav-reports");
        until(() -> robot.lookup("#report-exam-" + f.qualifiedAtNine.step().id()).tryQuery().isPresent());
        robot.clickOn("#report-exam-" + f.qualifiedAtNine.step().id());
        untilText("#report-exam-status", t -> t.equals("Examen : Programmé"));
        typeInto("#report-results", "Nodule de 4 mm du lobe inférieur droit.");
        typeInto("#report-conclusion", "Nodule pulmonaire de 4 mm.");
        untilText("#report-status", t -> t.equals("Brouillon"));

        // At the scanner's console (another workstation), the technologist starts then completes the exam.
        ExamProgressService progress = new ExamProgressService(f.db.database(), f.core.audit, f.core.clock);
        Actor merm = Actor.user(technologist.id(), technologist.login());
        progress.start(f.qualifiedAtNine.step().id(), merm);
        untilText("#report-exam-status", t -> t.equals("Examen : En cours"));
        progress.complete(f.qualifiedAtNine.step().id(), merm);
        untilText("#report-exam-status", t -> t.equals("Examen : Réalisé"));
        untilText("#report-exam-" + f.qualifiedAtNine.step().id() + " .step-status", t -> t.equals("Réalisé"));
        assertThat(text("#report-conclusion")).as("the text typed is kept").isEqualTo("Nodule pulmonaire de 4 mm.");

        robot.clickOn("#report-validate");
        untilText("#validate-status", t -> t.equals("Réalisé"));
        assertThat(robot.lookup("#validate-not-performed").tryQuery()).isEmpty();
        robot.clickOn("#validate-confirm");
        untilText("#report-status", t -> t.startsWith("Validé"));
        assertThat(status(f.qualifiedAtNine)).isEqualTo(StepStatus.VALIDATED);
        assertThat(f.core.audit.forPatient(f.qualified.id(), 100)).extracting(AuditEvent::action)
                .contains(ExamProgressService.EXAM_COMPLETED).doesNotContain(ReportAuditActions.VALIDATION_OVERRIDE);
    }

    private StepStatus status(Booking booking) {
        return new OrderRepository(f.db.database().dsl()).findStep(booking.step().id()).orElseThrow().status();
    }
}
