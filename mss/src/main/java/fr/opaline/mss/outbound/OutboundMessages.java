package fr.opaline.mss.outbound;

import static fr.opaline.core.persistence.generated.Tables.MSS_OUTBOUND;

import fr.opaline.core.persistence.generated.tables.records.MssOutboundRecord;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;

/** The {@code mss_outbound} rows: what was sent to whom and what became of it. */
public final class OutboundMessages {

    private final DSLContext ctx;

    public OutboundMessages(DSLContext ctx) {
        this.ctx = ctx;
    }

    /** Inserts unless a row with the same Message-ID exists; true when inserted. */
    public boolean insertIfAbsent(OutboundMessage m) {
        return ctx.insertInto(MSS_OUTBOUND)
                .set(MSS_OUTBOUND.ID, m.id())
                .set(MSS_OUTBOUND.MESSAGE_ID, m.messageId())
                .set(MSS_OUTBOUND.PURPOSE, m.purpose().name())
                .set(MSS_OUTBOUND.DOCUMENT_UID, m.documentUid())
                .set(MSS_OUTBOUND.REPORT_VERSION_ID, m.reportVersionId())
                .set(MSS_OUTBOUND.PATIENT_ID, m.patientId())
                .set(MSS_OUTBOUND.SENDER, m.sender())
                .set(MSS_OUTBOUND.RECIPIENT, m.recipient())
                .set(MSS_OUTBOUND.RECIPIENT_RPPS, m.recipientRpps())
                .set(MSS_OUTBOUND.RECIPIENT_NAME, m.recipientName())
                .set(MSS_OUTBOUND.RECIPIENT_KIND, m.recipientKind().name())
                .set(MSS_OUTBOUND.STATUS, m.status().name())
                .set(MSS_OUTBOUND.STATUS_DETAIL, m.statusDetail())
                .set(MSS_OUTBOUND.CREATED_AT, m.createdAt())
                .set(MSS_OUTBOUND.UPDATED_AT, m.createdAt())
                .onConflictDoNothing()
                .execute() == 1;
    }

    public Optional<OutboundMessage> find(UUID id) {
        return ctx.selectFrom(MSS_OUTBOUND).where(MSS_OUTBOUND.ID.eq(id)).fetchOptional(OutboundMessages::toDomain);
    }

    public Optional<OutboundMessage> lock(UUID id) {
        return ctx.selectFrom(MSS_OUTBOUND).where(MSS_OUTBOUND.ID.eq(id)).forUpdate().fetchOptional(OutboundMessages::toDomain);
    }

    public Optional<OutboundMessage> byMessageId(String messageId) {
        return ctx.selectFrom(MSS_OUTBOUND).where(MSS_OUTBOUND.MESSAGE_ID.eq(messageId)).fetchOptional(OutboundMessages::toDomain);
    }

    public List<OutboundMessage> ofVersion(UUID reportVersionId) {
        return ctx.selectFrom(MSS_OUTBOUND).where(MSS_OUTBOUND.REPORT_VERSION_ID.eq(reportVersionId))
                .orderBy(MSS_OUTBOUND.CREATED_AT, MSS_OUTBOUND.ID).fetch(OutboundMessages::toDomain);
    }

    public List<OutboundMessage> ofPatient(UUID patientId) {
        return ctx.selectFrom(MSS_OUTBOUND).where(MSS_OUTBOUND.PATIENT_ID.eq(patientId))
                .orderBy(MSS_OUTBOUND.CREATED_AT.desc(), MSS_OUTBOUND.ID).fetch(OutboundMessages::toDomain);
    }

    public List<OutboundMessage> latest(int limit) {
        return ctx.selectFrom(MSS_OUTBOUND).orderBy(MSS_OUTBOUND.CREATED_AT.desc(), MSS_OUTBOUND.ID.desc()).limit(limit)
                .fetch(OutboundMessages::toDomain);
    }

    public void resolveRecipient(UUID id, String address, String name, Instant now) {
        ctx.update(MSS_OUTBOUND).set(MSS_OUTBOUND.RECIPIENT, address).set(MSS_OUTBOUND.RECIPIENT_NAME, name)
                .set(MSS_OUTBOUND.UPDATED_AT, now).where(MSS_OUTBOUND.ID.eq(id)).execute();
    }

    public void update(UUID id, OutboundStatus status, String detail, Instant now) {
        var update = ctx.update(MSS_OUTBOUND).set(MSS_OUTBOUND.STATUS, status.name())
                .set(MSS_OUTBOUND.STATUS_DETAIL, detail == null ? null : detail.length() > 1000 ? detail.substring(0, 999) + "…" : detail)
                .set(MSS_OUTBOUND.UPDATED_AT, now);
        switch (status) {
            case ENVOYE -> update = update.set(MSS_OUTBOUND.SUBMITTED_AT, now);
            case REMIS, NON_REMIS -> update = update.set(MSS_OUTBOUND.DELIVERED_AT, now);
            case LU, TRAITE, ERREUR_DESTINATAIRE -> update = update.set(MSS_OUTBOUND.READ_AT, now);
            default -> { }
        }
        update.where(MSS_OUTBOUND.ID.eq(id)).execute();
    }

    static OutboundMessage toDomain(MssOutboundRecord r) {
        return new OutboundMessage(r.getId(), r.getMessageId(), Purpose.valueOf(r.getPurpose()), r.getDocumentUid(),
                r.getReportVersionId(), r.getPatientId(), r.getSender(), r.getRecipient(), r.getRecipientRpps(),
                r.getRecipientName(), RecipientKind.valueOf(r.getRecipientKind()), OutboundStatus.valueOf(r.getStatus()),
                r.getStatusDetail(), r.getCreatedAt(), r.getSubmittedAt(), r.getDeliveredAt(), r.getReadAt(), r.getUpdatedAt());
    }
}
