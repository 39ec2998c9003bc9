package fr.opaline.core.document;

import static fr.opaline.core.persistence.generated.Tables.CLINICAL_DOCUMENT;

import fr.opaline.core.persistence.generated.tables.records.ClinicalDocumentRecord;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;

public final class DocumentRepository {

    private final DSLContext ctx;

    public DocumentRepository(DSLContext ctx) {
        this.ctx = ctx;
    }

    /**
     * Stores the document unless one with the same CDA id is already held.
     *
     * @return true when stored, false when it was a duplicate
     */
    public boolean insertIfAbsent(ClinicalDocument d) {
        return ctx.insertInto(CLINICAL_DOCUMENT).set(toRecord(d)).onConflictDoNothing().execute() == 1;
    }

    public Optional<ClinicalDocument> findById(UUID id) {
        return ctx.selectFrom(CLINICAL_DOCUMENT).where(CLINICAL_DOCUMENT.ID.eq(id))
                .fetchOptional(DocumentRepository::toDomain);
    }

    public Optional<ClinicalDocument> findByDocumentUid(String documentUid) {
        return ctx.selectFrom(CLINICAL_DOCUMENT).where(CLINICAL_DOCUMENT.DOCUMENT_UID.eq(documentUid))
                .fetchOptional(DocumentRepository::toDomain);
    }

    public List<ClinicalDocument> findBySetId(String setId) {
        return ctx.selectFrom(CLINICAL_DOCUMENT).where(CLINICAL_DOCUMENT.SET_ID.eq(setId))
                .orderBy(CLINICAL_DOCUMENT.VERSION_NUMBER).fetch(DocumentRepository::toDomain);
    }

    /** The documents produced from one report version (CDA N1, N3, PDF), in creation order. */
    public List<ClinicalDocument> findByReportVersion(UUID reportVersionId) {
        return ctx.selectFrom(CLINICAL_DOCUMENT).where(CLINICAL_DOCUMENT.REPORT_VERSION_ID.eq(reportVersionId))
                .orderBy(CLINICAL_DOCUMENT.RECEIVED_AT, CLINICAL_DOCUMENT.MIME_TYPE).fetch(DocumentRepository::toDomain);
    }

    /** The patient's documents without their content, most recent act first. */
    public List<ClinicalDocument> listForPatient(UUID patientId) {
        return ctx.select(CLINICAL_DOCUMENT.fields()).from(CLINICAL_DOCUMENT)
                .where(CLINICAL_DOCUMENT.PATIENT_ID.eq(patientId))
                .orderBy(CLINICAL_DOCUMENT.TYPE_CODE, CLINICAL_DOCUMENT.EFFECTIVE_AT.desc())
                .fetchInto(CLINICAL_DOCUMENT)
                .map(r -> {
                    r.setContent(new byte[0]);
                    return toDomain(r);
                });
    }

    public void updateStatus(UUID id, DocumentStatus status) {
        ctx.update(CLINICAL_DOCUMENT).set(CLINICAL_DOCUMENT.STATUS, status.name())
                .where(CLINICAL_DOCUMENT.ID.eq(id)).execute();
    }

    public void updateVisibility(UUID id, boolean invisibleToPatient, boolean hiddenFromLegalRepresentatives) {
        ctx.update(CLINICAL_DOCUMENT)
                .set(CLINICAL_DOCUMENT.INVISIBLE_TO_PATIENT, invisibleToPatient)
                .set(CLINICAL_DOCUMENT.HIDDEN_FROM_LEGAL_REPS, hiddenFromLegalRepresentatives)
                .where(CLINICAL_DOCUMENT.ID.eq(id)).execute();
    }

    ClinicalDocumentRecord toRecord(ClinicalDocument d) {
        ClinicalDocumentRecord r = ctx.newRecord(CLINICAL_DOCUMENT);
        r.setId(d.id());
        r.setPatientId(d.patientId());
        r.setDocumentUid(d.documentUid());
        r.setSetId(d.setId());
        r.setVersionNumber(d.versionNumber());
        r.setTypeCode(d.typeCode());
        r.setTitle(d.title());
        r.setEffectiveAt(d.effectiveAt());
        r.setAuthorName(d.authorName());
        r.setAuthorRpps(d.authorRpps());
        r.setProvenance(d.provenance().name());
        r.setStatus(d.status().name());
        r.setInvisibleToPatient(d.invisibleToPatient());
        r.setHiddenFromLegalReps(d.hiddenFromLegalRepresentatives());
        r.setMimeType(d.mimeType());
        r.setContent(d.content());
        r.setReportVersionId(d.reportVersionId());
        r.setReceivedAt(d.receivedAt());
        return r;
    }

    static ClinicalDocument toDomain(ClinicalDocumentRecord r) {
        return new ClinicalDocument(r.getId(), r.getPatientId(), r.getDocumentUid(), r.getSetId(), r.getVersionNumber(),
                r.getTypeCode(), r.getTitle(), r.getEffectiveAt(), r.getAuthorName(), r.getAuthorRpps(),
                Provenance.valueOf(r.getProvenance()), DocumentStatus.valueOf(r.getStatus()), r.getInvisibleToPatient(),
                r.getHiddenFromLegalReps(), r.getMimeType(), r.getContent(), r.getReportVersionId(), r.getReceivedAt());
    }
}
