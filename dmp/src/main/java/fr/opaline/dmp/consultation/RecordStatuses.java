package fr.opaline.dmp.consultation;

import static fr.opaline.core.persistence.generated.Tables.DMP_RECORD_STATUS;

import fr.opaline.dmp.hl7v3.AuthorizationStatus;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;

/** The table dmp_record_status: one row per patient and user. */
public final class RecordStatuses {

    private final DSLContext ctx;

    public RecordStatuses(DSLContext ctx) {
        this.ctx = ctx;
    }

    public Optional<RecordStatus> find(UUID patientId, UUID userId) {
        return ctx.selectFrom(DMP_RECORD_STATUS).where(DMP_RECORD_STATUS.PATIENT_ID.eq(patientId))
                .and(DMP_RECORD_STATUS.USER_ID.eq(userId))
                .fetchOptional(r -> new RecordStatus(r.getPatientId(), r.getUserId(), r.getCheckedAt(),
                        RecordState.valueOf(r.getRecordState()),
                        r.getAuthorizationState() == null ? null : AuthorizationStatus.valueOf(r.getAuthorizationState()),
                        r.getDetail(), r.getLastConsultedAt()));
    }

    /** Writes what the DMP said; {@code consultedAt} null keeps the previous last consultation. */
    public void save(UUID patientId, UUID userId, Instant checkedAt, RecordState state,
                     AuthorizationStatus authorization, String detail, Instant consultedAt) {
        Optional<RecordStatus> previous = find(patientId, userId);
        Instant lastConsulted = consultedAt != null ? consultedAt : previous.map(RecordStatus::lastConsultedAt).orElse(null);
        String text = detail == null || detail.length() <= 1000 ? detail : detail.substring(0, 1000);
        if (previous.isPresent()) {
            ctx.update(DMP_RECORD_STATUS)
                    .set(DMP_RECORD_STATUS.CHECKED_AT, checkedAt)
                    .set(DMP_RECORD_STATUS.RECORD_STATE, state.name())
                    .set(DMP_RECORD_STATUS.AUTHORIZATION_STATE, authorization == null ? null : authorization.name())
                    .set(DMP_RECORD_STATUS.DETAIL, text)
                    .set(DMP_RECORD_STATUS.LAST_CONSULTED_AT, lastConsulted)
                    .where(DMP_RECORD_STATUS.PATIENT_ID.eq(patientId)).and(DMP_RECORD_STATUS.USER_ID.eq(userId))
                    .execute();
        } else {
            ctx.insertInto(DMP_RECORD_STATUS)
                    .set(DMP_RECORD_STATUS.PATIENT_ID, patientId)
                    .set(DMP_RECORD_STATUS.USER_ID, userId)
                    .set(DMP_RECORD_STATUS.CHECKED_AT, checkedAt)
                    .set(DMP_RECORD_STATUS.RECORD_STATE, state.name())
                    .set(DMP_RECORD_STATUS.AUTHORIZATION_STATE, authorization == null ? null : authorization.name())
                    .set(DMP_RECORD_STATUS.DETAIL, text)
                    .set(DMP_RECORD_STATUS.LAST_CONSULTED_AT, lastConsulted)
                    .execute();
        }
    }
}
