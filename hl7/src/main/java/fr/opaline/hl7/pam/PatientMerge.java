package fr.opaline.hl7.pam;

import static fr.opaline.core.persistence.generated.Tables.APPOINTMENT;
import static fr.opaline.core.persistence.generated.Tables.CARE_EPISODE;
import static fr.opaline.core.persistence.generated.Tables.CLINICAL_DOCUMENT;
import static fr.opaline.core.persistence.generated.Tables.HL7_MESSAGE;
import static fr.opaline.core.persistence.generated.Tables.HL7_PATIENT_IDENTIFIER;
import static fr.opaline.core.persistence.generated.Tables.HL7_SENT_MESSAGE;
import static fr.opaline.core.persistence.generated.Tables.IMAGING_ORDER;
import static fr.opaline.core.persistence.generated.Tables.OUTBOX_JOB;
import static fr.opaline.core.persistence.generated.Tables.PATIENT;

import fr.opaline.core.audit.AuditEntry;
import fr.opaline.core.audit.AuditTrail;
import fr.opaline.core.common.Actor;
import fr.opaline.core.common.BusinessRuleException;
import fr.opaline.core.patient.Patient;
import fr.opaline.core.patient.PatientRepository;
import java.util.UUID;
import org.jooq.DSLContext;

/**
 * ADT^A40 (IHE PAM merge): the record of the merged patient — appointments, orders, care episodes,
 * documents, queued sends, messages — moves to the surviving patient; the merged identity is kept
 * for the trace, marked as merged. Two identities with different INS are never merged.
 */
public final class PatientMerge {

    public static final String AUDIT_ACTION = "PATIENT_MERGED";

    private final AuditTrail audit;
    private final fr.opaline.core.patient.PatientService listeners;

    public PatientMerge(AuditTrail audit) {
        this(audit, null);
    }

    /** @param listeners whose change listeners are told of each merge (the ADT routes), or null */
    public PatientMerge(AuditTrail audit, fr.opaline.core.patient.PatientService listeners) {
        this.audit = audit;
        this.listeners = listeners;
    }

    public void merge(DSLContext ctx, UUID survivorId, UUID mergedId, Actor actor, String source) {
        if (survivorId.equals(mergedId)) {
            return;
        }
        PatientRepository patients = new PatientRepository(ctx);
        Patient survivor = patients.lockById(survivorId).orElseThrow();
        Patient merged = patients.lockById(mergedId).orElseThrow();
        if (survivor.ins() != null && merged.ins() != null
                && !survivor.ins().matricule().equals(merged.ins().matricule())) {
            throw new BusinessRuleException("Fusion refusée : les deux identités portent des INS différentes.");
        }
        ctx.update(APPOINTMENT).set(APPOINTMENT.PATIENT_ID, survivorId).where(APPOINTMENT.PATIENT_ID.eq(mergedId)).execute();
        ctx.update(IMAGING_ORDER).set(IMAGING_ORDER.PATIENT_ID, survivorId).where(IMAGING_ORDER.PATIENT_ID.eq(mergedId))
                .execute();
        ctx.update(CARE_EPISODE).set(CARE_EPISODE.PATIENT_ID, survivorId).where(CARE_EPISODE.PATIENT_ID.eq(mergedId))
                .execute();
        ctx.update(CLINICAL_DOCUMENT).set(CLINICAL_DOCUMENT.PATIENT_ID, survivorId)
                .where(CLINICAL_DOCUMENT.PATIENT_ID.eq(mergedId)).execute();
        ctx.update(OUTBOX_JOB).set(OUTBOX_JOB.PATIENT_ID, survivorId).where(OUTBOX_JOB.PATIENT_ID.eq(mergedId)).execute();
        ctx.update(HL7_MESSAGE).set(HL7_MESSAGE.PATIENT_ID, survivorId).where(HL7_MESSAGE.PATIENT_ID.eq(mergedId)).execute();
        ctx.update(HL7_SENT_MESSAGE).set(HL7_SENT_MESSAGE.PATIENT_ID, survivorId)
                .where(HL7_SENT_MESSAGE.PATIENT_ID.eq(mergedId)).execute();
        ctx.update(HL7_PATIENT_IDENTIFIER).set(HL7_PATIENT_IDENTIFIER.PATIENT_ID, survivorId)
                .where(HL7_PATIENT_IDENTIFIER.PATIENT_ID.eq(mergedId)).execute();
        ctx.update(PATIENT).set(PATIENT.MERGED_INTO_ID, survivorId).where(PATIENT.ID.eq(mergedId)).execute();
        audit.record(ctx, AuditEntry.of(actor, AUDIT_ACTION, survivorId).on("patient", merged.ipp())
                .withDetail("Identité " + merged.ipp() + " fusionnée dans " + survivor.ipp() + " (" + source + ")"));
        if (listeners != null) {
            listeners.merged(ctx, survivorId, mergedId, actor);
        }
    }
}
