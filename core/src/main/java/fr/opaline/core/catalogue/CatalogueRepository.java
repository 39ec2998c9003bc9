package fr.opaline.core.catalogue;

import static fr.opaline.core.persistence.generated.Tables.CCAM_ACT;
import static fr.opaline.core.persistence.generated.Tables.EXAM_TYPE;
import static fr.opaline.core.persistence.generated.Tables.ROOM;

import fr.opaline.core.persistence.generated.tables.records.ExamTypeRecord;
import fr.opaline.core.persistence.generated.tables.records.RoomRecord;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;

/** Rooms and the exam catalogue. */
public final class CatalogueRepository {

    private final DSLContext ctx;

    public CatalogueRepository(DSLContext ctx) {
        this.ctx = ctx;
    }

    public void insertRoom(Room room) {
        RoomRecord r = ctx.newRecord(ROOM);
        r.setId(room.id());
        r.setCode(room.code());
        r.setName(room.name());
        r.setModality(room.modality().name());
        r.setStationAeTitle(room.stationAeTitle());
        r.setStationName(room.stationName());
        r.setActive(room.active());
        r.insert();
    }

    public void insertExamType(ExamType exam) {
        ExamTypeRecord r = ctx.newRecord(EXAM_TYPE);
        r.setId(exam.id());
        r.setCode(exam.code());
        r.setLabel(exam.label());
        r.setModality(exam.modality().name());
        r.setAnatomicalRegionCode(exam.anatomicalRegionCode());
        r.setAnatomicalRegionLabel(exam.anatomicalRegionLabel());
        r.setCcamCode(exam.ccamCode());
        r.setDurationMinutes(exam.durationMinutes());
        r.setActive(exam.active());
        r.insert();
    }

    /** Name, station AE title and station name; the code and modality stay (past steps carry them). */
    public void updateRoom(Room room) {
        ctx.update(ROOM).set(ROOM.NAME, room.name()).set(ROOM.STATION_AE_TITLE, room.stationAeTitle())
                .set(ROOM.STATION_NAME, room.stationName()).set(ROOM.ACTIVE, room.active())
                .where(ROOM.ID.eq(room.id())).execute();
    }

    /** Label, duration and CCAM code; the code and modality stay. */
    public void updateExamType(ExamType exam) {
        ctx.update(EXAM_TYPE).set(EXAM_TYPE.LABEL, exam.label()).set(EXAM_TYPE.DURATION_MINUTES, exam.durationMinutes())
                .set(EXAM_TYPE.CCAM_CODE, exam.ccamCode()).set(EXAM_TYPE.ACTIVE, exam.active())
                .where(EXAM_TYPE.ID.eq(exam.id())).execute();
    }

    public List<Room> rooms() {
        return ctx.selectFrom(ROOM).orderBy(ROOM.CODE).fetch(CatalogueRepository::toRoom);
    }

    public Optional<Room> room(UUID id) {
        return ctx.selectFrom(ROOM).where(ROOM.ID.eq(id)).fetchOptional(CatalogueRepository::toRoom);
    }

    public Optional<Room> roomByCode(String code) {
        return ctx.selectFrom(ROOM).where(ROOM.CODE.eq(code)).fetchOptional(CatalogueRepository::toRoom);
    }

    /** Locks the room row until the end of the transaction: bookings in one room are serialised. */
    public Optional<Room> lockRoom(UUID id) {
        return ctx.selectFrom(ROOM).where(ROOM.ID.eq(id)).forUpdate().fetchOptional(CatalogueRepository::toRoom);
    }

    public List<ExamType> examTypes() {
        return ctx.selectFrom(EXAM_TYPE).orderBy(EXAM_TYPE.MODALITY, EXAM_TYPE.LABEL).fetch(CatalogueRepository::toExamType);
    }

    public List<ExamType> examTypes(Modality modality) {
        return ctx.selectFrom(EXAM_TYPE).where(EXAM_TYPE.MODALITY.eq(modality.name()))
                .orderBy(EXAM_TYPE.LABEL).fetch(CatalogueRepository::toExamType);
    }

    public Optional<ExamType> examType(UUID id) {
        return ctx.selectFrom(EXAM_TYPE).where(EXAM_TYPE.ID.eq(id)).fetchOptional(CatalogueRepository::toExamType);
    }

    public Optional<ExamType> examTypeByCode(String code) {
        return ctx.selectFrom(EXAM_TYPE).where(EXAM_TYPE.CODE.eq(code)).fetchOptional(CatalogueRepository::toExamType);
    }

    /** The imported CCAM acts, by code. */
    public List<CcamAct> ccamActs() {
        return ctx.selectFrom(CCAM_ACT).orderBy(CCAM_ACT.CODE).fetch(r -> new CcamAct(r.getCode(), r.getLabel()));
    }

    /** Adds the act or replaces its label; true when it was new. */
    public boolean saveCcamAct(CcamAct act) {
        int updated = ctx.update(CCAM_ACT).set(CCAM_ACT.LABEL, act.label()).where(CCAM_ACT.CODE.eq(act.code())).execute();
        if (updated == 0) {
            ctx.insertInto(CCAM_ACT, CCAM_ACT.CODE, CCAM_ACT.LABEL).values(act.code(), act.label()).execute();
            return true;
        }
        return false;
    }

    static Room toRoom(RoomRecord r) {
        return new Room(r.getId(), r.getCode(), r.getName(), Modality.valueOf(r.getModality()), r.getStationAeTitle(),
                r.getStationName(), r.getActive());
    }

    static ExamType toExamType(ExamTypeRecord r) {
        return new ExamType(r.getId(), r.getCode(), r.getLabel(), Modality.valueOf(r.getModality()),
                r.getAnatomicalRegionCode(), r.getAnatomicalRegionLabel(), r.getCcamCode(), r.getDurationMinutes(),
                r.getActive());
    }
}
