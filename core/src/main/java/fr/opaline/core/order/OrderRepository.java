package fr.opaline.core.order;

import static fr.opaline.core.persistence.generated.Tables.IMAGING_ORDER;
import static fr.opaline.core.persistence.generated.Tables.REQUESTED_PROCEDURE;
import static fr.opaline.core.persistence.generated.Tables.SCHEDULED_PROCEDURE_STEP;

import fr.opaline.core.catalogue.Modality;
import fr.opaline.core.persistence.generated.tables.records.ImagingOrderRecord;
import fr.opaline.core.persistence.generated.tables.records.RequestedProcedureRecord;
import fr.opaline.core.persistence.generated.tables.records.ScheduledProcedureStepRecord;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;

/** Orders, requested procedures and scheduled procedure steps. */
public final class OrderRepository {

    private final DSLContext ctx;

    public OrderRepository(DSLContext ctx) {
        this.ctx = ctx;
    }

    public void insert(ImagingOrder o) {
        ImagingOrderRecord r = ctx.newRecord(IMAGING_ORDER);
        r.setId(o.id());
        r.setPatientId(o.patientId());
        r.setCareEpisodeId(o.careEpisodeId());
        r.setAppointmentId(o.appointmentId());
        r.setAccessionNumber(o.accessionNumber());
        r.setPlacerOrderNumber(o.placerOrderNumber());
        r.setReferringPhysicianName(o.referringPhysicianName());
        r.setReferringPhysicianRpps(o.referringPhysicianRpps());
        r.setClinicalIndication(o.clinicalIndication());
        r.setCreatedAt(o.createdAt());
        r.insert();
    }

    public void insert(RequestedProcedure p) {
        RequestedProcedureRecord r = ctx.newRecord(REQUESTED_PROCEDURE);
        r.setId(p.id());
        r.setOrderId(p.orderId());
        r.setExamTypeId(p.examTypeId());
        r.setProcedureId(p.procedureId());
        r.setDescription(p.description());
        r.insert();
    }

    public void insert(ScheduledProcedureStep s) {
        ScheduledProcedureStepRecord r = ctx.newRecord(SCHEDULED_PROCEDURE_STEP);
        r.setId(s.id());
        r.setRequestedProcedureId(s.requestedProcedureId());
        r.setStepId(s.stepId());
        r.setStudyInstanceUid(s.studyInstanceUid());
        r.setModality(s.modality().name());
        r.setRoomId(s.roomId());
        r.setStationAeTitle(s.stationAeTitle());
        r.setScheduledStart(s.scheduledStart());
        r.setPerformingPhysician(s.performingPhysician());
        r.setDescription(s.description());
        r.setStatus(s.status().name());
        r.setUpdatedAt(s.updatedAt());
        r.insert();
    }

    public Optional<ImagingOrder> findOrder(UUID id) {
        return ctx.selectFrom(IMAGING_ORDER).where(IMAGING_ORDER.ID.eq(id)).fetchOptional(OrderRepository::toOrder);
    }

    public Optional<ImagingOrder> findByAccessionNumber(String accessionNumber) {
        return ctx.selectFrom(IMAGING_ORDER).where(IMAGING_ORDER.ACCESSION_NUMBER.eq(accessionNumber))
                .fetchOptional(OrderRepository::toOrder);
    }

    public Optional<ImagingOrder> findByAppointment(UUID appointmentId) {
        return ctx.selectFrom(IMAGING_ORDER).where(IMAGING_ORDER.APPOINTMENT_ID.eq(appointmentId))
                .fetchOptional(OrderRepository::toOrder);
    }

    public List<ImagingOrder> findByPatient(UUID patientId) {
        return ctx.selectFrom(IMAGING_ORDER).where(IMAGING_ORDER.PATIENT_ID.eq(patientId))
                .orderBy(IMAGING_ORDER.CREATED_AT.desc()).fetch(OrderRepository::toOrder);
    }

    public List<RequestedProcedure> proceduresOf(UUID orderId) {
        return ctx.selectFrom(REQUESTED_PROCEDURE).where(REQUESTED_PROCEDURE.ORDER_ID.eq(orderId))
                .orderBy(REQUESTED_PROCEDURE.PROCEDURE_ID).fetch(OrderRepository::toProcedure);
    }

    public List<ScheduledProcedureStep> stepsOfOrder(UUID orderId) {
        return ctx.select(SCHEDULED_PROCEDURE_STEP.fields()).from(SCHEDULED_PROCEDURE_STEP)
                .join(REQUESTED_PROCEDURE).on(REQUESTED_PROCEDURE.ID.eq(SCHEDULED_PROCEDURE_STEP.REQUESTED_PROCEDURE_ID))
                .where(REQUESTED_PROCEDURE.ORDER_ID.eq(orderId))
                .orderBy(SCHEDULED_PROCEDURE_STEP.SCHEDULED_START)
                .fetchInto(SCHEDULED_PROCEDURE_STEP).map(OrderRepository::toStep);
    }

    public Optional<ImagingOrder> findOrderOfStep(UUID stepId) {
        return ctx.select(IMAGING_ORDER.fields()).from(IMAGING_ORDER)
                .join(REQUESTED_PROCEDURE).on(REQUESTED_PROCEDURE.ORDER_ID.eq(IMAGING_ORDER.ID))
                .join(SCHEDULED_PROCEDURE_STEP).on(SCHEDULED_PROCEDURE_STEP.REQUESTED_PROCEDURE_ID.eq(REQUESTED_PROCEDURE.ID))
                .where(SCHEDULED_PROCEDURE_STEP.ID.eq(stepId))
                .fetchOptionalInto(IMAGING_ORDER).map(OrderRepository::toOrder);
    }

    public Optional<ScheduledProcedureStep> findStep(UUID id) {
        return ctx.selectFrom(SCHEDULED_PROCEDURE_STEP).where(SCHEDULED_PROCEDURE_STEP.ID.eq(id))
                .fetchOptional(OrderRepository::toStep);
    }

    /** The step, its row locked until the end of the transaction (status changes are serialised). */
    public Optional<ScheduledProcedureStep> lockStep(UUID id) {
        return ctx.selectFrom(SCHEDULED_PROCEDURE_STEP).where(SCHEDULED_PROCEDURE_STEP.ID.eq(id)).forUpdate()
                .fetchOptional(OrderRepository::toStep);
    }

    public void updateStepStatus(UUID stepId, StepStatus status, Instant now) {
        ctx.update(SCHEDULED_PROCEDURE_STEP)
                .set(SCHEDULED_PROCEDURE_STEP.STATUS, status.name())
                .set(SCHEDULED_PROCEDURE_STEP.UPDATED_AT, now)
                .where(SCHEDULED_PROCEDURE_STEP.ID.eq(stepId))
                .execute();
    }

    public void rescheduleStep(UUID stepId, Instant start, UUID roomId, String stationAeTitle, Instant now) {
        ctx.update(SCHEDULED_PROCEDURE_STEP)
                .set(SCHEDULED_PROCEDURE_STEP.SCHEDULED_START, start)
                .set(SCHEDULED_PROCEDURE_STEP.ROOM_ID, roomId)
                .set(SCHEDULED_PROCEDURE_STEP.STATION_AE_TITLE, stationAeTitle)
                .set(SCHEDULED_PROCEDURE_STEP.UPDATED_AT, now)
                .where(SCHEDULED_PROCEDURE_STEP.ID.eq(stepId))
                .execute();
    }

    static ImagingOrder toOrder(ImagingOrderRecord r) {
        return new ImagingOrder(r.getId(), r.getPatientId(), r.getCareEpisodeId(), r.getAppointmentId(),
                r.getAccessionNumber(), r.getPlacerOrderNumber(), r.getReferringPhysicianName(),
                r.getReferringPhysicianRpps(), r.getClinicalIndication(), r.getCreatedAt());
    }

    static RequestedProcedure toProcedure(RequestedProcedureRecord r) {
        return new RequestedProcedure(r.getId(), r.getOrderId(), r.getExamTypeId(), r.getProcedureId(), r.getDescription());
    }

    public static ScheduledProcedureStep toStep(ScheduledProcedureStepRecord r) {
        return new ScheduledProcedureStep(r.getId(), r.getRequestedProcedureId(), r.getStepId(), r.getStudyInstanceUid(),
                Modality.valueOf(r.getModality()), r.getRoomId(), r.getStationAeTitle(), r.getScheduledStart(),
                r.getPerformingPhysician(), r.getDescription(), StepStatus.valueOf(r.getStatus()), r.getUpdatedAt());
    }
}
