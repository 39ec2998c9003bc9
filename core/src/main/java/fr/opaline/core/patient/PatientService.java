package fr.opaline.core.patient;

import fr.opaline.core.audit.AuditAction;
import fr.opaline.core.audit.AuditEntry;
import fr.opaline.core.audit.AuditTrail;
import fr.opaline.core.common.Actor;
import fr.opaline.core.common.IdGenerator;
import fr.opaline.core.common.NotFoundException;
import fr.opaline.core.persistence.Database;
import fr.opaline.core.uid.SequenceCounters;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;
import org.jooq.DSLContext;

/**
 * Patient records: creation with a local IPP, reads and searches (each audited), updates with
 * optimistic locking. A new identity is always provisoire: only the ins module's status
 * engine raises it.
 */
public final class PatientService {

    private final Database database;
    private final AuditTrail audit;
    private final IdGenerator ids;
    private final Clock clock;
    private final String ippIssuer;
    private final List<PatientChangeListener> listeners = new CopyOnWriteArrayList<>();

    public PatientService(Database database, AuditTrail audit, IdGenerator ids, Clock clock, String ippIssuer) {
        this.database = database;
        this.audit = audit;
        this.ids = ids;
        this.clock = clock;
        this.ippIssuer = ippIssuer;
    }

    public Patient create(NewPatient request, Actor actor) {
        return database.inTransaction(ctx -> create(ctx, request, actor));
    }

    public Patient create(DSLContext ctx, NewPatient request, Actor actor) {
        Instant now = clock.instant();
        Patient patient = new Patient(ids.newId(), nextIpp(ctx), ippIssuer, request.traits(), request.usedName(),
                request.usedFirstName(), null, IdentityStatus.PROVISOIRE, request.attributes(), null, null,
                request.contact(), now, now, 0);
        new PatientRepository(ctx).insert(patient);
        audit.record(ctx, AuditEntry.of(actor, AuditAction.PATIENT_CREATED, patient.id()).on("patient", patient.ipp()));
        notify(ctx, PatientChangeListener.Kind.CREATED, patient.id(), null, actor);
        return patient;
    }

    /** IPPs are plain increasing numbers, from 1000001, unique within the practice's issuer. */
    public static String nextIpp(DSLContext ctx) {
        return Long.toString(1_000_000 + SequenceCounters.next(ctx, "ipp"));
    }

    /** Opens a record: audited as a read of the patient's data. */
    public Patient open(UUID patientId, Actor actor) {
        return database.inTransaction(ctx -> {
            Patient patient = new PatientRepository(ctx).findById(patientId)
                    .orElseThrow(() -> new NotFoundException("Patient introuvable"));
            audit.record(ctx, AuditEntry.of(actor, AuditAction.PATIENT_READ, patientId).on("patient", patient.ipp()));
            return patient;
        });
    }

    public List<Patient> search(PatientQuery query, Actor actor) {
        List<Patient> found = new PatientRepository(database.dsl()).search(query);
        audit.record(AuditEntry.of(actor, AuditAction.PATIENT_SEARCH, null)
                .withDetail(query + " → " + found.size() + " résultat(s)"));
        return found;
    }

    /**
     * Applies a change to a patient and writes it with an audit event saying what changed.
     * The change sees the current stored state.
     */
    public Patient update(UUID patientId, UnaryOperator<Patient> change, String what, Actor actor) {
        return database.inTransaction(ctx -> update(ctx, patientId, change, what, actor));
    }

    public Patient update(DSLContext ctx, UUID patientId, UnaryOperator<Patient> change, String what, Actor actor) {
        PatientRepository repository = new PatientRepository(ctx);
        Patient current = repository.findById(patientId)
                .orElseThrow(() -> new NotFoundException("Patient introuvable"));
        Patient updated = repository.update(change.apply(current), clock.instant());
        audit.record(ctx, AuditEntry.of(actor, AuditAction.PATIENT_UPDATED, patientId).on("patient", current.ipp())
                .withDetail(what));
        notify(ctx, PatientChangeListener.Kind.UPDATED, patientId, null, actor);
        return updated;
    }

    /** Called on every creation, update and merge, in the change's transaction (after the write). */
    public void addChangeListener(PatientChangeListener listener) {
        listeners.add(listener);
    }

    /** Tells the listeners that {@code mergedId} was merged into {@code survivorId} (in the merge's transaction). */
    public void merged(DSLContext ctx, UUID survivorId, UUID mergedId, Actor actor) {
        notify(ctx, PatientChangeListener.Kind.MERGED, survivorId, mergedId, actor);
    }

    private void notify(DSLContext ctx, PatientChangeListener.Kind kind, UUID patientId, UUID mergedId, Actor actor) {
        for (PatientChangeListener l : listeners) {
            l.onPatientChange(ctx, kind, patientId, mergedId, actor);
        }
    }

    public String ippIssuer() {
        return ippIssuer;
    }
}
