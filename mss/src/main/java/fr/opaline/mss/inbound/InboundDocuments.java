package fr.opaline.mss.inbound;

import static fr.opaline.core.persistence.generated.Tables.MSS_INBOUND_DOCUMENT;

import fr.opaline.core.persistence.generated.tables.records.MssInboundDocumentRecord;
import fr.opaline.documents.received.DocumentIntegration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;

/** The {@code mss_inbound_document} rows. */
public final class InboundDocuments {

    private final DSLContext ctx;

    public InboundDocuments(DSLContext ctx) {
        this.ctx = ctx;
    }

    public void insert(InboundDocument d) {
        MssInboundDocumentRecord r = ctx.newRecord(MSS_INBOUND_DOCUMENT);
        r.setId(d.id());
        r.setReceivedMessageId(d.receivedMessageId());
        r.setSource(d.source());
        r.setAction(d.action().name());
        r.setDocumentUid(d.documentUid());
        r.setVersionNumber(1);
        r.setReplacesDocumentUid(d.replacesDocumentUid());
        r.setTypeCode(cut(d.typeCode(), 20));
        r.setTitle(cut(d.title(), 300));
        r.setEffectiveAt(d.effectiveAt());
        r.setAuthorName(cut(d.authorName(), 200));
        r.setInsMatricule(cut(d.insMatricule(), 15));
        r.setInsOid(cut(d.insOid(), 64));
        r.setBirthName(cut(d.birthName(), 100));
        r.setBirthFirstNames(cut(d.birthFirstNames(), 200));
        r.setUsedName(cut(d.usedName(), 100));
        r.setBirthDate(d.birthDate());
        r.setSex(d.sex() == null ? null : cut(d.sex(), 1));
        r.setStatus(d.status().name());
        r.setErrorCode(d.errorCode());
        r.setErrorLabel(cut(d.errorLabel(), 500));
        r.setPatientId(d.patientId());
        r.setClinicalDocumentId(d.clinicalDocumentId());
        r.setCda(d.cda());
        r.setCreatedAt(d.createdAt());
        r.setHandledBy(d.handledBy());
        r.setHandledAt(d.handledAt());
        r.store();
    }

    public Optional<InboundDocument> find(UUID id) {
        return ctx.selectFrom(MSS_INBOUND_DOCUMENT).where(MSS_INBOUND_DOCUMENT.ID.eq(id)).fetchOptional(InboundDocuments::toDomain);
    }

    public Optional<InboundDocument> lock(UUID id) {
        return ctx.selectFrom(MSS_INBOUND_DOCUMENT).where(MSS_INBOUND_DOCUMENT.ID.eq(id)).forUpdate()
                .fetchOptional(InboundDocuments::toDomain);
    }

    public List<InboundDocument> withStatus(InboundStatus status, int limit) {
        return ctx.selectFrom(MSS_INBOUND_DOCUMENT).where(MSS_INBOUND_DOCUMENT.STATUS.eq(status.name()))
                .orderBy(MSS_INBOUND_DOCUMENT.CREATED_AT, MSS_INBOUND_DOCUMENT.ID).limit(limit).fetch(InboundDocuments::toDomain);
    }

    public int countWithStatus(InboundStatus status) {
        return ctx.fetchCount(MSS_INBOUND_DOCUMENT, MSS_INBOUND_DOCUMENT.STATUS.eq(status.name()));
    }

    public List<InboundDocument> ofMessage(UUID receivedMessageId) {
        return ctx.selectFrom(MSS_INBOUND_DOCUMENT).where(MSS_INBOUND_DOCUMENT.RECEIVED_MESSAGE_ID.eq(receivedMessageId))
                .orderBy(MSS_INBOUND_DOCUMENT.CREATED_AT, MSS_INBOUND_DOCUMENT.ID).fetch(InboundDocuments::toDomain);
    }

    public void handled(UUID id, InboundStatus status, UUID patientId, UUID clinicalDocumentId, String errorLabel,
                        String by, Instant at) {
        ctx.update(MSS_INBOUND_DOCUMENT).set(MSS_INBOUND_DOCUMENT.STATUS, status.name())
                .set(MSS_INBOUND_DOCUMENT.PATIENT_ID, patientId)
                .set(MSS_INBOUND_DOCUMENT.CLINICAL_DOCUMENT_ID, clinicalDocumentId)
                .set(MSS_INBOUND_DOCUMENT.ERROR_LABEL, cut(errorLabel, 500))
                .set(MSS_INBOUND_DOCUMENT.HANDLED_BY, by).set(MSS_INBOUND_DOCUMENT.HANDLED_AT, at)
                .where(MSS_INBOUND_DOCUMENT.ID.eq(id)).execute();
    }

    static InboundDocument toDomain(MssInboundDocumentRecord r) {
        return new InboundDocument(r.getId(), r.getReceivedMessageId(), r.getSource(),
                DocumentIntegration.Action.valueOf(r.getAction()), r.getDocumentUid(), r.getReplacesDocumentUid(),
                r.getTypeCode(), r.getTitle(), r.getEffectiveAt(), r.getAuthorName(), r.getInsMatricule(), r.getInsOid(), r.getBirthName(),
                r.getBirthFirstNames(), r.getUsedName(), r.getBirthDate(), r.getSex(), InboundStatus.valueOf(r.getStatus()),
                r.getErrorCode(), r.getErrorLabel(), r.getPatientId(), r.getClinicalDocumentId(), r.getCda(),
                r.getCreatedAt(), r.getHandledBy(), r.getHandledAt());
    }

    private static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
