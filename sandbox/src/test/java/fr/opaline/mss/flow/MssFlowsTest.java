package fr.opaline.mss.flow;

import static org.assertj.core.api.Assertions.assertThat;

import fr.opaline.core.common.Actor;
import fr.opaline.core.document.ClinicalDocument;
import fr.opaline.core.document.DocumentRepository;
import fr.opaline.core.document.DocumentStatus;
import fr.opaline.core.outbox.JobOutcome;
import fr.opaline.core.patient.IdentityTraits;
import fr.opaline.core.patient.Patient;
import fr.opaline.core.patient.PatientRepository;
import fr.opaline.core.report.ReportVersion;
import fr.opaline.core.testing.TestDatabases;
import fr.opaline.documents.drimbox.DrimboxLinkTemplate;
import fr.opaline.documents.report.SampleReport;
import fr.opaline.mss.directory.DirectoryClient;
import fr.opaline.mss.inbound.InboundDocument;
import fr.opaline.mss.inbound.InboundStatus;
import fr.opaline.mss.inbound.InboxPoller;
import fr.opaline.mss.mailbox.MailboxKind;
import fr.opaline.mss.mailbox.Mailboxes;
import fr.opaline.mss.mailbox.MssAddress;
import fr.opaline.mss.outbound.MssSendHandler;
import fr.opaline.mss.outbound.OrderCorrespondents;
import fr.opaline.mss.outbound.OutboundMessage;
import fr.opaline.mss.outbound.OutboundMessages;
import fr.opaline.mss.outbound.OutboundStatus;
import fr.opaline.mss.outbound.Purpose;
import fr.opaline.mss.outbound.RecipientKind;
import fr.opaline.mss.outbound.ReportMail;
import fr.opaline.mss.outbound.ReportMailListener;
import fr.opaline.mss.outbound.SendJob;
import fr.opaline.sandbox.mss.MssSandbox;
import fr.opaline.sandbox.mss.SandboxPeople;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import fr.opaline.core.practice.PracticeProfile;
import fr.opaline.core.statistics.DocumentType;
import fr.opaline.core.statistics.Indicator;
import fr.opaline.core.statistics.UsageReport;
import fr.opaline.core.statistics.UsageStatistics;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * MSSanté end to end over real SMTP submission and IMAP (TLS, client certificate + SASL EXTERNAL)
 * to the sandbox operator (GreenMail behind Opaline's TLS fronts): a validated CR goes through the
 * outbox to the referring physician (address from the directory), the chosen correspondents and
 * the patient, with the XDM zip and the statistics headers; DSN and read receipts come back to
 * the BAL applicative and are tracked (SC.MSS/CONF.14–16, 21, 24; SC.MSS/UX.35). A second practice
 * receives the mail on its own BAL applicative, integrates it on an exact qualified INS match,
 * replaces and deletes it, or puts it in its worklist and answers with an MDN (SC.MSS/UX.05).
 */
class MssFlowsTest {

    static final String PRACTICE2 = "ris@ch-fictif.sandbox.mssante.fr";

    @TempDir
    static Path dir;
    static MssSandbox sandbox;
    static Path practice2Keys;
    static final char[] PRACTICE2_PW = "mot-de-passe".toCharArray();

    final List<TestDatabases.TestDatabase> dbs = new ArrayList<>();
    final Clock clock = Clock.systemUTC();

    @BeforeAll
    static void start() throws Exception {
        sandbox = new MssSandbox(new MssSandbox.Settings(0, 0, 0, dir, () -> null), Clock.systemUTC());
        sandbox.start();
        sandbox.addApplicativeMailbox(PRACTICE2);
        practice2Keys = sandbox.issueMailboxCertificate(PRACTICE2, dir.resolve("practice2.p12"), PRACTICE2_PW);
    }

    @AfterAll
    static void stop() {
        sandbox.stop(Duration.ofSeconds(1));
    }

    @AfterEach
    void close() throws Exception {
        for (TestDatabases.TestDatabase db : dbs) {
            db.close();
        }
    }

    TestDatabases.TestDatabase db() {
        TestDatabases.TestDatabase db = TestDatabases.h2();
        dbs.add(db);
        return db;
    }

    /** Practice 1: the sample CR validated with MSSanté sending wired in. */
    record Sender(MssRig rig, SampleReport.Result sample, MssSendHandler handler, Actor doctor) {
        List<JobOutcome> send() throws Exception {
            return rig.run(SendJob.TYPE, handler);
        }

        List<OutboundMessage> outbound() {
            return new OutboundMessages(rig.database.dsl()).ofPatient(sample.patient().id());
        }

        OutboundMessage to(String address) {
            return outbound().stream().filter(m -> address.equalsIgnoreCase(m.recipient())).findFirst().orElseThrow();
        }
    }

    Sender sender() {
        var db = db();
        MssRig rig = new MssRig(db.database(), clock, sandbox, SandboxPeople.APPLICATIVE, sandbox.applicativeKeyStore(),
                sandbox.applicativeKeyStorePassword());
        new Mailboxes(db.database(), rig.audit, rig.ids, clock).set(MailboxKind.ORGANISATIONNELLE,
                SandboxPeople.ORGANISATIONAL, null, "Secrétariat", Actor.system("test"));
        SampleReport.Result sample = SampleReport.create(db.database(), clock,
                new DrimboxLinkTemplate(DrimboxLinkTemplate.DEFAULT_TEMPLATE, Duration.ofDays(365)),
                List.of(new ReportMailListener(rig.outbox, rig.trace, rig.ids, clock)));
        MssSendHandler handler = new MssSendHandler(db.database(), address -> rig.applicative,
                new DirectoryClient(sandbox.directoryUri(), sandbox.directoryApiKey(), Duration.ofSeconds(10)), rig.trace,
                rig.audit, clock, "Opaline 0.1 (test)");
        return new Sender(rig, sample, handler, Actor.user(sample.radiologist().id(), sample.radiologist().login()));
    }

    static String moreau() {
        return SandboxPeople.CORRESPONDENTS.get(0).address();
    }

    static Optional<MimeMessage> latest(String address, String messageId) throws Exception {
        for (MimeMessage m : sandbox.messagesOf(address)) {
            if (messageId.equals(m.getMessageID())) {
                return Optional.of(m);
            }
        }
        return Optional.empty();
    }

    static List<String> attachmentNames(MimeMessage m) throws Exception {
        List<String> names = new ArrayList<>();
        Multipart parts = (Multipart) m.getContent();
        for (int i = 0; i < parts.getCount(); i++) {
            BodyPart p = parts.getBodyPart(i);
            if (p.getFileName() != null) {
                names.add(p.getFileName());
            }
        }
        return names;
    }

    static String text(MimeMessage m) throws Exception {
        return (String) ((Multipart) m.getContent()).getBodyPart(0).getContent();
    }

    @Test
    void aValidatedCrGoesToTheReferringPhysicianAndThePatientOnceWithReceiptsTracked() throws Exception {
        Sender s = sender();
        assertThat(s.outbound()).extracting(OutboundMessage::recipientKind)
                .containsExactlyInAnyOrder(RecipientKind.PROFESSIONNEL, RecipientKind.PATIENT);

        List<JobOutcome> outcomes = s.send();
        assertThat(outcomes).hasSize(2);
        MssRig.allDone(outcomes);
        String patientAddress = MssAddress.ofPatient(s.sample().patient()).orElseThrow();
        OutboundMessage toDoctor = s.to(moreau());
        OutboundMessage toPatient = s.to(patientAddress);
        assertThat(toDoctor.status()).isEqualTo(OutboundStatus.ENVOYE);

        MimeMessage doctorMail = latest(moreau(), toDoctor.messageId()).orElseThrow();
        assertThat(doctorMail.getHeader(ReportMail.HEADER_CODE_CDA)[0]).isEqualTo("18748-4");
        assertThat(doctorMail.getHeader(ReportMail.HEADER_INS)[0]).isEqualTo("O");
        assertThat(doctorMail.getHeader(ReportMail.HEADER_NIL)[0]).isEqualTo("Opaline 0.1 (test)");
        assertThat(doctorMail.getHeader(ReportMail.HEADER_MES)).isNull();
        assertThat(doctorMail.getReplyTo()[0].toString()).isEqualTo(SandboxPeople.ORGANISATIONAL);
        assertThat(doctorMail.getHeader("Disposition-Notification-To")[0]).isEqualTo(SandboxPeople.APPLICATIVE);
        assertThat(attachmentNames(doctorMail)).contains(ReportMail.XDM_FILE).anyMatch(n -> n.endsWith(".pdf"));

        MimeMessage patientMail = latest(patientAddress, toPatient.messageId()).orElseThrow();
        assertThat(patientMail.getHeader(ReportMail.HEADER_MES)[0]).as("patient channel closed").isEqualTo("FIN");
        assertThat(patientMail.getHeader("Disposition-Notification-To")).isNull();

        // A replay of the jobs (crash after the submission) sends nothing again.
        var jobs = s.rig().outbox.list(Set.of(SendJob.TYPE), Set.of(), null, 10);
        for (var job : jobs) {
            assertThat(s.handler().handle(job)).isInstanceOf(JobOutcome.Done.class);
        }
        assertThat(sandbox.messagesOf(moreau()).stream().filter(m -> {
            try {
                return toDoctor.messageId().equals(m.getMessageID());
            } catch (Exception e) {
                return false;
            }
        })).hasSize(1);
        // every SMTP transaction counted by the sandbox operator, whatever became of it
        assertThat(sandbox.transactionsOf(toDoctor.messageId())).as("SMTP sends of the doctor's mail").isEqualTo(1);
        assertThat(sandbox.transactionsOf(toPatient.messageId())).as("SMTP sends of the patient's mail").isEqualTo(1);

        // Delivery reports and Dr Moreau's read receipt come back to the BAL applicative.
        InboxPoller.Poll poll = s.rig().poller.pollOnce();
        assertThat(poll.reports()).isGreaterThanOrEqualTo(3);
        assertThat(s.to(moreau()).status()).isEqualTo(OutboundStatus.LU);
        assertThat(s.to(patientAddress).status()).isEqualTo(OutboundStatus.REMIS);

        UsageReport statistics = statistics(s.rig().database);
        assertThat(statistics.count(thisMonth(), DocumentType.CR_IMAGERIE, Indicator.MSS_PRO_REUSSI)).isEqualTo(1);
        assertThat(statistics.count(thisMonth(), DocumentType.CR_IMAGERIE, Indicator.MSS_CITOYENNE_REUSSI)).isEqualTo(1);
        assertThat(statistics.count(thisMonth(), DocumentType.CR_IMAGERIE, Indicator.MSS_PRO_ECHEC)).isZero();
    }

    /** The statistics (SC.STAT/ES.04) of this month, as the screen and {@code opaline stats} compute them. */
    UsageReport statistics(fr.opaline.core.persistence.Database database) {
        return new UsageStatistics(database, new PracticeProfile("Cabinet", null, null, null, null, null, null, null,
                null, null, null), clock).report(thisMonth(), thisMonth());
    }

    YearMonth thisMonth() {
        return YearMonth.now(clock);
    }

    @Test
    void anInvisibleCrIsNotSentToThePatientAndCorrespondentsGetTheNotice() throws Exception {
        Sender s = sender();
        MssRig.allDone(s.send());
        ReportVersion v1 = s.sample().version();
        new OrderCorrespondents(s.rig().database, s.rig().audit, s.rig().ids, clock).add(s.sample().booking().order().id(),
                "Dr Sophie BERNARD", "99700010002", "Pneumologie", SandboxPeople.CORRESPONDENTS.get(1).address(), false,
                s.doctor());
        s.sample().reports().setInvisibleToPatient(v1.reportId(), true, s.doctor());
        s.sample().reports().amend(v1.reportId(), "Complément de conclusion", s.doctor());
        ReportVersion v2 = s.sample().reports().validate(v1.reportId(), s.doctor());
        assertThat(v2.invisibleToPatient()).isTrue();

        MssRig.allDone(s.send());
        List<OutboundMessage> replacements = s.outbound().stream().filter(m -> m.purpose() == Purpose.REMPLACEMENT).toList();
        assertThat(replacements).extracting(OutboundMessage::recipientKind).containsOnly(RecipientKind.PROFESSIONNEL);
        assertThat(replacements).extracting(OutboundMessage::recipient)
                .containsExactlyInAnyOrder(moreau(), SandboxPeople.CORRESPONDENTS.get(1).address());
        MimeMessage mail = latest(SandboxPeople.CORRESPONDENTS.get(1).address(), replacements.stream()
                .filter(m -> m.recipient().equals(SandboxPeople.CORRESPONDENTS.get(1).address())).findFirst()
                .orElseThrow().messageId()).orElseThrow();
        assertThat(text(mail)).contains("en « invisible »");
        assertThat(mail.getSubject()).startsWith("[Mise à jour]");
    }

    /** Practice 2, on its own database, with a patient whose identity is given. */
    MssRig receiver(Patient patient) {
        var db = db();
        db.database().inTransactionRun(ctx -> new PatientRepository(ctx).insert(patient));
        return new MssRig(db.database(), clock, sandbox, PRACTICE2, practice2Keys, PRACTICE2_PW);
    }

    /** The message Dr Moreau received, forwarded to practice 2's BAL applicative by the operator. */
    static void forward(OutboundMessage sent) throws Exception {
        sandbox.deliver(PRACTICE2, latest(sent.recipient(), sent.messageId()).orElseThrow());
    }

    @Test
    void receivedCrIsIntegratedOnExactInsThenReplacedThenDeletedKeepingVersions() throws Exception {
        Sender s = sender();
        MssRig.allDone(s.send());
        MssRig practice2 = receiver(s.sample().patient());
        forward(s.to(moreau()));

        InboxPoller.Poll poll = practice2.poller.pollOnce();
        assertThat(poll.integrated()).isEqualTo(1);
        ReportVersion v1 = s.sample().version();
        ClinicalDocument first = new DocumentRepository(practice2.database.dsl()).findByDocumentUid(v1.documentUid())
                .orElseThrow();
        assertThat(first.status()).isEqualTo(DocumentStatus.CURRENT);
        assertThat(first.patientId()).isEqualTo(s.sample().patient().id());
        assertThat(practice2.poller.pollOnce().messages()).as("taken once").isZero();

        s.sample().reports().amend(v1.reportId(), "Erreur de latéralité", s.doctor());
        ReportVersion v2 = s.sample().reports().validate(v1.reportId(), s.doctor());
        MssRig.allDone(s.send());
        forward(s.outbound().stream().filter(m -> m.purpose() == Purpose.REMPLACEMENT && moreau().equals(m.recipient()))
                .findFirst().orElseThrow());
        assertThat(practice2.poller.pollOnce().integrated()).isEqualTo(1);
        DocumentRepository docs = new DocumentRepository(practice2.database.dsl());
        assertThat(docs.findByDocumentUid(v1.documentUid()).orElseThrow().status()).isEqualTo(DocumentStatus.SUPERSEDED);
        assertThat(docs.findByDocumentUid(v2.documentUid()).orElseThrow().status()).isEqualTo(DocumentStatus.CURRENT);

        s.sample().reports().retract(v1.reportId(), "Examen d'un autre patient", s.doctor());
        MssRig.allDone(s.send());
        forward(s.outbound().stream().filter(m -> m.purpose() == Purpose.SUPPRESSION && moreau().equals(m.recipient()))
                .findFirst().orElseThrow());
        assertThat(practice2.poller.pollOnce().integrated()).isEqualTo(1);
        assertThat(docs.findByDocumentUid(v2.documentUid()).orElseThrow().status()).isEqualTo(DocumentStatus.DELETED);
        assertThat(docs.findByDocumentUid(v1.documentUid())).as("previous version kept").isPresent();
        assertThat(practice2.trace.of(v2.documentUid())).extracting(e -> e.step().name())
                .contains("REPLACED", "DELETED");
    }

    @Test
    void aWrongInsGoesToTheWorklistAnMdnTellsTheSenderAndAUserIntegratesIt() throws Exception {
        Sender s = sender();
        MssRig.allDone(s.send());
        Patient known = s.sample().patient();
        IdentityTraits t = known.traits();
        Patient different = known.withIdentity(IdentityTraits.of("DURANT", t.birthFirstNames(), t.birthDate(), t.sex(),
                t.birthplaceCode()), known.ins(), known.status(), known.attributes(), known.identityEvidence(), known.insVerifiedAt());
        MssRig practice2 = receiver(different);
        OutboundMessage sent = s.to(moreau());
        forward(sent);

        InboxPoller.Poll poll = practice2.poller.pollOnce();
        assertThat(poll.worklisted()).isEqualTo(1);
        List<InboundDocument> worklist = practice2.integration.worklist(10);
        assertThat(worklist).hasSize(1);
        InboundDocument waiting = worklist.get(0);
        assertThat(waiting.errorCode()).isEqualTo("904");
        assertThat(waiting.birthName()).as("patient search pre-filled from the CDA").isEqualTo("DURAND");
        assertThat(waiting.insMatricule()).isEqualTo(known.ins().matricule());
        assertThat(new DocumentRepository(practice2.database.dsl()).findByDocumentUid(waiting.documentUid())).isEmpty();

        // The MDN goes through practice 2's outbox to the sender's Disposition-Notification-To.
        MssRig.allDone(practice2.runMdns());
        s.rig().poller.pollOnce();
        assertThat(s.to(moreau()).status()).isEqualTo(OutboundStatus.ERREUR_DESTINATAIRE);
        assertThat(s.to(moreau()).statusDetail()).contains("904");

        InboundDocument done = practice2.integration.attach(waiting.id(), different.id(), Actor.system("secretariat"));
        assertThat(done.status()).isEqualTo(InboundStatus.INTEGRE);
        assertThat(new DocumentRepository(practice2.database.dsl()).findByDocumentUid(waiting.documentUid())).isPresent();
        assertThat(practice2.integration.worklist(10)).isEmpty();
        assertThat(statistics(practice2.database).count(thisMonth(), DocumentType.CR_IMAGERIE, Indicator.BAL_INTEGRE))
                .as("integrated from the BAL applicative by a user").isEqualTo(1);
        assertThat(statistics(s.rig().database).count(thisMonth(), DocumentType.CR_IMAGERIE, Indicator.MSS_PRO_ECHEC))
                .as("the recipient could not process it").isEqualTo(1);
    }
}
