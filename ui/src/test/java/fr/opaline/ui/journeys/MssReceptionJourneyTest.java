package fr.opaline.ui.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import fr.opaline.api.ReceivedDocument;
import fr.opaline.core.document.DocumentRepository;
import fr.opaline.documents.xdm.XdmReader;
import fr.opaline.core.outbox.JobOutcome;
import fr.opaline.mss.inbound.InboxPoller;
import fr.opaline.mss.inbound.MdnJob;
import fr.opaline.mss.inbound.MdnSendHandler;
import fr.opaline.mss.trace.MssTrace;
import fr.opaline.mss.transport.ImapConnection;
import fr.opaline.mss.transport.MailAccess;
import fr.opaline.mss.transport.MailCredentials;
import fr.opaline.mss.transport.MailEndpoint;
import fr.opaline.mss.transport.MailTls;
import fr.opaline.sandbox.mss.MssSandbox;
import fr.opaline.sandbox.mss.SandboxPeople;
import fr.opaline.ui.testing.DesktopFixture;
import fr.opaline.ui.testing.ReceivedDocuments;
import jakarta.activation.DataHandler;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Properties;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListCell;
import javafx.scene.control.TableView;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 23, end to end over IMAP with the sandbox MSSanté operator (GreenMail behind Opaline's TLS
 * fronts): a correspondent's message carrying an IHE_XDM.zip for a patient the practice does not
 * know reaches the BAL applicative; the practice server's poller takes it and it waits in
 * "Documents reçus" (notice and badge); the secretary attaches it to the patient she finds, and
 * the CR appears in the patient's record, its PDF shown by the viewer.
 */
class MssReceptionJourneyTest extends DesktopJourney {

    @TempDir
    static Path dir;
    static MssSandbox sandbox;

    private InboxPoller poller;
    private ReceivedDocuments received;
    private MailAccess applicative;
    private MssTrace trace;

    @BeforeAll
    static void operator() throws Exception {
        sandbox = new MssSandbox(new MssSandbox.Settings(0, 0, 0, dir, () -> null), Clock.systemUTC());
        sandbox.start();
    }

    @AfterAll
    static void stopOperator() {
        sandbox.stop(Duration.ofSeconds(1));
    }

    @Override
    protected void prepare(DesktopFixture fixture) {
        received = new ReceivedDocuments(fixture);
        applicative = new MailAccess(MailEndpoint.parse(sandbox.smtpUri().toString()),
                MailEndpoint.parse(sandbox.imapUri().toString()),
                MailTls.of(sandbox.authorityFile(), sandbox.applicativeKeyStore(), sandbox.applicativeKeyStorePassword()),
                new MailCredentials.ClientCertificate(SandboxPeople.APPLICATIVE), Duration.ofSeconds(10));
        trace = new MssTrace(fixture.db.database(), fixture.core.ids, fixture.core.clock);
        poller = new InboxPoller(fixture.db.database(), new ImapConnection(applicative), SandboxPeople.APPLICATIVE,
                received.integration, fixture.core.outbox, trace, new XdmReader(), fixture.core.ids, fixture.core.clock,
                Duration.ofSeconds(30));
        poller.pollOnce(); // whatever an earlier journey left in the box
    }

    @Override
    protected void warmUpJourney() throws Exception {
        robot.clickOn("#nav-inbox");
        until(() -> robot.lookup("#inbox-table").tryQuery().isPresent());
        robot.clickOn("#nav-agenda");
    }

    /** A correspondent sends the example CR (patient unknown here) to the practice's BAL applicative. */
    private static final String SENDER = SandboxPeople.CORRESPONDENTS.get(0).address();

    private void aCorrespondentSendsTheCr() throws Exception {
        String sender = SENDER;
        MimeMessage m = new MimeMessage(Session.getInstance(new Properties()));
        m.setFrom(new InternetAddress(sender));
        m.setRecipient(Message.RecipientType.TO, new InternetAddress(SandboxPeople.APPLICATIVE));
        m.setHeader("Disposition-Notification-To", sender);
        m.setSubject("CR scanner thoraco-abdomino-pelvien");
        MimeMultipart mixed = new MimeMultipart();
        MimeBodyPart body = new MimeBodyPart();
        body.setText("Chère consœur, ci-joint le compte rendu.");
        mixed.addBodyPart(body);
        MimeBodyPart zip = new MimeBodyPart();
        zip.setDataHandler(new DataHandler(new ByteArrayDataSource(received.xdm(), "application/zip")));
        zip.setFileName("IHE_XDM.zip");
        mixed.addBodyPart(zip);
        m.setContent(mixed);
        m.saveChanges();
        sandbox.deliver(SandboxPeople.APPLICATIVE, m);
    }

    @Test
    void aCrRejectedAtTheDeskGoesBackToItsSenderAsANegativeMdn() throws Exception {
        aCorrespondentSendsTheCr();
        assertThat(poller.pollOnce().worklisted()).isEqualTo(1);
        untilText("#nav-inbox-badge", "1"::equals);
        robot.clickOn("#nav-inbox");
        @SuppressWarnings("unchecked")
        TableView<ReceivedDocument> table = robot.lookup("#inbox-table").queryAs(TableView.class);
        until(() -> table.getItems().size() == 1);
        robot.clickOn(table.getItems().get(0).title());
        typeInto("#inbox-reason", "Patiente inconnue du cabinet");
        robot.clickOn("#inbox-reject");
        untilText("#inbox-banner .label", t -> t.contains("l’expéditeur en sera averti"));

        // The practice server's outbox worker sends the MDNs (the reception's, then the rejection's).
        int before = sandbox.messagesOf(SENDER).size();
        MdnSendHandler mdns = new MdnSendHandler(f.db.database(), address -> applicative, trace, f.core.clock);
        while (true) {
            var lease = f.core.outbox.leaseNext(java.util.Set.of(MdnJob.TYPE), "worker", Duration.ofMinutes(1));
            if (lease.isEmpty()) {
                break;
            }
            JobOutcome outcome = mdns.handle(lease.get().job());
            assertThat(outcome).as(String.valueOf(outcome)).isInstanceOf(JobOutcome.Done.class);
            f.core.outbox.complete(lease.get(), outcome);
        }
        java.util.List<MimeMessage> got = sandbox.messagesOf(SENDER);
        assertThat(got).hasSize(before + 2);
        MimeMessage rejection = got.stream().filter(m -> {
            try {
                java.io.ByteArrayOutputStream raw = new java.io.ByteArrayOutputStream();
                m.writeTo(raw);
                // soft line breaks (quoted-printable) and folded header lines do not count
                return raw.toString(java.nio.charset.StandardCharsets.UTF_8).replaceAll("=\r?\n", "")
                        .replaceAll("\\s+", " ").contains("Patiente inconnue du cabinet");
            } catch (Exception e) {
                return false;
            }
        }).findFirst().orElseThrow();
        assertThat(rejection.getContentType()).contains("multipart/report").contains("disposition-notification");
    }

    @Test
    void aCrForAnUnknownPatientWaitsIsAttachedAndAppearsInTheRecord() throws Exception {
        aCorrespondentSendsTheCr();
        InboxPoller.Poll poll = poller.pollOnce(); // what the server's poller does every minute
        assertThat(poll.worklisted()).isEqualTo(1);

        untilText("#inbox-toast", t -> t.startsWith("Nouveaux documents reçus : 1 en attente"));
        untilText("#nav-inbox-badge", "1"::equals);
        robot.clickOn("#inbox-toast");
        @SuppressWarnings("unchecked")
        TableView<ReceivedDocument> table = robot.lookup("#inbox-table").queryAs(TableView.class);
        until(() -> table.getItems().size() == 1);
        ReceivedDocument waiting = table.getItems().get(0);
        assertThat(waiting.source()).isEqualTo("MSSANTE");
        assertThat(waiting.insMatricule()).isEqualTo("279035121518989");

        robot.clickOn(waiting.title());
        untilText("#inbox-search", "PAT-TROIS"::equals);
        robot.interact(() -> robot.lookup("#inbox-search").queryTextInputControl().clear());
        typeInto("#inbox-search", "MART");
        robot.clickOn("#inbox-search-go");
        until(() -> robot.lookup(n -> n instanceof ListCell<?> c && c.getText() != null && c.getText().startsWith("MARTIN"))
                .tryQuery().isPresent());
        robot.clickOn(robot.lookup(n -> n instanceof ListCell<?> c && c.getText() != null
                && c.getText().startsWith("MARTIN")).queryAs(Node.class));
        robot.clickOn("#inbox-attach");
        untilText("#inbox-banner .label", t -> t.contains("rattaché au dossier de MARTIN"));
        untilText("#nav-inbox-badge", "0"::equals);
        assertThat(new DocumentRepository(f.db.database().dsl()).listForPatient(f.qualified.id())).hasSize(1);

        // The record shows it; the viewer shows its PDF and whom the CDA names.
        robot.clickOn("#nav-agenda");
        robot.clickOn("#appointment-" + f.qualifiedAtNine.appointment().id());
        robot.clickOn("#action-record");
        until(() -> robot.lookup("#record-name").tryQuery().map(n -> ((Labeled) n).getText().startsWith("MARTIN"))
                .orElse(false));
        until(() -> robot.lookup("Documents (1)").tryQuery().isPresent());
        robot.clickOn("Documents (1)");
        robot.clickOn(robot.from(robot.lookup("#record-documents").queryAs(Node.class))
                .lookup(waiting.title()).queryAs(Node.class));
        untilText("#viewer-note", t -> !t.isEmpty() && !t.startsWith("Pas de PDF"));
        untilText("#viewer-patient", t -> t.startsWith("Patient : PAT-TROIS DOMINIQUE"));
    }
}
