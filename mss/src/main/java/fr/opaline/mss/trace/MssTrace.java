package fr.opaline.mss.trace;

import static fr.opaline.core.persistence.generated.Tables.MSS_TRACE;

import fr.opaline.core.common.Actor;
import fr.opaline.core.common.IdGenerator;
import fr.opaline.core.persistence.Database;
import fr.opaline.core.persistence.generated.tables.records.MssTraceRecord;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * The MSSanté trace table: every step of every message, sent or received, until the document is
 * integrated, replaced, deleted or rejected. Written in the transaction of the step it records.
 */
public final class MssTrace {

    private final Database database;
    private final IdGenerator ids;
    private final Clock clock;

    public MssTrace(Database database, IdGenerator ids, Clock clock) {
        this.database = database;
        this.ids = ids;
        this.clock = clock;
    }

    /** Where to record: a step of one message, optionally about one document and patient. */
    public record At(String mailbox, String messageId, String documentUid, UUID patientId) {
        public At document(String uid, UUID patient) {
            return new At(mailbox, messageId, uid, patient);
        }
    }

    public void record(DSLContext ctx, TraceStep step, At at, Actor actor, String detail) {
        ctx.insertInto(MSS_TRACE)
                .set(MSS_TRACE.ID, ids.newId())
                .set(MSS_TRACE.OCCURRED_AT, clock.instant())
                .set(MSS_TRACE.DIRECTION, step.outbound() ? "SORTANT" : "ENTRANT")
                .set(MSS_TRACE.STEP, step.name())
                .set(MSS_TRACE.MAILBOX, at.mailbox())
                .set(MSS_TRACE.MESSAGE_ID, cut(at.messageId(), 250))
                .set(MSS_TRACE.DOCUMENT_UID, cut(at.documentUid(), 128))
                .set(MSS_TRACE.PATIENT_ID, at.patientId())
                .set(MSS_TRACE.ACTOR_LOGIN, actor.login())
                .set(MSS_TRACE.DETAIL, cut(detail, 2000))
                .execute();
    }

    public void record(TraceStep step, At at, Actor actor, String detail) {
        database.inTransactionRun(ctx -> record(ctx, step, at, actor, detail));
    }

    /** The trace of a message (by Message-ID) or of a document (by CDA id), oldest first. */
    public List<TraceEvent> of(String messageIdOrDocumentUid) {
        Condition c = MSS_TRACE.MESSAGE_ID.eq(messageIdOrDocumentUid).or(MSS_TRACE.DOCUMENT_UID.eq(messageIdOrDocumentUid));
        return database.dsl().selectFrom(MSS_TRACE).where(c).orderBy(MSS_TRACE.OCCURRED_AT, MSS_TRACE.ID)
                .fetch(MssTrace::toDomain);
    }

    public List<TraceEvent> ofPatient(UUID patientId) {
        return database.dsl().selectFrom(MSS_TRACE).where(MSS_TRACE.PATIENT_ID.eq(patientId))
                .orderBy(MSS_TRACE.OCCURRED_AT, MSS_TRACE.ID).fetch(MssTrace::toDomain);
    }

    public List<TraceEvent> latest(int limit) {
        return database.dsl().selectFrom(MSS_TRACE).where(DSL.trueCondition())
                .orderBy(MSS_TRACE.OCCURRED_AT.desc(), MSS_TRACE.ID.desc()).limit(limit).fetch(MssTrace::toDomain);
    }

    private static TraceEvent toDomain(MssTraceRecord r) {
        return new TraceEvent(r.getId(), r.getOccurredAt(), TraceStep.valueOf(r.getStep()), r.getMailbox(),
                r.getMessageId(), r.getDocumentUid(), r.getPatientId(), r.getActorLogin(), r.getDetail());
    }

    private static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
