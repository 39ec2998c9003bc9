package fr.opaline.ui.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import fr.opaline.api.DirectoryApi;
import fr.opaline.api.DirectoryContact;
import fr.opaline.core.common.Actor;
import fr.opaline.core.outbox.JobState;
import fr.opaline.core.outbox.OutboxJob;
import fr.opaline.core.report.ReportContent;
import fr.opaline.core.report.ReportVersion;
import fr.opaline.core.user.Role;
import fr.opaline.mss.directory.DirectoryClient;
import fr.opaline.mss.mailbox.MailboxKind;
import fr.opaline.mss.mailbox.Mailboxes;
import fr.opaline.mss.outbound.ManualSends;
import fr.opaline.mss.outbound.OrderCorrespondents;
import fr.opaline.mss.outbound.OutboundMessages;
import fr.opaline.mss.outbound.SendJob;
import fr.opaline.mss.trace.MssTrace;
import fr.opaline.sandbox.mss.MssSandbox;
import fr.opaline.server.DirectoryEndpoint;
import fr.opaline.ui.DesktopContext;
import fr.opaline.ui.outbox.QueuedJob;
import fr.opaline.ui.testing.DesktopFixture;
import fr.opaline.ui.testing.ReportingFixture;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javafx.scene.Node;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 22 journey: in the report editor, on a validated CR, the radiologist clicks
 * « Envoyer par MSSanté… », finds a colleague in the annuaire santé (the sandbox MSSanté
 * operator's FHIR directory, through the server's directory API), picks their mailbox, confirms,
 * and sees the send in the editor's MSSanté status and in the feeding queue: one outbox job,
 * queued by the server (its delivery over SMTP/IMAP is src-test's {@code ManualMssSendTest}).
 */
class ManualMssSendJourneyTest extends DesktopJourney {

    static final String HADDAD = "karim.haddad@medecin.sandbox.mssante.fr";

    private ReportingFixture reporting;
    private MssSandbox mss;

    @Override
    protected void prepare(DesktopFixture fixture) throws Exception {
        reporting = new ReportingFixture(fixture);
        var core = fixture.core;
        var database = fixture.db.database();
        mss = new MssSandbox(new MssSandbox.Settings(0, 0, 0, Files.createTempDirectory("mss-sandbox"), () -> null),
                core.clock);
        mss.start();
        new Mailboxes(database, core.audit, core.ids, core.clock).set(MailboxKind.APPLICATIVE,
                "ris@cabinet-tilleuls.sandbox.mssante.fr", null, "BAL applicative", Actor.system("test"));
        DirectoryClient directory = new DirectoryClient(mss.directoryUri(), mss.directoryApiKey(), Duration.ofSeconds(10));
        fixture.apiAreas = events -> Map.of(DirectoryApi.class, new DirectoryEndpoint(directory,
                new OrderCorrespondents(database, core.audit, core.ids, core.clock),
                new ManualSends(database, core.outbox, new MssTrace(database, core.ids, core.clock), core.audit, core.ids,
                        core.clock), core.outbox, events, core.clock));
        // The exam réalisé and its CR validated by the radiologist before the desktop opens.
        var technologist = core.user("manip", Role.MANIPULATEUR, null);
        core.progress.complete(fixture.qualifiedAtNine.step().id(), Actor.user(technologist.id(), technologist.login()));
        Actor doctor = Actor.user(reporting.radiologist.id(), reporting.radiologist.login());
        ReportVersion draft = reporting.reports.createDraft(fixture.qualifiedAtNine.order().id(), doctor);
        reporting.reports.updateDraft(draft.reportId(), new ReportContent("Toux persistante.", "Scanner sans injection.",
                "Pas de nodule.", "Examen normal."), doctor);
        reporting.reports.validate(draft.reportId(), doctor);
    }

    @Override
    protected DesktopContext context(DesktopFixture fixture) {
        return reporting.context();
    }

    @Override
    protected String login() {
        return reporting.radiologist.login();
    }

    @AfterEach
    void stopSandboxes() throws Exception {
        if (reporting != null) {
            reporting.close();
        }
        if (mss != null) {
            mss.stop(Duration.ZERO);
        }
    }

    @Test
    void theRadiologistSendsTheValidatedCrToAColleagueFromTheDirectoryAndSeesItQueued() throws Exception {
        robot.clickOn("#nav-reports");
        until(() -> robot.lookup("#report-exam-" + f.qualifiedAtNine.step().id()).tryQuery().isPresent());
        robot.clickOn("#report-exam-" + f.qualifiedAtNine.step().id());
        untilText("#report-status", t -> t.equals("Validé"));
        untilText("#report-send-MSSANTE", t -> t.equals("MSSanté : aucun envoi"));

        robot.clickOn("#report-send-mss");
        until(() -> robot.lookup("#directory-dialog").tryQuery().isPresent());
        robot.clickOn("#directory-name").write("HADDAD");
        robot.clickOn("#directory-search");
        untilText("#directory-status", s -> s.equals("1 adresse(s) MSSanté trouvée(s)."));
        @SuppressWarnings("unchecked")
        ListView<DirectoryContact> results = robot.lookup("#directory-results").queryAs(ListView.class);
        assertThat(results.getItems()).singleElement().extracting(DirectoryContact::mssAddress).isEqualTo(HADDAD);
        robot.clickOn(robot.from(results).lookup(".list-cell").queryAs(Node.class));
        robot.clickOn("#directory-choose");
        until(() -> robot.lookup("#mss-send-dialog").tryQuery().isPresent());
        assertThat(text("#mss-send-summary")).contains("MARTIN Anne").contains("HADDAD").contains(HADDAD);
        robot.clickOn("#mss-send-confirm");

        untilText("#report-send-MSSANTE", t -> t.startsWith("MSSanté : En attente"));
        assertThat(text("#report-banner .label")).startsWith("Envoi MSSanté à").contains(HADDAD);
        List<OutboxJob> sends = f.core.outbox.list(Set.of(SendJob.TYPE), Set.of(), null, 10);
        assertThat(sends).singleElement().satisfies(job -> {
            assertThat(job.state()).isEqualTo(JobState.PENDING);
            assertThat(job.subject()).contains("HADDAD");
        });
        assertThat(new OutboundMessages(f.db.database().dsl()).ofPatient(f.qualified.id()))
                .singleElement().satisfies(m -> assertThat(m.recipient()).isEqualTo(HADDAD));
        assertThat(f.core.audit.latest(10)).extracting(e -> e.action()).contains(ManualSends.AUDIT_REQUESTED);

        // The queue lists the same job.
        robot.clickOn("#nav-queue");
        @SuppressWarnings("unchecked")
        TableView<QueuedJob> table = robot.lookup("#queue-table").queryAs(TableView.class);
        until(() -> table.getItems().stream().anyMatch(q -> q.job().id().equals(sends.get(0).id())));
    }
}
