package fr.opaline.ins.status;

import static fr.opaline.core.persistence.generated.Tables.IDENTITY_STATUS_CHANGE;
import static fr.opaline.core.persistence.generated.Tables.PATIENT;

import fr.opaline.core.audit.AuditEntry;
import fr.opaline.core.audit.AuditTrail;
import fr.opaline.core.common.Actor;
import fr.opaline.core.common.BusinessRuleException;
import fr.opaline.core.common.IdGenerator;
import fr.opaline.core.common.NotFoundException;
import fr.opaline.core.patient.IdentityAttributes;
import fr.opaline.core.patient.IdentityStatus;
import fr.opaline.core.patient.IdentityTraits;
import fr.opaline.core.patient.InsNumber;
import fr.opaline.core.patient.Patient;
import fr.opaline.core.patient.PatientRepository;
import fr.opaline.core.patient.PatientService;
import fr.opaline.core.persistence.Database;
import fr.opaline.core.practice.PracticeSettings;
import fr.opaline.ins.matricule.MatriculeRules;
import fr.opaline.ins.traits.InsText;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.jooq.DSLContext;

/**
 * Moves identities between RNIV statuses. Every change goes through {@link IdentityStatusRules},
 * is written with its reason in the status history and in the audit trail, in the transaction
 * of the change itself.
 */
public final class IdentityStatusService {

    public static final String AUDIT_STATUS_CHANGED = "IDENTITY_STATUS_CHANGED";
    /** Practice setting: INS from the appli carte Vitale of an ayant droit gives a qualifiée identity. */
    public static final String SETTING_APCV_AYANT_DROIT_QUALIFIE = "ins.apcvAyantDroitQualifie";

    private final Database database;
    private final PatientService patients;
    private final AuditTrail audit;
    private final IdGenerator ids;
    private final Clock clock;
    private final PracticeSettings settings;

    public IdentityStatusService(Database database, PatientService patients, AuditTrail audit, IdGenerator ids,
                                 Clock clock, PracticeSettings settings) {
        this.database = database;
        this.patients = patients;
        this.audit = audit;
        this.ids = ids;
        this.clock = clock;
        this.settings = settings;
    }

    /** The identity as the status engine sees it, after one change. */
    record Identity(IdentityTraits traits, InsNumber ins, IdentityFacts facts, Instant insVerifiedAt) {
    }

    @FunctionalInterface
    interface Change {
        Identity apply(Identity current);
    }

    public boolean apcvAyantDroitQualifies() {
        return settings.get(SETTING_APCV_AYANT_DROIT_QUALIFIE).map(Boolean::parseBoolean).orElse(false);
    }

    /** The user checked the patient's identity on a high-trust device ("IV +"). */
    public Patient recordIdentityCheck(UUID patientId, IdentityEvidence evidence, String reason, Actor actor) {
        return database.inTransaction(ctx -> recordIdentityCheck(ctx, patientId, evidence, reason, actor));
    }

    public Patient recordIdentityCheck(DSLContext ctx, UUID patientId, IdentityEvidence evidence, String reason,
                                       Actor actor) {
        Objects.requireNonNull(evidence, "evidence");
        return change(ctx, patientId,
                id -> new Identity(id.traits(), id.ins(), id.facts().withEvidence(evidence), id.insVerifiedAt()),
                reason, actor);
    }

    /** The high-trust check is withdrawn (entered by mistake). */
    public Patient clearIdentityCheck(UUID patientId, String reason, Actor actor) {
        return database.inTransaction(ctx -> change(ctx, patientId,
                id -> new Identity(id.traits(), id.ins(), id.facts().withEvidence(null), id.insVerifiedAt()),
                reason, actor));
    }

    /**
     * The user corrects strict traits (RNIV): traits taken from INSi are locked, so this is an
     * explicit act with its reason. The INS was returned for the former traits: it is withdrawn (INSi −),
     * and the status follows the table — qualifiée becomes validée (the document check stays),
     * récupérée becomes provisoire. Audited with the status change.
     */
    public Patient correctTraits(UUID patientId, IdentityTraits corrected, String reason, Actor actor) {
        Objects.requireNonNull(corrected, "corrected");
        fr.opaline.ins.traits.TraitRules.requireValid(corrected, java.time.LocalDate.now(clock));
        String why = reason == null || reason.isBlank() ? null : "Correction des traits : " + reason.strip();
        return database.inTransaction(ctx -> change(ctx, patientId, id -> {
            if (id.traits().equals(corrected)) {
                throw new BusinessRuleException("Aucun trait n'a été modifié.");
            }
            return id.ins() == null ? new Identity(corrected, null, id.facts(), null)
                    : new Identity(corrected, null, id.facts().withInsSource(null), null);
        }, why, actor));
    }

    /** Ticks or unticks douteuse / fictive / homonyme. */
    public Patient setAttributes(UUID patientId, IdentityAttributes attributes, String reason, Actor actor) {
        return database.inTransaction(ctx -> change(ctx, patientId,
                id -> new Identity(id.traits(), id.ins(), id.facts().withAttributes(attributes), id.insVerifiedAt()),
                reason, actor));
    }

    /**
     * The identity takes the INS and the INS traits returned by INSi (or the appli carte Vitale):
     * the strict traits become the téléservice's, used names stay as they were.
     */
    public Patient recordInsRetrieval(UUID patientId, InsNumber ins, IdentityTraits insTraits, InsSource source,
                                      String reason, Actor actor) {
        return database.inTransaction(ctx -> recordInsRetrieval(ctx, patientId, ins, insTraits, source, reason, actor));
    }

    public Patient recordInsRetrieval(DSLContext ctx, UUID patientId, InsNumber ins, IdentityTraits insTraits,
                                      InsSource source, String reason, Actor actor) {
        InsNumber checked = MatriculeRules.requireValid(ins);
        Objects.requireNonNull(source, "source");
        Instant now = clock.instant();
        return change(ctx, patientId,
                id -> new Identity(insTraits, checked, id.facts().withInsSource(source), now), reason, actor,
                previous -> keepAccents(previous, insTraits));
    }

    /**
     * The INS traits replace the entered ones; when the entered birth name or first name was the
     * same name with accents ("Lefèvre" for LEFEVRE) and no used name was recorded, it is kept as
     * the used name, so the accents are not lost.
     */
    static String[] keepAccents(Patient previous, IdentityTraits insTraits) {
        String usedName = previous.usedName();
        String usedFirstName = previous.usedFirstName();
        if ((usedName == null || usedName.isBlank()) && !previous.traits().birthName().equals(insTraits.birthName())
                && InsText.toInsForm(previous.traits().birthName()).equals(insTraits.birthName())) {
            usedName = previous.traits().birthName();
        }
        String first = previous.traits().firstBirthFirstName();
        if ((usedFirstName == null || usedFirstName.isBlank()) && !first.equals(insTraits.firstBirthFirstName())
                && InsText.toInsForm(first).equals(insTraits.firstBirthFirstName())) {
            usedFirstName = first;
        }
        return new String[] {usedName, usedFirstName};
    }

    /** INSi's vérification confirmed the INS: the 4-year period starts again. */
    public Patient recordInsConfirmed(UUID patientId, String reason, Actor actor) {
        Instant now = clock.instant();
        return database.inTransaction(ctx -> change(ctx, patientId,
                id -> new Identity(id.traits(), id.ins(), id.facts(), now), reason, actor));
    }

    /** The INS can no longer be trusted (vérification failed and no new récupération): it is removed. */
    public Patient withdrawIns(UUID patientId, String reason, Actor actor) {
        return database.inTransaction(ctx -> change(ctx, patientId,
                id -> new Identity(id.traits(), null, id.facts().withInsSource(null), null), reason, actor));
    }

    public IdentityFacts facts(UUID patientId) {
        return database.inTransaction(ctx -> {
            Patient patient = new PatientRepository(ctx).findById(patientId)
                    .orElseThrow(() -> new NotFoundException("Patient introuvable"));
            return factsOf(ctx, patient);
        });
    }

    public List<IdentityStatusChange> history(UUID patientId) {
        return database.dsl().selectFrom(IDENTITY_STATUS_CHANGE)
                .where(IDENTITY_STATUS_CHANGE.PATIENT_ID.eq(patientId))
                .orderBy(IDENTITY_STATUS_CHANGE.PATIENT_VERSION)
                .fetch(r -> new IdentityStatusChange(r.getId(), r.getPatientId(), r.getChangedAt(),
                        r.getFromStatus() == null ? null : IdentityStatus.valueOf(r.getFromStatus()),
                        IdentityStatus.valueOf(r.getToStatus()), InsSource.fromStored(r.getInsSource()),
                        IdentityEvidence.fromStored(r.getEvidence()),
                        new IdentityAttributes(r.getDoubtful(), r.getFictitious(), r.getHomonym()), r.getReason(),
                        r.getActorLogin()));
    }

    static IdentityFacts factsOf(DSLContext ctx, Patient patient) {
        String stored = ctx.select(PATIENT.INS_SOURCE).from(PATIENT).where(PATIENT.ID.eq(patient.id()))
                .fetchOne(PATIENT.INS_SOURCE);
        InsSource source = InsSource.fromStored(stored);
        if (source == null && patient.ins() != null && patient.status().hasIns()) {
            // Identities written before the source was recorded (imports, seed): their INS came from INSi.
            source = InsSource.INSI_TRAITS;
        }
        return new IdentityFacts(IdentityEvidence.fromStored(patient.identityEvidence()), source, patient.attributes());
    }

    /** Applies a change in the caller's transaction: status recomputed, history row, audit event. */
    Patient change(DSLContext ctx, UUID patientId, Change change, String reason, Actor actor) {
        return change(ctx, patientId, change, reason, actor, p -> new String[] {p.usedName(), p.usedFirstName()});
    }

    private Patient change(DSLContext ctx, UUID patientId, Change change, String reason, Actor actor,
                           java.util.function.Function<Patient, String[]> usedNames) {
        if (reason == null || reason.isBlank()) {
            throw new BusinessRuleException("Le motif du changement d'identité est obligatoire.");
        }
        Patient current = new PatientRepository(ctx).lockById(patientId)
                .orElseThrow(() -> new NotFoundException("Patient introuvable"));
        IdentityFacts before = factsOf(ctx, current);
        Identity after = change.apply(new Identity(current.traits(), current.ins(), before, current.insVerifiedAt()));
        IdentityStatus status = IdentityStatusRules.statusOf(after.facts(), apcvAyantDroitQualifies());
        String evidence = after.facts().evidence() == null ? null : after.facts().evidence().name();
        String what = "Identité : " + current.status().label() + " → " + status.label() + " (" + reason + ")";
        String[] used = usedNames.apply(current);
        Patient updated = patients.update(ctx, patientId, p -> p.withIdentity(after.traits(), after.ins(), status,
                after.facts().attributes(), evidence, after.insVerifiedAt()).withUsedNames(used[0], used[1]), what, actor);
        InsSource source = after.facts().insSource();
        ctx.update(PATIENT).set(PATIENT.INS_SOURCE, source == null ? null : source.name())
                .where(PATIENT.ID.eq(patientId)).execute();
        IdentityAttributes attributes = after.facts().attributes();
        ctx.insertInto(IDENTITY_STATUS_CHANGE)
                .set(IDENTITY_STATUS_CHANGE.ID, ids.newId())
                .set(IDENTITY_STATUS_CHANGE.PATIENT_ID, patientId)
                .set(IDENTITY_STATUS_CHANGE.PATIENT_VERSION, updated.rowVersion())
                .set(IDENTITY_STATUS_CHANGE.CHANGED_AT, clock.instant())
                .set(IDENTITY_STATUS_CHANGE.FROM_STATUS, current.status().name())
                .set(IDENTITY_STATUS_CHANGE.TO_STATUS, status.name())
                .set(IDENTITY_STATUS_CHANGE.INS_SOURCE, source == null ? null : source.name())
                .set(IDENTITY_STATUS_CHANGE.EVIDENCE, evidence)
                .set(IDENTITY_STATUS_CHANGE.DOUBTFUL, attributes.doubtful())
                .set(IDENTITY_STATUS_CHANGE.FICTITIOUS, attributes.fictitious())
                .set(IDENTITY_STATUS_CHANGE.HOMONYM, attributes.homonym())
                .set(IDENTITY_STATUS_CHANGE.REASON, truncate(reason))
                .set(IDENTITY_STATUS_CHANGE.ACTOR_LOGIN, actor.login())
                .execute();
        audit.record(ctx, AuditEntry.of(actor, AUDIT_STATUS_CHANGED, patientId).on("patient", current.ipp())
                .withDetail(current.status().name() + " → " + status.name() + " : " + reason));
        return updated;
    }

    private static String truncate(String s) {
        return s.length() <= 1000 ? s : s.substring(0, 999) + "…";
    }
}
