package fr.opaline.core.order;

import static fr.opaline.core.persistence.generated.Tables.IMAGING_ORDER;
import static fr.opaline.core.persistence.generated.Tables.PATIENT;
import static fr.opaline.core.persistence.generated.Tables.REQUESTED_PROCEDURE;
import static fr.opaline.core.persistence.generated.Tables.SCHEDULED_PROCEDURE_STEP;

import fr.opaline.core.patient.PatientRepository;
import java.time.Instant;
import java.util.List;
import org.jooq.DSLContext;

/** Reads scheduled procedure steps over a period with their order and patient, in one query. */
public final class StepQuery {

    private final DSLContext ctx;

    public StepQuery(DSLContext ctx) {
        this.ctx = ctx;
    }

    /** Steps scheduled in [from, to), whatever their status, by modality then start time. */
    public List<StepEntry> scheduledBetween(Instant from, Instant to) {
        return ctx.select(SCHEDULED_PROCEDURE_STEP.fields()).select(IMAGING_ORDER.fields()).select(PATIENT.fields())
                .from(SCHEDULED_PROCEDURE_STEP)
                .join(REQUESTED_PROCEDURE).on(REQUESTED_PROCEDURE.ID.eq(SCHEDULED_PROCEDURE_STEP.REQUESTED_PROCEDURE_ID))
                .join(IMAGING_ORDER).on(IMAGING_ORDER.ID.eq(REQUESTED_PROCEDURE.ORDER_ID))
                .join(PATIENT).on(PATIENT.ID.eq(IMAGING_ORDER.PATIENT_ID))
                .where(SCHEDULED_PROCEDURE_STEP.SCHEDULED_START.ge(from))
                .and(SCHEDULED_PROCEDURE_STEP.SCHEDULED_START.lt(to))
                .orderBy(SCHEDULED_PROCEDURE_STEP.MODALITY, SCHEDULED_PROCEDURE_STEP.SCHEDULED_START,
                        SCHEDULED_PROCEDURE_STEP.STEP_ID)
                .fetch(r -> new StepEntry(OrderRepository.toStep(r.into(SCHEDULED_PROCEDURE_STEP)),
                        OrderRepository.toOrder(r.into(IMAGING_ORDER)), PatientRepository.toDomain(r.into(PATIENT))));
    }
}
