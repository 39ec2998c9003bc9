package fr.opaline.core.audit;

import static fr.opaline.core.persistence.generated.Tables.AUDIT_EVENT;
import static fr.opaline.core.persistence.generated.Tables.AUDIT_HEAD;

import fr.opaline.core.persistence.Database;
import fr.opaline.core.persistence.generated.tables.records.AuditEventRecord;
import fr.opaline.core.persistence.generated.tables.records.AuditHeadRecord;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import org.jooq.DSLContext;

/**
 * Append-only, hash-chained audit trail. Appends lock the single head row, so events from
 * several processes form one chain; a change to any stored event breaks the chain, which
 * {@link #verify()} reports.
 */
public final class AuditTrail {

    private static final int VERIFY_PAGE = 5_000;

    private final Database database;
    private final Clock clock;

    public AuditTrail(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    /** Records the entry in its own transaction (reads, logins, searches). */
    public AuditEvent record(AuditEntry entry) {
        return database.inTransaction(ctx -> record(ctx, entry));
    }

    /** Records the entry in the caller's transaction: the event exists iff the change commits. */
    public AuditEvent record(DSLContext ctx, AuditEntry entry) {
        AuditHeadRecord head = ctx.selectFrom(AUDIT_HEAD).where(AUDIT_HEAD.ID.eq(1)).forUpdate().fetchSingle();
        long seq = head.getLastSeq() + 1;
        // Micro-second precision: what both H2 and PostgreSQL store, so the hash survives a round trip.
        Instant at = clock.instant().truncatedTo(ChronoUnit.MICROS);
        UUID actorId = entry.actor().userId();
        String hash = AuditChain.hash(head.getLastHash(), seq, at, actorId, entry.actor().login(), entry.action(),
                entry.patientId(), entry.objectType(), entry.objectId(), entry.detail());
        ctx.insertInto(AUDIT_EVENT)
                .set(AUDIT_EVENT.SEQ, seq)
                .set(AUDIT_EVENT.OCCURRED_AT, at)
                .set(AUDIT_EVENT.ACTOR_ID, actorId)
                .set(AUDIT_EVENT.ACTOR_LOGIN, entry.actor().login())
                .set(AUDIT_EVENT.ACTION, entry.action())
                .set(AUDIT_EVENT.PATIENT_ID, entry.patientId())
                .set(AUDIT_EVENT.OBJECT_TYPE, entry.objectType())
                .set(AUDIT_EVENT.OBJECT_ID, entry.objectId())
                .set(AUDIT_EVENT.DETAIL, entry.detail())
                .set(AUDIT_EVENT.PREV_HASH, head.getLastHash())
                .set(AUDIT_EVENT.HASH, hash)
                .execute();
        ctx.update(AUDIT_HEAD)
                .set(AUDIT_HEAD.LAST_SEQ, seq)
                .set(AUDIT_HEAD.LAST_HASH, hash)
                .where(AUDIT_HEAD.ID.eq(1))
                .execute();
        return new AuditEvent(seq, at, actorId, entry.actor().login(), entry.action(), entry.patientId(),
                entry.objectType(), entry.objectId(), entry.detail(), head.getLastHash(), hash);
    }

    public List<AuditEvent> forPatient(UUID patientId, int limit) {
        return database.dsl().selectFrom(AUDIT_EVENT)
                .where(AUDIT_EVENT.PATIENT_ID.eq(patientId))
                .orderBy(AUDIT_EVENT.SEQ.desc())
                .limit(limit)
                .fetch(AuditTrail::toEvent);
    }

    public List<AuditEvent> latest(int limit) {
        return database.dsl().selectFrom(AUDIT_EVENT)
                .orderBy(AUDIT_EVENT.SEQ.desc())
                .limit(limit)
                .fetch(AuditTrail::toEvent);
    }

    /** Walks the whole chain in order. */
    public AuditVerification verify() {
        return verify(event -> { });
    }

    public AuditVerification verify(Consumer<AuditEvent> progress) {
        return database.inSnapshot(ctx -> {
            AuditHeadRecord head = ctx.selectFrom(AUDIT_HEAD).where(AUDIT_HEAD.ID.eq(1)).fetchSingle();
            String expectedPrev = AuditChain.GENESIS;
            long expectedSeq = 1;
            long checked = 0;
            while (true) {
                List<AuditEvent> page = ctx.selectFrom(AUDIT_EVENT)
                        .where(AUDIT_EVENT.SEQ.ge(expectedSeq))
                        .orderBy(AUDIT_EVENT.SEQ)
                        .limit(VERIFY_PAGE)
                        .fetch(AuditTrail::toEvent);
                for (AuditEvent event : page) {
                    if (event.seq() != expectedSeq) {
                        return AuditVerification.broken(checked, expectedSeq,
                                "événement n° " + expectedSeq + " manquant (suivant trouvé : " + event.seq() + ")");
                    }
                    if (!event.prevHash().equals(expectedPrev)) {
                        return AuditVerification.broken(checked, event.seq(),
                                "le chaînage avec l'événement précédent est rompu");
                    }
                    if (!AuditChain.hash(event).equals(event.hash())) {
                        return AuditVerification.broken(checked, event.seq(),
                                "le contenu de l'événement a été modifié");
                    }
                    progress.accept(event);
                    expectedPrev = event.hash();
                    expectedSeq++;
                    checked++;
                }
                if (page.size() < VERIFY_PAGE) {
                    break;
                }
            }
            if (head.getLastSeq() != checked || !head.getLastHash().equals(expectedPrev)) {
                return AuditVerification.broken(checked, checked + 1,
                        "la tête de chaîne (n° " + head.getLastSeq() + ") ne correspond pas au dernier événement");
            }
            return AuditVerification.intact(checked);
        });
    }

    static AuditEvent toEvent(AuditEventRecord r) {
        return new AuditEvent(r.getSeq(), r.getOccurredAt(), r.getActorId(), r.getActorLogin(), r.getAction(),
                r.getPatientId(), r.getObjectType(), r.getObjectId(), r.getDetail(), r.getPrevHash(), r.getHash());
    }
}
