package fr.opaline.core.catalogue;

import fr.opaline.core.audit.AuditAction;
import fr.opaline.core.audit.AuditEntry;
import fr.opaline.core.audit.AuditTrail;
import fr.opaline.core.common.Actor;
import fr.opaline.core.common.BusinessRuleException;
import fr.opaline.core.common.IdGenerator;
import fr.opaline.core.persistence.Database;
import fr.opaline.core.user.AccountAdministration;
import java.util.List;
import java.util.Objects;

/**
 * The practice's rooms and exam catalogue as the administrators change them, from the desktop or
 * the command line: the fields are checked (refusals in French), codes are unique, only an
 * administrator (or the system) may change them, and every change is audited in its transaction.
 */
public final class CatalogueService {

    public static final int MIN_EXAM_MINUTES = 5;
    public static final int MAX_EXAM_MINUTES = 480;

    private final Database database;
    private final AuditTrail audit;
    private final IdGenerator ids;

    public CatalogueService(Database database, AuditTrail audit, IdGenerator ids) {
        this.database = Objects.requireNonNull(database, "database");
        this.audit = Objects.requireNonNull(audit, "audit");
        this.ids = Objects.requireNonNull(ids, "ids");
    }

    public List<Room> rooms() {
        return database.inSnapshot(ctx -> new CatalogueRepository(ctx).rooms());
    }

    public List<ExamType> examTypes() {
        return database.inSnapshot(ctx -> new CatalogueRepository(ctx).examTypes());
    }

    /** A new room, audited in the same transaction; the code is unique. */
    public Room addRoom(Actor by, String code, String name, Modality modality, String aeTitle, String stationName) {
        String c = required(code, "Le code de la salle est obligatoire.");
        String n = required(name, "Le nom de la salle est obligatoire.");
        String ae = stationAeTitle(required(aeTitle, "Le titre AE de la modalité est obligatoire."));
        if (modality == null) {
            throw new BusinessRuleException("Choisissez la modalité de la salle.");
        }
        if (c.length() > 20 || n.length() > 100) {
            throw new BusinessRuleException("Code (20 caractères au plus) ou nom (100 au plus) trop long.");
        }
        return database.inTransaction(ctx -> {
            AccountAdministration.requireAdministrator(ctx, by);
            CatalogueRepository catalogue = new CatalogueRepository(ctx);
            if (catalogue.roomByCode(c).isPresent()) {
                throw new BusinessRuleException("Une salle « " + c + " » existe déjà.");
            }
            Room room = new Room(ids.newId(), c, n, modality, ae, blankToNull(stationName), true);
            catalogue.insertRoom(room);
            audit.record(ctx, AuditEntry.of(by, AuditAction.CATALOGUE_CHANGED, null).on("room", room.id())
                    .withDetail("salle ajoutée : " + c + " " + n + " (" + modality + ", AE " + ae + ")"));
            return room;
        });
    }

    /** A new exam of the catalogue, audited in the same transaction; the code is unique. */
    public ExamType addExamType(Actor by, String code, String label, Modality modality, int durationMinutes,
                                String ccamCode) {
        String c = required(code, "Le code de l'examen est obligatoire.");
        String l = required(label, "Le libellé de l'examen est obligatoire.");
        if (modality == null) {
            throw new BusinessRuleException("Choisissez la modalité de l'examen.");
        }
        if (durationMinutes < MIN_EXAM_MINUTES || durationMinutes > MAX_EXAM_MINUTES) {
            throw new BusinessRuleException("La durée d'un examen va de " + MIN_EXAM_MINUTES + " à " + MAX_EXAM_MINUTES
                    + " minutes.");
        }
        String ccam = CcamCode.checkOptional(ccamCode);
        if (c.length() > 20 || l.length() > 200) {
            throw new BusinessRuleException("Code (20 caractères au plus) ou libellé (200) trop long.");
        }
        return database.inTransaction(ctx -> {
            AccountAdministration.requireAdministrator(ctx, by);
            CatalogueRepository catalogue = new CatalogueRepository(ctx);
            if (catalogue.examTypeByCode(c).isPresent()) {
                throw new BusinessRuleException("Un examen « " + c + " » existe déjà.");
            }
            ExamType exam = new ExamType(ids.newId(), c, l, modality, null, null, ccam, durationMinutes, true);
            catalogue.insertExamType(exam);
            audit.record(ctx, AuditEntry.of(by, AuditAction.CATALOGUE_CHANGED, null).on("exam_type", exam.id())
                    .withDetail("examen ajouté : " + c + " " + l + " (" + modality + ", " + durationMinutes + " min)"));
            return exam;
        });
    }

    /**
     * Changes a room's name, station AE title and station name, audited with what changed. Its code
     * and modality stay: the appointments and worklist steps already made carry them.
     */
    public Room updateRoom(Actor by, java.util.UUID roomId, String name, String aeTitle, String stationName) {
        String n = required(name, "Le nom de la salle est obligatoire.");
        String ae = stationAeTitle(required(aeTitle, "Le titre AE de la modalité est obligatoire."));
        if (n.length() > 100) {
            throw new BusinessRuleException("Nom de la salle trop long (100 caractères au plus).");
        }
        return database.inTransaction(ctx -> {
            AccountAdministration.requireAdministrator(ctx, by);
            CatalogueRepository catalogue = new CatalogueRepository(ctx);
            Room before = catalogue.lockRoom(roomId).orElseThrow(() -> new BusinessRuleException("Salle introuvable."));
            Room after = new Room(before.id(), before.code(), n, before.modality(), ae, blankToNull(stationName),
                    before.active());
            List<String> changes = new java.util.ArrayList<>();
            diff(changes, "nom", before.name(), after.name());
            diff(changes, "AE", before.stationAeTitle(), after.stationAeTitle());
            diff(changes, "poste", before.stationName(), after.stationName());
            if (!changes.isEmpty()) {
                catalogue.updateRoom(after);
                audit.record(ctx, AuditEntry.of(by, AuditAction.CATALOGUE_CHANGED, null).on("room", roomId)
                        .withDetail("salle modifiée : " + before.code() + " : " + String.join(" ; ", changes)));
            }
            return after;
        });
    }

    /**
     * Deactivates or reactivates a room: a deactivated room stays on the appointments already made
     * (nothing is deleted) but is offered for no new booking (the booking service refuses it).
     */
    public Room setRoomActive(Actor by, java.util.UUID roomId, boolean active) {
        return database.inTransaction(ctx -> {
            AccountAdministration.requireAdministrator(ctx, by);
            CatalogueRepository catalogue = new CatalogueRepository(ctx);
            Room before = catalogue.lockRoom(roomId).orElseThrow(() -> new BusinessRuleException("Salle introuvable."));
            Room after = new Room(before.id(), before.code(), before.name(), before.modality(), before.stationAeTitle(),
                    before.stationName(), active);
            if (before.active() != active) {
                catalogue.updateRoom(after);
                audit.record(ctx, AuditEntry.of(by, AuditAction.CATALOGUE_CHANGED, null).on("room", roomId)
                        .withDetail("salle " + (active ? "réactivée" : "désactivée") + " : " + before.code()));
            }
            return after;
        });
    }

    /** Changes an exam's label, duration and CCAM code, audited with what changed; code and modality stay. */
    public ExamType updateExamType(Actor by, java.util.UUID examTypeId, String label, int durationMinutes,
                                   String ccamCode) {
        String l = required(label, "Le libellé de l'examen est obligatoire.");
        if (durationMinutes < MIN_EXAM_MINUTES || durationMinutes > MAX_EXAM_MINUTES) {
            throw new BusinessRuleException("La durée d'un examen va de " + MIN_EXAM_MINUTES + " à " + MAX_EXAM_MINUTES
                    + " minutes.");
        }
        String ccam = CcamCode.checkOptional(ccamCode);
        if (l.length() > 200) {
            throw new BusinessRuleException("Libellé trop long (200 caractères au plus).");
        }
        return database.inTransaction(ctx -> {
            AccountAdministration.requireAdministrator(ctx, by);
            CatalogueRepository catalogue = new CatalogueRepository(ctx);
            ExamType before = catalogue.examType(examTypeId)
                    .orElseThrow(() -> new BusinessRuleException("Examen introuvable dans le catalogue."));
            ExamType after = new ExamType(before.id(), before.code(), l, before.modality(), before.anatomicalRegionCode(),
                    before.anatomicalRegionLabel(), ccam, durationMinutes, before.active());
            List<String> changes = new java.util.ArrayList<>();
            diff(changes, "libellé", before.label(), after.label());
            diff(changes, "durée", before.durationMinutes() + " min", after.durationMinutes() + " min");
            diff(changes, "CCAM", before.ccamCode(), after.ccamCode());
            if (!changes.isEmpty()) {
                catalogue.updateExamType(after);
                audit.record(ctx, AuditEntry.of(by, AuditAction.CATALOGUE_CHANGED, null).on("exam_type", examTypeId)
                        .withDetail("examen modifié : " + before.code() + " : " + String.join(" ; ", changes)));
            }
            return after;
        });
    }

    /**
     * Deactivates or reactivates an exam: it stays on the appointments already made and is offered
     * for no new booking (the booking service refuses it).
     */
    public ExamType setExamTypeActive(Actor by, java.util.UUID examTypeId, boolean active) {
        return database.inTransaction(ctx -> {
            AccountAdministration.requireAdministrator(ctx, by);
            CatalogueRepository catalogue = new CatalogueRepository(ctx);
            ExamType before = catalogue.examType(examTypeId)
                    .orElseThrow(() -> new BusinessRuleException("Examen introuvable dans le catalogue."));
            ExamType after = new ExamType(before.id(), before.code(), before.label(), before.modality(),
                    before.anatomicalRegionCode(), before.anatomicalRegionLabel(), before.ccamCode(),
                    before.durationMinutes(), active);
            if (before.active() != active) {
                catalogue.updateExamType(after);
                audit.record(ctx, AuditEntry.of(by, AuditAction.CATALOGUE_CHANGED, null).on("exam_type", examTypeId)
                        .withDetail("examen " + (active ? "réactivé" : "désactivé") + " : " + before.code()));
            }
            return after;
        });
    }

    /** The CCAM acts imported so far, offered when an exam type is given its code. */
    public List<CcamAct> ccamActs() {
        return database.inSnapshot(ctx -> new CatalogueRepository(ctx).ccamActs());
    }

    /**
     * Imports a CCAM extract (see {@link CcamCsv} for the columns): every act is added or its label
     * replaced, and the exam types named in the « examen » column take that code. One transaction:
     * a wrong line, an unknown exam type or a non-administrator changes nothing.
     */
    public CcamImport importCcam(Actor by, byte[] csv) {
        List<CcamCsv.Row> rows = CcamCsv.parse(csv);
        return database.inTransaction(ctx -> {
            AccountAdministration.requireAdministrator(ctx, by);
            CatalogueRepository catalogue = new CatalogueRepository(ctx);
            java.util.Map<String, ExamType> mapped = new java.util.LinkedHashMap<>();
            for (CcamCsv.Row row : rows) {
                if (row.examCode() == null) {
                    continue;
                }
                ExamType exam = catalogue.examTypeByCode(row.examCode()).orElseThrow(() -> new BusinessRuleException(
                        "Ligne " + row.line() + " : l'examen « " + fr.opaline.core.common.LogSafe.text(row.examCode())
                                + " » n'existe pas dans le catalogue."));
                ExamType already = mapped.get(exam.code());
                if (already != null && !already.ccamCode().equals(row.code())) {
                    throw new BusinessRuleException("Ligne " + row.line() + " : l'examen « " + exam.code()
                            + " » reçoit déjà le code " + already.ccamCode() + " plus haut dans le fichier.");
                }
                mapped.put(exam.code(), new ExamType(exam.id(), exam.code(), exam.label(), exam.modality(),
                        exam.anatomicalRegionCode(), exam.anatomicalRegionLabel(), row.code(), exam.durationMinutes(),
                        exam.active()));
            }
            java.util.Set<String> seen = new java.util.HashSet<>();
            int added = 0;
            for (CcamCsv.Row row : rows) {
                if (seen.add(row.code()) && catalogue.saveCcamAct(new CcamAct(row.code(), row.label()))) {
                    added++;
                }
            }
            List<String> changes = new java.util.ArrayList<>();
            for (ExamType after : mapped.values()) {
                ExamType before = catalogue.examTypeByCode(after.code()).orElseThrow();
                if (!java.util.Objects.equals(before.ccamCode(), after.ccamCode())) {
                    catalogue.updateExamType(after);
                    changes.add(after.code() + " → " + after.ccamCode());
                    audit.record(ctx, AuditEntry.of(by, AuditAction.CATALOGUE_CHANGED, null).on("exam_type", after.id())
                            .withDetail("examen modifié : " + after.code() + " : CCAM : "
                                    + (before.ccamCode() == null ? "—" : before.ccamCode()) + " → " + after.ccamCode()));
                }
            }
            audit.record(ctx, AuditEntry.of(by, AuditAction.CATALOGUE_CHANGED, null)
                    .withDetail("import CCAM : " + seen.size() + " actes (" + added + " nouveaux), "
                            + changes.size() + " examen(s) associé(s)"));
            return new CcamImport(seen.size(), added, changes);
        });
    }

    private static void diff(List<String> changes, String what, String before, String after) {
        if (!java.util.Objects.equals(before, after)) {
            changes.add(what + " : " + (before == null ? "—" : before) + " → " + (after == null ? "—" : after));
        }
    }

    private static String required(String value, String refusal) {
        String v = blankToNull(value);
        if (v == null) {
            throw new BusinessRuleException(refusal);
        }
        return v;
    }

    /** The room's station AE title by the one {@link AeTitle} rule, its refusal shown as is. */
    private static String stationAeTitle(String value) {
        try {
            return AeTitle.check(value);
        } catch (IllegalArgumentException e) {
            throw new BusinessRuleException(e.getMessage());
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
