package fr.opaline.core.outbox;

import static fr.opaline.core.persistence.generated.Tables.OUTBOX_JOB;

import fr.opaline.core.audit.AuditAction;
import fr.opaline.core.audit.AuditEntry;
import fr.opaline.core.audit.AuditTrail;
import fr.opaline.core.common.Actor;
import fr.opaline.core.common.BusinessRuleException;
import fr.opaline.core.common.IdGenerator;
import fr.opaline.core.common.NotFoundException;
import fr.opaline.core.persistence.Database;
import fr.opaline.core.persistence.generated.tables.records.OutboxJobRecord;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * The durable outbox. Jobs are written in the same transaction as the business change that
 * causes them, so a crash can never lose one. Workers take jobs by lease: a conditional update
 * that only one process can win; a lease not renewed (dead process) expires and the job is
 * taken again. Completion is fenced by the lease token, so a job is recorded done once.
 */
public final class Outbox {

    private static final int ERROR_MAX = 3900;

    private final Database database;
    private final AuditTrail audit;
    private final IdGenerator ids;
    private final Clock clock;
    private final RetryPolicy retryPolicy;
    private final List<Runnable> enqueueListeners = new CopyOnWriteArrayList<>();
    private final List<OutcomeListener> outcomeListeners = new CopyOnWriteArrayList<>();
    private final Map<String, List<FollowUp>> followUps = new ConcurrentHashMap<>();

    public Outbox(Database database, AuditTrail audit, IdGenerator ids, Clock clock, RetryPolicy retryPolicy) {
        this.database = database;
        this.audit = audit;
        this.ids = ids;
        this.clock = clock;
        this.retryPolicy = retryPolicy;
    }

    public Clock clock() {
        return clock;
    }

    /**
     * Jobs to enqueue when a job of {@code jobType} is done, in the transaction that records it
     * done (e.g. the DRIMbox send once the DMP has acknowledged a report). Registered by wiring,
     * so the module of the first job need not know the second.
     */
    public void onDone(String jobType, FollowUp followUp) {
        followUps.computeIfAbsent(jobType, t -> new CopyOnWriteArrayList<>()).add(followUp);
    }

    /** Follow-up jobs of a completed job; an empty list for none. */
    @FunctionalInterface
    public interface FollowUp {
        List<JobRequest> after(OutboxJob completed);
    }

    /** Called after each enqueue in this process, so that local workers wake up early. */
    public void onEnqueue(Runnable listener) {
        enqueueListeners.add(listener);
    }

    /**
     * Called after each attempt recorded in this process (committed), with the job's state it
     * left: DONE, FAILED, or PENDING for a retry. The practice server tells the desktops.
     */
    public void onOutcome(OutcomeListener listener) {
        outcomeListeners.add(listener);
    }

    @FunctionalInterface
    public interface OutcomeListener {
        void recorded(OutboxJob attempted, JobState now);
    }

    public UUID enqueue(JobRequest request, Actor actor) {
        UUID id = database.inTransaction(ctx -> enqueue(ctx, request, actor));
        enqueueListeners.forEach(Runnable::run);
        return id;
    }

    /**
     * Enqueues in the caller's transaction. With an idempotency key already used, nothing is
     * added and the existing job's id is returned.
     */
    public UUID enqueue(DSLContext ctx, JobRequest request, Actor actor) {
        Instant now = clock.instant();
        UUID id = ids.newId();
        int inserted = ctx.insertInto(OUTBOX_JOB)
                .set(OUTBOX_JOB.ID, id)
                .set(OUTBOX_JOB.JOB_TYPE, request.type())
                .set(OUTBOX_JOB.PAYLOAD, request.payload())
                .set(OUTBOX_JOB.IDEMPOTENCY_KEY, request.idempotencyKey())
                .set(OUTBOX_JOB.STATE, JobState.PENDING.name())
                .set(OUTBOX_JOB.DUE_AT, request.dueAt() == null ? now : request.dueAt())
                .set(OUTBOX_JOB.ATTEMPTS, 0)
                .set(OUTBOX_JOB.MAX_ATTEMPTS, request.maxAttempts())
                .set(OUTBOX_JOB.PATIENT_ID, request.patientId())
                .set(OUTBOX_JOB.SUBJECT, request.subject())
                .set(OUTBOX_JOB.CREATED_BY, actor.login())
                .set(OUTBOX_JOB.CREATED_AT, now)
                .set(OUTBOX_JOB.UPDATED_AT, now)
                .onConflictDoNothing()
                .execute();
        if (inserted == 1 || request.idempotencyKey() == null) {
            return id;
        }
        return ctx.select(OUTBOX_JOB.ID).from(OUTBOX_JOB)
                .where(OUTBOX_JOB.IDEMPOTENCY_KEY.eq(request.idempotencyKey())).fetchSingle(OUTBOX_JOB.ID);
    }

    public Optional<OutboxJob> find(UUID id) {
        return database.dsl().selectFrom(OUTBOX_JOB).where(OUTBOX_JOB.ID.eq(id)).fetchOptional(Outbox::toJob);
    }

    public Optional<OutboxJob> findByIdempotencyKey(String key) {
        return database.dsl().selectFrom(OUTBOX_JOB).where(OUTBOX_JOB.IDEMPOTENCY_KEY.eq(key))
                .fetchOptional(Outbox::toJob);
    }

    /** Jobs for the queue screen, newest first; empty sets mean "any". */
    public List<OutboxJob> list(Set<String> types, Set<JobState> states, UUID patientId, int limit) {
        Condition condition = DSL.trueCondition();
        if (types != null && !types.isEmpty()) {
            condition = condition.and(OUTBOX_JOB.JOB_TYPE.in(types));
        }
        if (states != null && !states.isEmpty()) {
            condition = condition.and(OUTBOX_JOB.STATE.in(states.stream().map(Enum::name).toList()));
        }
        if (patientId != null) {
            condition = condition.and(OUTBOX_JOB.PATIENT_ID.eq(patientId));
        }
        return database.dsl().selectFrom(OUTBOX_JOB).where(condition)
                .orderBy(OUTBOX_JOB.CREATED_AT.desc(), OUTBOX_JOB.ID.desc()).limit(limit).fetch(Outbox::toJob);
    }

    /**
     * The jobs whose payload names one of these document references (a CDA document id, a report
     * version id…) as a whole JSON string value, newest first; {@code patientId} narrows the search
     * when given. A reference that merely starts another one is not a match.
     */
    public List<OutboxJob> referring(Collection<String> references, UUID patientId, int limit) {
        Condition named = DSL.falseCondition();
        for (String reference : references) {
            if (reference != null && !reference.isBlank()) {
                named = named.or(OUTBOX_JOB.PAYLOAD.contains("\"" + reference + "\""));
            }
        }
        Condition condition = patientId == null ? named : named.and(OUTBOX_JOB.PATIENT_ID.eq(patientId));
        return database.dsl().selectFrom(OUTBOX_JOB).where(condition)
                .orderBy(OUTBOX_JOB.CREATED_AT.desc(), OUTBOX_JOB.ID.desc()).limit(limit).fetch(Outbox::toJob);
    }

    public Map<JobState, Integer> countByState(Set<String> types) {
        Map<JobState, Integer> counts = new EnumMap<>(JobState.class);
        for (JobState s : JobState.values()) {
            counts.put(s, 0);
        }
        Condition condition = types == null || types.isEmpty() ? DSL.trueCondition() : OUTBOX_JOB.JOB_TYPE.in(types);
        database.dsl().select(OUTBOX_JOB.STATE, DSL.count()).from(OUTBOX_JOB).where(condition)
                .groupBy(OUTBOX_JOB.STATE)
                .forEach(r -> counts.put(JobState.valueOf(r.value1()), r.value2()));
        return counts;
    }

    /**
     * Takes the next due job of the given types, or an expired lease, for {@code duration}.
     * Only one caller can win a given job: the update re-checks the state it read.
     */
    public Optional<Lease> leaseNext(Collection<String> types, String owner, Duration duration) {
        Instant now = clock.instant();
        Condition takeable = OUTBOX_JOB.STATE.eq(JobState.PENDING.name()).and(OUTBOX_JOB.DUE_AT.le(now))
                .or(OUTBOX_JOB.STATE.eq(JobState.LEASED.name()).and(OUTBOX_JOB.LEASE_UNTIL.lt(now)));
        List<OutboxJobRecord> candidates = database.dsl().selectFrom(OUTBOX_JOB)
                .where(OUTBOX_JOB.JOB_TYPE.in(types)).and(takeable)
                .orderBy(OUTBOX_JOB.DUE_AT, OUTBOX_JOB.ID)
                .limit(8)
                .fetch();
        for (OutboxJobRecord candidate : candidates) {
            UUID token = UUID.randomUUID();
            Condition sameAsSeen = OUTBOX_JOB.STATE.eq(candidate.getState())
                    .and(candidate.getLeaseToken() == null ? OUTBOX_JOB.LEASE_TOKEN.isNull()
                            : OUTBOX_JOB.LEASE_TOKEN.eq(candidate.getLeaseToken()));
            int won = database.dsl().update(OUTBOX_JOB)
                    .set(OUTBOX_JOB.STATE, JobState.LEASED.name())
                    .set(OUTBOX_JOB.LEASE_OWNER, owner)
                    .set(OUTBOX_JOB.LEASE_TOKEN, token)
                    .set(OUTBOX_JOB.LEASE_UNTIL, now.plus(duration))
                    .set(OUTBOX_JOB.ATTEMPTS, OUTBOX_JOB.ATTEMPTS.plus(1))
                    .set(OUTBOX_JOB.UPDATED_AT, now)
                    .where(OUTBOX_JOB.ID.eq(candidate.getId())).and(takeable).and(sameAsSeen)
                    .execute();
            if (won == 1) {
                OutboxJob job = find(candidate.getId()).orElseThrow();
                return Optional.of(new Lease(job, token, owner));
            }
        }
        return Optional.empty();
    }

    /** Extends a lease still held; false when it was lost (expired and taken, or cancelled). */
    public boolean renew(Lease lease, Duration duration) {
        Instant now = clock.instant();
        return database.dsl().update(OUTBOX_JOB)
                .set(OUTBOX_JOB.LEASE_UNTIL, now.plus(duration))
                .set(OUTBOX_JOB.UPDATED_AT, now)
                .where(OUTBOX_JOB.ID.eq(lease.job().id())).and(heldBy(lease))
                .execute() == 1;
    }

    /** Records the outcome of an attempt. False when the lease was lost meanwhile (nothing written). */
    public boolean complete(Lease lease, JobOutcome outcome) {
        boolean recorded = completed(lease, outcome);
        if (recorded && !outcomeListeners.isEmpty()) {
            JobState now = find(lease.job().id()).map(OutboxJob::state).orElse(null);
            for (OutcomeListener listener : outcomeListeners) {
                try {
                    listener.recorded(lease.job(), now);
                } catch (RuntimeException e) {
                    org.slf4j.LoggerFactory.getLogger(Outbox.class).warn("outcome listener failed for job {}",
                            lease.job().id(), e); // the attempt is recorded whatever a listener does
                }
            }
        }
        return recorded;
    }

    private boolean completed(Lease lease, JobOutcome outcome) {
        if (!(outcome instanceof JobOutcome.Done)) {
            return record(database.dsl(), lease, outcome);
        }
        // Done and its follow-ups commit together: a chained send is enqueued exactly once.
        return database.inTransaction(ctx -> {
            if (!record(ctx, lease, outcome)) {
                return false;
            }
            for (FollowUp followUp : followUps.getOrDefault(lease.job().type(), List.of())) {
                for (JobRequest next : followUp.after(lease.job())) {
                    enqueue(ctx, next, Actor.system("outbox:" + lease.job().type()));
                }
            }
            return true;
        });
    }

    private boolean record(DSLContext ctx, Lease lease, JobOutcome outcome) {
        Instant now = clock.instant();
        var update = ctx.update(OUTBOX_JOB)
                .set(OUTBOX_JOB.LEASE_OWNER, (String) null)
                .set(OUTBOX_JOB.LEASE_TOKEN, (UUID) null)
                .set(OUTBOX_JOB.LEASE_UNTIL, (Instant) null)
                .set(OUTBOX_JOB.UPDATED_AT, now);
        if (outcome instanceof JobOutcome.Done) {
            update = update.set(OUTBOX_JOB.STATE, JobState.DONE.name())
                    .set(OUTBOX_JOB.FINISHED_AT, now)
                    .set(OUTBOX_JOB.LAST_ERROR, (String) null);
        } else if (outcome instanceof JobOutcome.Retry retry) {
            boolean exhausted = lease.job().attempts() >= lease.job().maxAttempts();
            Duration delay = retry.after() != null ? retry.after() : retryPolicy.delayAfter(lease.job().attempts());
            update = update.set(OUTBOX_JOB.STATE, exhausted ? JobState.FAILED.name() : JobState.PENDING.name())
                    .set(OUTBOX_JOB.DUE_AT, now.plus(delay))
                    .set(OUTBOX_JOB.LAST_ERROR, truncate(exhausted
                            ? retry.reason() + " (abandon après " + lease.job().attempts() + " tentatives)"
                            : retry.reason()));
        } else if (outcome instanceof JobOutcome.Failed failed) {
            update = update.set(OUTBOX_JOB.STATE, JobState.FAILED.name())
                    .set(OUTBOX_JOB.LAST_ERROR, truncate(failed.reason()));
        }
        return update.where(OUTBOX_JOB.ID.eq(lease.job().id())).and(heldBy(lease)).execute() == 1;
    }

    /** Gives the job back untouched (shutdown): it becomes due again now, the attempt not counted. */
    public boolean release(Lease lease) {
        Instant now = clock.instant();
        return database.dsl().update(OUTBOX_JOB)
                .set(OUTBOX_JOB.STATE, JobState.PENDING.name())
                .set(OUTBOX_JOB.DUE_AT, now)
                .set(OUTBOX_JOB.ATTEMPTS, OUTBOX_JOB.ATTEMPTS.minus(1))
                .set(OUTBOX_JOB.LEASE_OWNER, (String) null)
                .set(OUTBOX_JOB.LEASE_TOKEN, (UUID) null)
                .set(OUTBOX_JOB.LEASE_UNTIL, (Instant) null)
                .set(OUTBOX_JOB.UPDATED_AT, now)
                .where(OUTBOX_JOB.ID.eq(lease.job().id())).and(heldBy(lease))
                .execute() == 1;
    }

    private static Condition heldBy(Lease lease) {
        return OUTBOX_JOB.STATE.eq(JobState.LEASED.name()).and(OUTBOX_JOB.LEASE_TOKEN.eq(lease.token()));
    }

    // --- User actions on the queue -------------------------------------------------------

    /** Suspends a job waiting to be sent (before validation or during the deferral). */
    public void hold(UUID jobId, Actor actor) {
        database.inTransactionRun(ctx -> hold(ctx, jobId, actor));
    }

    /** Suspends a job in the caller's transaction (e.g. a send created already held). */
    public void hold(DSLContext ctx, UUID jobId, Actor actor) {
        transition(ctx, jobId, Set.of(JobState.PENDING), JobState.HELD, null, AuditAction.JOB_HELD, actor,
                "Seul un envoi en attente peut être suspendu.");
    }

    public void resume(UUID jobId, Actor actor) {
        transition(jobId, Set.of(JobState.HELD), JobState.PENDING, null, AuditAction.JOB_RESUMED, actor,
                "Seul un envoi suspendu peut être repris.");
    }

    /** Cancels a job not yet being sent; an envoi in progress cannot be cancelled. */
    public void cancel(UUID jobId, Actor actor) {
        database.inTransactionRun(ctx -> cancel(ctx, jobId, actor));
    }

    /** Cancels in the caller's transaction (e.g. a send made pointless by the change being committed). */
    public void cancel(DSLContext ctx, UUID jobId, Actor actor) {
        transition(ctx, jobId, Set.of(JobState.PENDING, JobState.HELD, JobState.FAILED), JobState.CANCELLED, null,
                AuditAction.JOB_CANCELLED, actor, "Cet envoi est en cours ou terminé : il ne peut plus être annulé.");
    }

    /** Sends a failed job again, from a fresh count of attempts. */
    public void resend(UUID jobId, Actor actor) {
        transition(jobId, Set.of(JobState.FAILED), JobState.PENDING, clock.instant(), AuditAction.JOB_RETRIED, actor,
                "Seul un envoi en échec peut être relancé.");
    }

    /** Ends the deferral of a pending job: it becomes due now. */
    public void sendNow(UUID jobId, Actor actor) {
        transition(jobId, Set.of(JobState.PENDING, JobState.HELD), JobState.PENDING, clock.instant(),
                AuditAction.JOB_RESUMED, actor, "Seul un envoi en attente peut être envoyé maintenant.");
    }

    private void transition(UUID jobId, Set<JobState> from, JobState to, Instant dueAt, String action, Actor actor,
                            String refusal) {
        database.inTransactionRun(ctx -> transition(ctx, jobId, from, to, dueAt, action, actor, refusal));
    }

    private void transition(DSLContext ctx, UUID jobId, Set<JobState> from, JobState to, Instant dueAt, String action,
                            Actor actor, String refusal) {
        OutboxJobRecord job = ctx.selectFrom(OUTBOX_JOB).where(OUTBOX_JOB.ID.eq(jobId)).forUpdate().fetchOptional()
                .orElseThrow(() -> new NotFoundException("Envoi introuvable"));
        if (!from.contains(JobState.valueOf(job.getState()))) {
            throw new BusinessRuleException(refusal);
        }
        var update = ctx.update(OUTBOX_JOB)
                .set(OUTBOX_JOB.STATE, to.name())
                .set(OUTBOX_JOB.UPDATED_AT, clock.instant());
        if (dueAt != null) {
            update = update.set(OUTBOX_JOB.DUE_AT, dueAt);
        }
        if (action.equals(AuditAction.JOB_RETRIED)) {
            update = update.set(OUTBOX_JOB.ATTEMPTS, 0);
        }
        if (to == JobState.CANCELLED) {
            update = update.set(OUTBOX_JOB.FINISHED_AT, clock.instant());
        }
        update.where(OUTBOX_JOB.ID.eq(jobId)).execute();
        audit.record(ctx, AuditEntry.of(actor, action, job.getPatientId()).on("outbox_job", jobId)
                .withDetail(job.getJobType() + " : " + job.getState() + " → " + to));
    }

    private static String truncate(String s) {
        if (s == null) {
            return null;
        }
        return s.length() <= ERROR_MAX ? s : s.substring(0, ERROR_MAX) + "…";
    }

    static OutboxJob toJob(OutboxJobRecord r) {
        return new OutboxJob(r.getId(), r.getJobType(), r.getPayload(), r.getIdempotencyKey(),
                JobState.valueOf(r.getState()), r.getDueAt(), r.getAttempts(), r.getMaxAttempts(), r.getLastError(),
                r.getLeaseOwner(), r.getLeaseToken(), r.getLeaseUntil(), r.getPatientId(), r.getSubject(),
                r.getCreatedBy(), r.getCreatedAt(), r.getUpdatedAt(), r.getFinishedAt());
    }
}
