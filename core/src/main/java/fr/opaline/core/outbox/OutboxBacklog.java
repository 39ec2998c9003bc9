package fr.opaline.core.outbox;

import static fr.opaline.core.persistence.generated.Tables.OUTBOX_JOB;

import java.time.Duration;
import java.time.Instant;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * How far behind the outbox is, for supervision: jobs due and not yet taken, the oldest of
 * them, jobs being sent, jobs held by a user and jobs given up (they need someone to act).
 *
 * @param due         pending jobs whose time has come
 * @param oldestDueAt due time of the oldest of them, null when none
 * @param leased      jobs being sent by a worker
 * @param held        jobs suspended by a user
 * @param failed      jobs given up, waiting for a user to resend or cancel them
 * @param deferred    pending jobs not due yet (e.g. a DMP feeding delay)
 */
public record OutboxBacklog(long due, Instant oldestDueAt, long leased, long held, long failed, long deferred) {

    /** How long the oldest due job has waited at {@code now}; zero without backlog. */
    public Duration oldestWait(Instant now) {
        return oldestDueAt == null || oldestDueAt.isAfter(now) ? Duration.ZERO : Duration.between(oldestDueAt, now);
    }

    public static OutboxBacklog measure(DSLContext ctx, Instant now) {
        var pendingDue = OUTBOX_JOB.STATE.eq(JobState.PENDING.name()).and(OUTBOX_JOB.DUE_AT.le(now));
        var pendingLater = OUTBOX_JOB.STATE.eq(JobState.PENDING.name()).and(OUTBOX_JOB.DUE_AT.gt(now));
        var row = ctx.select(
                        DSL.count().filterWhere(pendingDue),
                        DSL.min(OUTBOX_JOB.DUE_AT).filterWhere(pendingDue),
                        DSL.count().filterWhere(OUTBOX_JOB.STATE.eq(JobState.LEASED.name())),
                        DSL.count().filterWhere(OUTBOX_JOB.STATE.eq(JobState.HELD.name())),
                        DSL.count().filterWhere(OUTBOX_JOB.STATE.eq(JobState.FAILED.name())),
                        DSL.count().filterWhere(pendingLater))
                .from(OUTBOX_JOB)
                .where(OUTBOX_JOB.STATE.in(JobState.PENDING.name(), JobState.LEASED.name(), JobState.HELD.name(),
                        JobState.FAILED.name()))
                .fetchSingle();
        return new OutboxBacklog(row.value1(), row.value2(), row.value3(), row.value4(), row.value5(), row.value6());
    }
}
