package fr.opaline.mss.outbound;

import fr.opaline.core.audit.AuditEntry;
import fr.opaline.core.audit.AuditTrail;
import fr.opaline.core.common.Actor;
import fr.opaline.core.document.ClinicalDocument;
import fr.opaline.core.document.DocumentRepository;
import fr.opaline.core.outbox.JobHandler;
import fr.opaline.core.outbox.JobOutcome;
import fr.opaline.core.outbox.OutboxJob;
import fr.opaline.core.patient.Patient;
import fr.opaline.core.patient.PatientRepository;
import fr.opaline.core.persistence.Database;
import fr.opaline.core.practice.PracticeSettings;
import fr.opaline.core.report.ReportRepository;
import fr.opaline.core.report.ReportStatus;
import fr.opaline.core.report.ReportVersion;
import fr.opaline.mss.directory.DirectoryClient;
import fr.opaline.mss.directory.DirectoryEntry;
import fr.opaline.mss.directory.DirectoryException;
import fr.opaline.mss.mailbox.MailboxKind;
import fr.opaline.mss.mailbox.Mailboxes;
import fr.opaline.mss.trace.MssTrace;
import fr.opaline.mss.trace.TraceStep;
import fr.opaline.mss.transport.MailAccess;
import fr.opaline.mss.transport.MailTransportException;
import java.time.Clock;
import java.util.List;
import org.eclipse.angus.mail.smtp.SMTPMessage;

/**
 * Sends one {@code mss-send} job: the message of one {@code mss_outbound} row, once. A row no
 * longer "à envoyer" is done (a retry after a crash that followed the submission does not send
 * again); a CR replaced or retracted before its turn is not sent; the referring physician's
 * address, when only the RPPS was known, comes from the directory. Operator outages are retried,
 * refusals (address, credentials) fail the job for a user to look at.
 */
public final class MssSendHandler implements JobHandler {

    public static final String AUDIT_SENT = "MSS_SENT";
    private static final Actor ACTOR = Actor.system("mss-envoi");

    private final Database database;
    private final SenderAccess senders;
    private final DirectoryClient directory;
    private final MssTrace trace;
    private final AuditTrail audit;
    private final Clock clock;
    private final String productReference;

    public MssSendHandler(Database database, SenderAccess senders, DirectoryClient directory, MssTrace trace,
                          AuditTrail audit, Clock clock, String productReference) {
        this.database = database;
        this.senders = senders;
        this.directory = directory;
        this.trace = trace;
        this.audit = audit;
        this.clock = clock;
        this.productReference = productReference;
    }

    @Override
    public String type() {
        return SendJob.TYPE;
    }

    @Override
    public JobOutcome handle(OutboxJob job) throws Exception {
        SendJob payload = SendJob.parse(job.payload());
        OutboundMessage m = new OutboundMessages(database.dsl()).find(payload.outbound()).orElse(null);
        if (m == null) {
            return JobOutcome.failed("Message MSSanté introuvable (" + payload.outbound() + ").");
        }
        if (m.status() != OutboundStatus.A_ENVOYER) {
            return JobOutcome.done();
        }
        MssTrace.At at = new MssTrace.At(m.sender(), m.messageId(), m.documentUid(), m.patientId());
        ReportVersion version = new ReportRepository(database.dsl()).findVersion(m.reportVersionId()).orElseThrow();
        if (m.purpose() != Purpose.SUPPRESSION && version.status() != ReportStatus.VALIDATED) {
            finish(m, OutboundStatus.ANNULE, TraceStep.SEND_SKIPPED, "Version " + version.versionNumber() + " « "
                    + version.status().label() + " » avant son envoi : non envoyée");
            return JobOutcome.done();
        }
        String recipient = m.recipient();
        String recipientName = m.recipientName();
        if (recipient == null) {
            if (directory == null) {
                return fail(m, "Adresse MSSanté du prescripteur (RPPS " + m.recipientRpps() + ") inconnue et annuaire non "
                        + "configuré : choisissez l'adresse sur la demande puis relancez l'envoi.");
            }
            List<DirectoryEntry> found;
            try {
                found = directory.byRpps(m.recipientRpps());
            } catch (DirectoryException e) {
                return JobOutcome.retry(e.getMessage());
            }
            List<DirectoryEntry> personal = found.stream().filter(e -> "PER".equals(e.mailboxType())).toList();
            List<DirectoryEntry> candidates = personal.isEmpty() ? found : personal;
            if (candidates.isEmpty()) {
                return fail(m, "Aucune adresse MSSanté dans l'annuaire pour le RPPS " + m.recipientRpps() + ".");
            }
            if (candidates.size() > 1) {
                return fail(m, "Plusieurs adresses MSSanté pour le RPPS " + m.recipientRpps() + " ("
                        + String.join(", ", candidates.stream().map(DirectoryEntry::mssAddress).toList())
                        + ") : choisissez-en une sur la demande puis relancez l'envoi.");
            }
            recipient = candidates.get(0).mssAddress();
            recipientName = candidates.get(0).displayName();
            String resolved = recipient;
            String name = recipientName;
            database.inTransactionRun(ctx -> {
                new OutboundMessages(ctx).resolveRecipient(m.id(), resolved, name, clock.instant());
                trace.record(ctx, TraceStep.SEND_QUEUED, at, ACTOR, "Adresse du prescripteur trouvée dans l'annuaire : " + resolved);
            });
        }
        List<ClinicalDocument> documents = new DocumentRepository(database.dsl()).findByReportVersion(version.id());
        ClinicalDocument cda = documents.stream().filter(d -> d.documentUid().equals(version.documentUid())).findFirst()
                .orElse(null);
        if (cda == null) {
            return fail(m, "CDA du compte rendu introuvable (" + version.documentUid() + ").");
        }
        byte[] pdf = documents.stream().filter(d -> "application/pdf".equals(d.mimeType())).findFirst()
                .map(ClinicalDocument::content).orElse(null);
        Patient patient = new PatientRepository(database.dsl()).findById(m.patientId()).orElseThrow();
        PracticeSettings settings = new PracticeSettings(database);
        String replyTo = Mailboxes.active(database.dsl(), MailboxKind.ORGANISATIONNELLE).map(b -> b.address()).orElse(null);
        MailAccess access;
        SMTPMessage message;
        try {
            access = senders.forAddress(m.sender());
            message = ReportMail.build(access.session(), new ReportMail.Content(m.purpose(), m.recipientKind(), m.messageId(),
                    m.id(), m.sender(), replyTo, recipient, recipientName, patient, cda.content(), pdf,
                    version.invisibleToPatient(), version.statusReason(), settings.profile().name(),
                    settings.profile().uidRoot().value(), productReference, MssPracticeSettings.read(settings), clock.instant()));
            access.send(message);
        } catch (MailTransportException e) {
            if (e.permanent()) {
                return fail(m, e.getMessage());
            }
            trace.record(TraceStep.SEND_FAILED, at, ACTOR, "Nouvelle tentative prévue : " + e.getMessage());
            return JobOutcome.retry(e.getMessage());
        }
        String to = recipient;
        database.inTransactionRun(ctx -> {
            new OutboundMessages(ctx).update(m.id(), OutboundStatus.ENVOYE, null, clock.instant());
            trace.record(ctx, TraceStep.SUBMITTED, at, ACTOR, m.purpose() + " à " + to + " (" + m.recipientKind().label() + ")");
            audit.record(ctx, AuditEntry.of(ACTOR, AUDIT_SENT, m.patientId()).on("mss_outbound", m.id())
                    .withDetail(m.purpose() + " du document " + m.documentUid() + " à " + to));
        });
        return JobOutcome.done();
    }

    private JobOutcome fail(OutboundMessage m, String reason) {
        finish(m, OutboundStatus.ECHEC, TraceStep.SEND_FAILED, reason);
        return JobOutcome.failed(reason);
    }

    private void finish(OutboundMessage m, OutboundStatus status, TraceStep step, String reason) {
        database.inTransactionRun(ctx -> {
            new OutboundMessages(ctx).update(m.id(), status, reason, clock.instant());
            trace.record(ctx, step, new MssTrace.At(m.sender(), m.messageId(), m.documentUid(), m.patientId()), ACTOR, reason);
        });
    }
}
