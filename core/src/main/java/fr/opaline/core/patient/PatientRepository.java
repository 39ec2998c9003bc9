package fr.opaline.core.patient;

import static fr.opaline.core.persistence.generated.Tables.PATIENT;

import fr.opaline.core.common.BusinessRuleException;
import fr.opaline.core.common.SearchKeys;
import fr.opaline.core.persistence.generated.tables.records.PatientRecord;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

public final class PatientRepository {

    private final DSLContext ctx;

    public PatientRepository(DSLContext ctx) {
        this.ctx = ctx;
    }

    public void insert(Patient patient) {
        ctx.executeInsert(toRecord(patient));
    }

    /** Inserts many patients in JDBC batches (seeding, imports). */
    public void insertAll(Collection<Patient> patients) {
        List<PatientRecord> records = new ArrayList<>(patients.size());
        for (Patient p : patients) {
            records.add(toRecord(p));
        }
        ctx.batchInsert(records).execute();
    }

    /**
     * Writes the patient if nobody changed it since it was read (row version), and returns it with
     * the new version. A concurrent change is refused with a message for the user.
     */
    public Patient update(Patient patient, java.time.Instant now) {
        PatientRecord record = toRecord(patient);
        record.setUpdatedAt(now);
        record.setRowVersion(patient.rowVersion() + 1);
        record.changed(PATIENT.ID, false);
        record.changed(PATIENT.CREATED_AT, false);
        int updated = ctx.update(PATIENT)
                .set(record)
                .where(PATIENT.ID.eq(patient.id()).and(PATIENT.ROW_VERSION.eq(patient.rowVersion())))
                .execute();
        if (updated != 1) {
            throw new BusinessRuleException(
                    "Le dossier du patient a été modifié entre-temps par un autre poste. Rouvrez-le puis recommencez.");
        }
        return toDomain(record);
    }

    public Optional<Patient> findById(UUID id) {
        return ctx.selectFrom(PATIENT).where(PATIENT.ID.eq(id)).fetchOptional(PatientRepository::toDomain);
    }

    /** Reads and locks the patient's row until the end of the transaction. */
    public Optional<Patient> lockById(UUID id) {
        return ctx.selectFrom(PATIENT).where(PATIENT.ID.eq(id)).forUpdate().fetchOptional(PatientRepository::toDomain);
    }

    public Optional<Patient> findByIpp(String ippIssuer, String ipp) {
        return ctx.selectFrom(PATIENT).where(PATIENT.IPP.eq(ipp).and(PATIENT.IPP_ISSUER.eq(ippIssuer)))
                .fetchOptional(PatientRepository::toDomain);
    }

    public List<Patient> findByIpp(String ipp) {
        return ctx.selectFrom(PATIENT).where(PATIENT.IPP.eq(ipp)).fetch(PatientRepository::toDomain);
    }

    public List<Patient> findByInsMatricule(String matricule) {
        return ctx.selectFrom(PATIENT).where(PATIENT.INS_MATRICULE.eq(matricule)).fetch(PatientRepository::toDomain);
    }

    /**
     * Name prefix search: one index range scan on the birth name and one on the used name, each
     * ordered and limited by the database, merged here. (A UNION inside an IN subquery makes H2
     * re-evaluate it per row: seconds per search at 100,000 patients.)
     */
    public List<Patient> search(PatientQuery query) {
        Condition filters = notMerged();
        if (!PatientQuery.blank(query.firstNamePrefix())) {
            String first = escapeLike(SearchKeys.fold(query.firstNamePrefix()));
            // First names are not folded in a column of their own: compare upper-cased traits.
            filters = filters.and(DSL.upper(PATIENT.BIRTH_FIRST_NAMES).like(first + "%", '!')
                    .or(DSL.upper(PATIENT.USED_FIRST_NAME).like(first + "%", '!')));
        }
        if (query.birthDate() != null) {
            filters = filters.and(PATIENT.BIRTH_DATE.eq(query.birthDate()));
        }
        if (!PatientQuery.blank(query.ipp())) {
            filters = filters.and(PATIENT.IPP.eq(query.ipp().trim()));
        }
        if (!PatientQuery.blank(query.insMatricule())) {
            filters = filters.and(PATIENT.INS_MATRICULE.eq(query.insMatricule().replace(" ", "")));
        }
        if (PatientQuery.blank(query.namePrefix())) {
            return ctx.selectFrom(PATIENT).where(filters)
                    .orderBy(PATIENT.SEARCH_BIRTH_NAME, PATIENT.BIRTH_DATE, PATIENT.ID)
                    .limit(query.limit())
                    .fetch(PatientRepository::toDomain);
        }
        String folded = SearchKeys.fold(query.namePrefix());
        if (folded.isEmpty()) {
            return List.of(); // only punctuation typed: no name can match
        }
        String prefix = escapeLike(folded) + "%";
        Map<UUID, Patient> found = new LinkedHashMap<>();
        for (var column : List.of(PATIENT.SEARCH_BIRTH_NAME, PATIENT.SEARCH_USED_NAME)) {
            byPrefix(column, prefix, filters, query.limit()).fetch(PatientRepository::toDomain)
                    .forEach(p -> found.putIfAbsent(p.id(), p));
        }
        return found.values().stream()
                .sorted(Comparator.comparing((Patient p) -> SearchKeys.fold(p.traits().birthName()))
                        .thenComparing(p -> p.traits().birthDate()).thenComparing(Patient::id))
                .limit(query.limit())
                .toList();
    }

    /** One name column's range scan, in index order (package-visible: its plan is tested). */
    org.jooq.SelectLimitPercentStep<PatientRecord> byPrefix(org.jooq.TableField<PatientRecord, String> column,
                                                          String likePrefix, Condition filters, int limit) {
        return ctx.selectFrom(PATIENT).where(column.like(likePrefix, '!')).and(filters)
                .orderBy(column, PATIENT.BIRTH_DATE, PATIENT.ID)
                .limit(limit);
    }

    /**
     * An identity merged into another (ADT^A40) is kept for the trace, no longer offered. Written
     * as an expression, not {@code merged_into_id is null}: H2 would answer that with the foreign
     * key's index, which holds every patient, instead of the name index (seconds per search at
     * 100,000 patients).
     */
    public static Condition notMerged() {
        return DSL.nvl2(PATIENT.MERGED_INTO_ID, DSL.inline(1), DSL.inline(0)).eq(DSL.inline(0));
    }

    public long count() {
        return ctx.fetchCount(PATIENT);
    }

    static String escapeLike(String s) {
        return s.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }

    PatientRecord toRecord(Patient p) {
        PatientRecord r = ctx.newRecord(PATIENT);
        IdentityTraits t = p.traits();
        r.setId(p.id());
        r.setIpp(p.ipp());
        r.setIppIssuer(p.ippIssuer());
        r.setBirthName(t.birthName());
        r.setBirthFirstNames(t.birthFirstNames());
        r.setFirstBirthFirstName(t.firstBirthFirstName());
        r.setBirthDate(t.birthDate());
        r.setSex(t.sex().name());
        r.setBirthplaceCode(t.birthplaceCode());
        r.setUsedName(p.usedName());
        r.setUsedFirstName(p.usedFirstName());
        r.setInsMatricule(p.ins() == null ? null : p.ins().matricule());
        r.setInsOid(p.ins() == null ? null : p.ins().oid());
        r.setIdentityStatus(p.status().name());
        r.setDoubtful(p.attributes().doubtful());
        r.setFictitious(p.attributes().fictitious());
        r.setHomonym(p.attributes().homonym());
        r.setIdentityEvidence(p.identityEvidence());
        r.setInsVerifiedAt(p.insVerifiedAt());
        r.setPhone(p.contact().phone());
        r.setEmail(p.contact().email());
        r.setAddressLine(p.contact().addressLine());
        r.setPostalCode(p.contact().postalCode());
        r.setCity(p.contact().city());
        r.setSearchBirthName(SearchKeys.fold(t.birthName()));
        r.setSearchUsedName(p.usedName() == null || p.usedName().isBlank() ? null : SearchKeys.fold(p.usedName()));
        r.setCreatedAt(p.createdAt());
        r.setUpdatedAt(p.updatedAt());
        r.setRowVersion(p.rowVersion());
        return r;
    }

    public static Patient toDomain(PatientRecord r) {
        IdentityTraits traits = new IdentityTraits(r.getBirthName(), r.getBirthFirstNames(), r.getFirstBirthFirstName(),
                r.getBirthDate(), Sex.valueOf(r.getSex()), r.getBirthplaceCode());
        InsNumber ins = r.getInsMatricule() == null ? null : new InsNumber(r.getInsMatricule(), r.getInsOid());
        return new Patient(r.getId(), r.getIpp(), r.getIppIssuer(), traits, r.getUsedName(), r.getUsedFirstName(), ins,
                IdentityStatus.valueOf(r.getIdentityStatus()),
                new IdentityAttributes(r.getDoubtful(), r.getFictitious(), r.getHomonym()), r.getIdentityEvidence(),
                r.getInsVerifiedAt(), new ContactDetails(r.getPhone(), r.getEmail(), r.getAddressLine(),
                r.getPostalCode(), r.getCity()), r.getCreatedAt(), r.getUpdatedAt(), r.getRowVersion());
    }
}
