package fr.opaline.mss.outbound;

import fr.opaline.core.common.Actor;
import fr.opaline.core.common.IdGenerator;
import fr.opaline.core.order.ImagingOrder;
import fr.opaline.core.order.OrderRepository;
import fr.opaline.core.outbox.Outbox;
import fr.opaline.core.patient.Patient;
import fr.opaline.core.patient.PatientRepository;
import fr.opaline.core.report.ReportPublication;
import fr.opaline.core.report.ReportPublicationListener;
import fr.opaline.core.report.ReportRepository;
import fr.opaline.core.report.ReportVersion;
import fr.opaline.mss.mailbox.Mailbox;
import fr.opaline.mss.mailbox.MailboxKind;
import fr.opaline.mss.mailbox.Mailboxes;
import fr.opaline.mss.mailbox.MssAddress;
import fr.opaline.mss.trace.MssTrace;
import fr.opaline.mss.trace.TraceStep;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jooq.DSLContext;

/**
 * Decides, in the transaction of a validation, an amendment or a retraction, who receives the CR
 * by MSSanté, and writes one {@code mss_outbound} row and one outbox job per recipient (so nothing
 * is lost and a retry never duplicates): the referring physician (the address chosen on the order,
 * else found in the directory by RPPS at sending time), the other correspondents of the order, and
 * the patient at {@code <matricule INS>@patient.mssante.fr} (see {@link MssAddress#ofPatient}) unless
 * the version is invisible to the patient. A retraction is sent to everyone who received a version,
 * asking them to delete it. Nothing is decided when the practice has no BAL applicative.
 */
public final class ReportMailListener implements ReportPublicationListener {

    private static final Set<OutboundStatus> RECEIVED = EnumSet.of(OutboundStatus.ENVOYE, OutboundStatus.REMIS,
            OutboundStatus.RETARDE, OutboundStatus.LU, OutboundStatus.TRAITE, OutboundStatus.ERREUR_DESTINATAIRE);

    private final Outbox outbox;
    private final MssTrace trace;
    private final IdGenerator ids;
    private final Clock clock;

    public ReportMailListener(Outbox outbox, MssTrace trace, IdGenerator ids, Clock clock) {
        this.outbox = outbox;
        this.trace = trace;
        this.ids = ids;
        this.clock = clock;
    }

    private record Recipient(String address, String rpps, String name, RecipientKind kind) {
        String key() {
            return address != null ? address.toLowerCase(Locale.ROOT) : "rpps:" + rpps;
        }
    }

    @Override
    public void onPublication(DSLContext ctx, ReportPublication publication) {
        Mailbox sender = applicative(ctx);
        if (sender == null) {
            return;
        }
        Patient patient = new PatientRepository(ctx).findById(publication.patientId()).orElseThrow();
        ImagingOrder order = new OrderRepository(ctx).findOrder(publication.orderId()).orElseThrow();
        ReportVersion version = publication.version();
        Purpose purpose = switch (publication.kind()) {
            case VALIDATED -> Purpose.ENVOI;
            case AMENDED -> Purpose.REMPLACEMENT;
            case RETRACTED -> Purpose.SUPPRESSION;
        };
        MssTrace.At at = new MssTrace.At(sender.address(), null, version.documentUid(), patient.id());
        List<Recipient> recipients = purpose == Purpose.SUPPRESSION
                ? previousRecipients(ctx, publication)
                : recipients(ctx, order, patient, version, at, publication.actor());
        Instant now = clock.instant();
        for (Recipient r : recipients) {
            String messageId = MessageIds.of(version.documentUid(), purpose, r.key(), sender.address());
            OutboundMessage row = new OutboundMessage(ids.newId(), messageId, purpose, version.documentUid(), version.id(),
                    patient.id(), sender.address(), r.address(), r.rpps(), r.name(), r.kind(), OutboundStatus.A_ENVOYER,
                    null, now, null, null, null, now);
            if (!new OutboundMessages(ctx).insertIfAbsent(row)) {
                continue;
            }
            outbox.enqueue(ctx, new SendJob(row.id(), version.documentUid()).request(messageId, patient.id(), "MSSanté " + purpose.name().toLowerCase(Locale.ROOT)
                    + " du CR " + order.accessionNumber() + " → " + (r.name() != null ? r.name() : r.key())), publication.actor());
            trace.record(ctx, TraceStep.SEND_QUEUED, new MssTrace.At(sender.address(), messageId, version.documentUid(),
                    patient.id()), publication.actor(), purpose + " → " + r.kind().label() + " " + (r.address() != null
                    ? r.address() : "RPPS " + r.rpps() + " (adresse à chercher dans l'annuaire)"));
        }
    }

    private List<Recipient> recipients(DSLContext ctx, ImagingOrder order, Patient patient, ReportVersion version,
                                       MssTrace.At at, Actor actor) {
        Map<String, Recipient> chosen = new LinkedHashMap<>();
        List<OrderCorrespondent> correspondents = OrderCorrespondents.of(ctx, order.id());
        boolean referringChosen = correspondents.stream().anyMatch(OrderCorrespondent::referring);
        if (!referringChosen) {
            if (order.referringPhysicianRpps() != null && !order.referringPhysicianRpps().isBlank()) {
                Recipient r = new Recipient(null, order.referringPhysicianRpps(), order.referringPhysicianName(),
                        RecipientKind.PROFESSIONNEL);
                chosen.put(r.key(), r);
            } else {
                trace.record(ctx, TraceStep.SEND_SKIPPED, at, actor,
                        "Prescripteur sans RPPS ni adresse MSSanté choisie sur la demande : pas d'envoi au prescripteur");
            }
        }
        for (OrderCorrespondent c : correspondents) {
            Recipient r = new Recipient(c.mssAddress(), c.rpps(), c.displayName(), RecipientKind.PROFESSIONNEL);
            chosen.putIfAbsent(r.key(), r);
        }
        MssPracticeSettings settings = MssPracticeSettings.read(ctx);
        if (!settings.sendToPatient()) {
            trace.record(ctx, TraceStep.SEND_SKIPPED, at, actor, "Envoi au patient désactivé par le cabinet");
        } else if (version.invisibleToPatient()) {
            trace.record(ctx, TraceStep.SEND_SKIPPED, at, actor,
                    "Document invisible au patient : pas d'envoi à sa messagerie Mon espace santé");
        } else {
            MssAddress.ofPatient(patient).ifPresentOrElse(
                    address -> chosen.putIfAbsent(address, new Recipient(address, null, patient.displayName(),
                            RecipientKind.PATIENT)),
                    () -> trace.record(ctx, TraceStep.SEND_SKIPPED, at, actor, "Patient sans INS obtenue de l'INSi "
                            + "(identité " + patient.status().label().toLowerCase(Locale.ROOT)
                            + ") : pas d'adresse Mon espace santé"));
        }
        return new ArrayList<>(chosen.values());
    }

    /** Everyone who received a version of this report, to be told it is withdrawn. */
    private static List<Recipient> previousRecipients(DSLContext ctx, ReportPublication publication) {
        Map<String, Recipient> chosen = new LinkedHashMap<>();
        OutboundMessages outbound = new OutboundMessages(ctx);
        for (ReportVersion v : new ReportRepository(ctx).versions(publication.report().id())) {
            for (OutboundMessage m : outbound.ofVersion(v.id())) {
                if (m.purpose() != Purpose.SUPPRESSION && m.recipient() != null && RECEIVED.contains(m.status())) {
                    chosen.putIfAbsent(m.recipient().toLowerCase(Locale.ROOT),
                            new Recipient(m.recipient(), m.recipientRpps(), m.recipientName(), m.recipientKind()));
                }
            }
        }
        return new ArrayList<>(chosen.values());
    }

    private static Mailbox applicative(DSLContext ctx) {
        return Mailboxes.active(ctx, MailboxKind.APPLICATIVE).orElse(null);
    }
}
