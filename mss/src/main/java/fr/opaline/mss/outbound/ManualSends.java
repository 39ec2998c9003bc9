package fr.opaline.mss.outbound;

import fr.opaline.core.audit.AuditEntry;
import fr.opaline.core.audit.AuditTrail;
import fr.opaline.core.common.Actor;
import fr.opaline.core.common.BusinessRuleException;
import fr.opaline.core.common.IdGenerator;
import fr.opaline.core.common.NotFoundException;
import fr.opaline.core.episode.CareEpisodeRepository;
import fr.opaline.core.order.ImagingOrder;
import fr.opaline.core.order.OrderRepository;
import fr.opaline.core.outbox.Outbox;
import fr.opaline.core.patient.Patient;
import fr.opaline.core.patient.PatientRepository;
import fr.opaline.core.persistence.Database;
import fr.opaline.core.report.Report;
import fr.opaline.core.report.ReportRepository;
import fr.opaline.core.report.ReportStatus;
import fr.opaline.core.report.ReportVersion;
import fr.opaline.core.user.Role;
import fr.opaline.core.user.UserAccount;
import fr.opaline.core.user.UserRepository;
import fr.opaline.mss.directory.DirectoryEntry;
import fr.opaline.mss.mailbox.Mailbox;
import fr.opaline.mss.mailbox.MailboxKind;
import fr.opaline.mss.mailbox.Mailboxes;
import fr.opaline.mss.mailbox.MssAddress;
import fr.opaline.mss.trace.MssTrace;
import fr.opaline.mss.trace.TraceStep;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

/**
 * "Envoyer par MSSanté": a radiologist sends the validated CR of an exam to one more recipient
 * found in the annuaire santé, besides those the validation mailed. The send is one
 * {@code mss_outbound} row and one {@code mss-send} outbox job, as the automatic ones (same
 * message, same handler, same status in the report editor and the queue), decided in one
 * transaction with its trace and its audit. Refused: a CR that is not validated (a draft, a
 * retracted one), a patient's address, a patient who opposed the sharing of their documents on
 * their open care episode, a recipient who already has this version, a practice without BAL
 * applicative.
 */
public final class ManualSends {

    public static final String AUDIT_REQUESTED = "MSS_MANUAL_SEND";

    private final Database database;
    private final Outbox outbox;
    private final MssTrace trace;
    private final AuditTrail audit;
    private final IdGenerator ids;
    private final Clock clock;

    public ManualSends(Database database, Outbox outbox, MssTrace trace, AuditTrail audit, IdGenerator ids, Clock clock) {
        this.database = database;
        this.outbox = outbox;
        this.trace = trace;
        this.audit = audit;
        this.ids = ids;
        this.clock = clock;
    }

    /**
     * Queues the send of the exam's validated CR to {@code recipient} (an entry of the directory,
     * checked against it by the caller).
     *
     * @return the outbox job of the send
     */
    public UUID send(UUID stepId, DirectoryEntry recipient, Actor actor) {
        if (stepId == null || recipient == null || recipient.mssAddress() == null) {
            throw new BusinessRuleException("Envoi MSSanté : examen et destinataire de l'annuaire attendus.");
        }
        String address = MssAddress.normalise(recipient.mssAddress());
        if (MssAddress.isPatientAddress(address)) {
            throw new BusinessRuleException("L'envoi manuel s'adresse aux professionnels de l'annuaire santé, "
                    + "pas à la messagerie du patient.");
        }
        return database.inTransaction(ctx -> {
            UserAccount user = actor.isSystem() ? null : new UserRepository(ctx).findById(actor.userId()).orElse(null);
            if (user == null || user.role() != Role.RADIOLOGUE || !user.active()) {
                throw new BusinessRuleException("Seul un radiologue peut adresser un compte rendu par MSSanté à un "
                        + "destinataire de l'annuaire.");
            }
            OrderRepository orders = new OrderRepository(ctx);
            ImagingOrder order = orders.findOrderOfStep(stepId)
                    .orElseThrow(() -> new NotFoundException("Examen introuvable."));
            ReportRepository reports = new ReportRepository(ctx);
            Report report = reports.findByOrder(order.id())
                    .orElseThrow(() -> new BusinessRuleException("Aucun compte rendu pour cet examen."));
            ReportVersion version = reports.version(report.id(), report.currentVersion()).orElseThrow();
            if (version.status() != ReportStatus.VALIDATED) {
                throw new BusinessRuleException("Seul un compte rendu validé peut être envoyé par MSSanté (celui-ci est « "
                        + version.status().label() + " »).");
            }
            Patient patient = new PatientRepository(ctx).findById(order.patientId()).orElseThrow();
            boolean opposed = new CareEpisodeRepository(ctx).findOpen(patient.id())
                    .map(e -> e.dmpFeedingOpposition()).orElse(false);
            if (opposed) {
                throw new BusinessRuleException("Le patient s'est opposé au partage de ses documents : le compte rendu "
                        + "n'est pas adressé à un autre destinataire.");
            }
            Mailbox sender = Mailboxes.active(ctx, MailboxKind.APPLICATIVE).orElseThrow(() -> new BusinessRuleException(
                    "Le cabinet n'a pas de BAL applicative MSSanté active : aucun envoi possible."));
            String messageId = MessageIds.of(version.documentUid(), Purpose.ENVOI, address, sender.address());
            Instant now = clock.instant();
            String name = recipient.displayName();
            OutboundMessage row = new OutboundMessage(ids.newId(), messageId, Purpose.ENVOI, version.documentUid(),
                    version.id(), patient.id(), sender.address(), address, recipient.rpps(), name,
                    RecipientKind.PROFESSIONNEL, OutboundStatus.A_ENVOYER, null, now, null, null, null, now);
            if (!new OutboundMessages(ctx).insertIfAbsent(row)) {
                throw new BusinessRuleException("Ce compte rendu a déjà été adressé à " + address + ".");
            }
            UUID id = outbox.enqueue(ctx, new SendJob(row.id(), version.documentUid()).request(messageId, patient.id(),
                    "MSSanté envoi du CR " + order.accessionNumber() + " → " + (name != null ? name : address)), actor);
            trace.record(ctx, TraceStep.SEND_QUEUED, new MssTrace.At(sender.address(), messageId, version.documentUid(),
                    patient.id()), actor, "ENVOI manuel → " + RecipientKind.PROFESSIONNEL.label() + " " + address);
            audit.record(ctx, AuditEntry.of(actor, AUDIT_REQUESTED, patient.id()).on("mss_outbound", row.id())
                    .withDetail("Envoi manuel du document " + version.documentUid() + " à " + name + " <" + address + ">"
                            + (recipient.rpps() != null ? " (RPPS " + recipient.rpps() + ")" : "")));
            return id;
        });
    }
}
