package fr.opaline.worklist.mwl;

import static fr.opaline.core.persistence.generated.Tables.IMAGING_ORDER;
import static fr.opaline.core.persistence.generated.Tables.PATIENT;
import static fr.opaline.core.persistence.generated.Tables.REQUESTED_PROCEDURE;
import static fr.opaline.core.persistence.generated.Tables.SCHEDULED_PROCEDURE_STEP;

import fr.opaline.core.catalogue.CatalogueRepository;
import fr.opaline.core.catalogue.ExamType;
import fr.opaline.core.catalogue.Modality;
import fr.opaline.core.catalogue.Room;
import fr.opaline.core.order.StepStatus;
import fr.opaline.core.patient.IdentityStatus;
import fr.opaline.core.patient.InsNumber;
import fr.opaline.core.patient.Sex;
import fr.opaline.core.persistence.Database;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.jooq.Condition;
import org.jooq.Cursor;
import org.jooq.DSLContext;
import org.jooq.Record;

/**
 * Reads the worklist from core: steps scheduled or arrived, joined to their procedure, order
 * and patient (room and exam from the catalogue), narrowed by a {@link WorklistFilter}, in
 * scheduled order. Rows are streamed
 * through a cursor so a broad query does not load the whole worklist at once.
 */
public final class WorklistRepository {

    private final Database database;
    private final ZoneId zone;

    public WorklistRepository(Database database, ZoneId zone) {
        this.database = database;
        this.zone = zone;
    }

    /**
     * Hands the candidate items to {@code visitor} in scheduled order until it returns false.
     */
    public void forEach(WorklistFilter filter, Predicate<WorklistItem> visitor) {
        DSLContext ctx = database.dsl();
        Map<UUID, Room> rooms = new HashMap<>();
        new CatalogueRepository(ctx).rooms().forEach(r -> rooms.put(r.id(), r));
        Map<UUID, ExamType> exams = new HashMap<>();
        new CatalogueRepository(ctx).examTypes().forEach(e -> exams.put(e.id(), e));
        // Four tables only: H2 plans joins by trying every order, and rooms and exams are a handful of rows.
        try (Cursor<Record> cursor = ctx
                .select(SCHEDULED_PROCEDURE_STEP.ID, SCHEDULED_PROCEDURE_STEP.STEP_ID,
                        SCHEDULED_PROCEDURE_STEP.STUDY_INSTANCE_UID, SCHEDULED_PROCEDURE_STEP.MODALITY,
                        SCHEDULED_PROCEDURE_STEP.ROOM_ID, SCHEDULED_PROCEDURE_STEP.STATION_AE_TITLE,
                        SCHEDULED_PROCEDURE_STEP.SCHEDULED_START, SCHEDULED_PROCEDURE_STEP.PERFORMING_PHYSICIAN,
                        SCHEDULED_PROCEDURE_STEP.DESCRIPTION, SCHEDULED_PROCEDURE_STEP.STATUS,
                        REQUESTED_PROCEDURE.PROCEDURE_ID, REQUESTED_PROCEDURE.DESCRIPTION, REQUESTED_PROCEDURE.EXAM_TYPE_ID,
                        IMAGING_ORDER.ACCESSION_NUMBER, IMAGING_ORDER.PLACER_ORDER_NUMBER,
                        IMAGING_ORDER.REFERRING_PHYSICIAN_NAME, IMAGING_ORDER.CLINICAL_INDICATION,
                        PATIENT.ID, PATIENT.IPP, PATIENT.IPP_ISSUER, PATIENT.BIRTH_NAME, PATIENT.FIRST_BIRTH_FIRST_NAME,
                        PATIENT.USED_NAME, PATIENT.USED_FIRST_NAME, PATIENT.BIRTH_DATE, PATIENT.SEX,
                        PATIENT.INS_MATRICULE, PATIENT.INS_OID, PATIENT.IDENTITY_STATUS)
                .from(SCHEDULED_PROCEDURE_STEP)
                .join(REQUESTED_PROCEDURE).on(REQUESTED_PROCEDURE.ID.eq(SCHEDULED_PROCEDURE_STEP.REQUESTED_PROCEDURE_ID))
                .join(IMAGING_ORDER).on(IMAGING_ORDER.ID.eq(REQUESTED_PROCEDURE.ORDER_ID))
                .join(PATIENT).on(PATIENT.ID.eq(IMAGING_ORDER.PATIENT_ID))
                .where(conditions(filter))
                .orderBy(SCHEDULED_PROCEDURE_STEP.SCHEDULED_START, SCHEDULED_PROCEDURE_STEP.STEP_ID)
                .fetchSize(500)
                .fetchLazy()) {
            while (cursor.hasNext()) {
                Record r = cursor.fetchNext();
                if (!visitor.test(toItem(r, rooms.get(r.get(SCHEDULED_PROCEDURE_STEP.ROOM_ID)),
                        exams.get(r.get(REQUESTED_PROCEDURE.EXAM_TYPE_ID))))) {
                    return;
                }
            }
        }
    }

    private List<Condition> conditions(WorklistFilter f) {
        List<Condition> where = new ArrayList<>();
        where.add(SCHEDULED_PROCEDURE_STEP.STATUS.in(
                f.statuses().stream().filter(StepStatus.ON_WORKLIST::contains).map(Enum::name).toList()));
        if (f.fromDate() != null) {
            where.add(SCHEDULED_PROCEDURE_STEP.SCHEDULED_START.ge(f.fromDate().atStartOfDay(zone).toInstant()));
        }
        if (f.toDate() != null) {
            where.add(SCHEDULED_PROCEDURE_STEP.SCHEDULED_START.lt(f.toDate().plusDays(1).atStartOfDay(zone).toInstant()));
        }
        if (!f.modalities().isEmpty()) {
            where.add(SCHEDULED_PROCEDURE_STEP.MODALITY.in(f.modalities()));
        }
        if (!f.stationAeTitles().isEmpty()) {
            where.add(SCHEDULED_PROCEDURE_STEP.STATION_AE_TITLE.in(f.stationAeTitles()));
        }
        if (f.accessionNumber() != null) {
            where.add(IMAGING_ORDER.ACCESSION_NUMBER.eq(f.accessionNumber()));
        }
        if (f.patientId() != null) {
            where.add(PATIENT.IPP.eq(f.patientId()));
        }
        if (f.birthNamePrefix() != null && !f.birthNamePrefix().isEmpty()) {
            where.add(PATIENT.SEARCH_BIRTH_NAME.like(escapeLike(f.birthNamePrefix()) + "%", '!'));
        }
        if (!f.studyInstanceUids().isEmpty()) {
            where.add(SCHEDULED_PROCEDURE_STEP.STUDY_INSTANCE_UID.in(f.studyInstanceUids()));
        }
        if (f.stepId() != null) {
            where.add(SCHEDULED_PROCEDURE_STEP.STEP_ID.eq(f.stepId()));
        }
        if (f.requestedProcedureId() != null) {
            where.add(REQUESTED_PROCEDURE.PROCEDURE_ID.eq(f.requestedProcedureId()));
        }
        return where;
    }

    static String escapeLike(String s) {
        return s.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }

    private static WorklistItem toItem(Record r, Room room, ExamType exam) {
        String matricule = r.get(PATIENT.INS_MATRICULE);
        String insOid = r.get(PATIENT.INS_OID);
        WorklistItem.Identity identity = new WorklistItem.Identity(r.get(PATIENT.ID), r.get(PATIENT.IPP),
                r.get(PATIENT.IPP_ISSUER), r.get(PATIENT.BIRTH_NAME), r.get(PATIENT.FIRST_BIRTH_FIRST_NAME),
                r.get(PATIENT.USED_NAME), r.get(PATIENT.USED_FIRST_NAME), r.get(PATIENT.BIRTH_DATE),
                Sex.valueOf(r.get(PATIENT.SEX)),
                matricule == null || insOid == null ? null : new InsNumber(matricule, insOid),
                IdentityStatus.valueOf(r.get(PATIENT.IDENTITY_STATUS)));
        WorklistItem.Request request = new WorklistItem.Request(r.get(IMAGING_ORDER.ACCESSION_NUMBER),
                r.get(IMAGING_ORDER.PLACER_ORDER_NUMBER), r.get(IMAGING_ORDER.REFERRING_PHYSICIAN_NAME),
                r.get(IMAGING_ORDER.CLINICAL_INDICATION), r.get(REQUESTED_PROCEDURE.PROCEDURE_ID),
                r.get(REQUESTED_PROCEDURE.DESCRIPTION), exam.code(), exam.label());
        Instant start = r.get(SCHEDULED_PROCEDURE_STEP.SCHEDULED_START);
        WorklistItem.Step step = new WorklistItem.Step(r.get(SCHEDULED_PROCEDURE_STEP.ID),
                r.get(SCHEDULED_PROCEDURE_STEP.STEP_ID), r.get(SCHEDULED_PROCEDURE_STEP.STUDY_INSTANCE_UID),
                Modality.valueOf(r.get(SCHEDULED_PROCEDURE_STEP.MODALITY)), r.get(SCHEDULED_PROCEDURE_STEP.STATION_AE_TITLE),
                room.stationName(), room.name(), start, start.plus(Duration.ofMinutes(exam.durationMinutes())),
                r.get(SCHEDULED_PROCEDURE_STEP.PERFORMING_PHYSICIAN),
                r.get(SCHEDULED_PROCEDURE_STEP.DESCRIPTION), StepStatus.valueOf(r.get(SCHEDULED_PROCEDURE_STEP.STATUS)));
        return new WorklistItem(identity, request, step);
    }
}
