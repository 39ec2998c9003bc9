package fr.opaline.core.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.opaline.core.common.Actor;
import fr.opaline.core.common.BusinessRuleException;
import fr.opaline.core.persistence.Database;
import fr.opaline.core.testing.CoreFixture;
import fr.opaline.core.testing.TestDatabases;
import fr.opaline.core.testing.TestDatabases.Kind;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class OutboxTest {

    static Stream<Kind> kinds() {
        return TestDatabases.kinds();
    }

    private static final Actor USER = Actor.system("test");
    private static final List<String> TYPES = List.of("send");
    private static final Duration LEASE = Duration.ofSeconds(30);

    @ParameterizedTest
    @MethodSource("kinds")
    void enqueueingTwiceWithTheSameKeyGivesOneJob(Kind kind) throws Exception {
        try (var db = TestDatabases.create(kind)) {
            CoreFixture f = new CoreFixture(db.database());
            UUID a = f.outbox.enqueue(JobRequest.of("send", "{\"doc\":1}").idempotencyKey("doc-1"), USER);
            UUID b = f.outbox.enqueue(JobRequest.of("send", "{\"doc\":1}").idempotencyKey("doc-1"), USER);
            assertThat(b).isEqualTo(a);
            assertThat(f.outbox.list(Set.of("send"), Set.of(), null, 10)).hasSize(1);
        }
    }

    /** Each recorded attempt is told with the state it left the job in; a lost lease tells nothing. */
    @ParameterizedTest
    @MethodSource("kinds")
    void listenersHearEveryRecordedAttemptWithTheJobsNewState(Kind kind) throws Exception {
        try (var db = TestDatabases.create(kind)) {
            CoreFixture f = new CoreFixture(db.database());
            List<String> heard = new java.util.concurrent.CopyOnWriteArrayList<>();
            f.outbox.onOutcome((job, now) -> heard.add(job.subject() + ":" + now));
            f.outbox.onOutcome((job, now) -> {
                throw new IllegalStateException("a faulty listener changes nothing");
            });
            f.outbox.enqueue(JobRequest.of("send", "{}").about(null, "a"), USER);
            Lease a = f.outbox.leaseNext(TYPES, "w", LEASE).orElseThrow();
            assertThat(f.outbox.complete(a, JobOutcome.retry("busy"))).isTrue();
            f.clock.advance(Duration.ofHours(1));
            Lease again = f.outbox.leaseNext(TYPES, "w", LEASE).orElseThrow();
            assertThat(f.outbox.complete(again, JobOutcome.failed("refused"))).isTrue();
            f.outbox.enqueue(JobRequest.of("send", "{}").about(null, "b"), USER);
            Lease b = f.outbox.leaseNext(TYPES, "w", LEASE).orElseThrow();
            assertThat(f.outbox.complete(b, JobOutcome.done())).isTrue();
            assertThat(f.outbox.complete(b, JobOutcome.done())).as("already recorded").isFalse();

            assertThat(heard).containsExactly("a:PENDING", "a:FAILED", "b:DONE");
        }
    }

    /** A process leases a job and dies (no completion, no renewal): another takes it after expiry. */
    @ParameterizedTest
    @MethodSource("kinds")
    void aJobLeasedByADeadProcessIsTakenAgainAfterTheLeaseExpires(Kind kind) throws Exception {
        try (var db = TestDatabases.create(kind); Database other = TestDatabases.secondPool(db)) {
            CoreFixture f = new CoreFixture(db.database());
            Outbox survivor = new CoreFixture(other, f.clock).outbox;
            UUID id = f.outbox.enqueue(JobRequest.of("send", "{}"), USER);

            Lease dead = f.outbox.leaseNext(TYPES, "process-A", LEASE).orElseThrow();
            assertThat(survivor.leaseNext(TYPES, "process-B", LEASE)).as("lease still valid").isEmpty();

            f.clock.advance(LEASE.plusSeconds(1));
            Lease taken = survivor.leaseNext(TYPES, "process-B", LEASE).orElseThrow();
            assertThat(taken.job().id()).isEqualTo(id);
            assertThat(taken.job().attempts()).isEqualTo(2);
            assertThat(survivor.complete(taken, JobOutcome.done())).isTrue();
            // the dead process, should it wake up, cannot record anything any more
            assertThat(f.outbox.complete(dead, JobOutcome.failed("late"))).isFalse();
            assertThat(f.outbox.renew(dead, LEASE)).isFalse();
            assertThat(f.outbox.find(id).orElseThrow().state()).isEqualTo(JobState.DONE);
        }
    }

    /** Two workers on two pools drain the same queue concurrently: every job runs exactly once. */
    @ParameterizedTest
    @MethodSource("kinds")
    void twoWorkersNeverRunTheSameJob(Kind kind) throws Exception {
        try (var db = TestDatabases.create(kind); Database other = TestDatabases.secondPool(db)) {
            CoreFixture f = new CoreFixture(db.database());
            Outbox second = new CoreFixture(other, f.clock).outbox;
            int jobs = 200;
            for (int i = 0; i < jobs; i++) {
                f.outbox.enqueue(JobRequest.of("send", "{\"n\":" + i + "}").idempotencyKey("k" + i), USER);
            }
            Map<String, AtomicInteger> runs = new ConcurrentHashMap<>();
            JobHandler handler = new JobHandler() {
                @Override
                public String type() {
                    return "send";
                }

                @Override
                public JobOutcome handle(OutboxJob job) {
                    runs.computeIfAbsent(job.payload(), k -> new AtomicInteger()).incrementAndGet();
                    return JobOutcome.done();
                }
            };
            OutboxWorker w1 = new OutboxWorker(f.outbox, "A", 3, LEASE, Duration.ofMillis(20)).register(handler);
            OutboxWorker w2 = new OutboxWorker(second, "B", 3, LEASE, Duration.ofMillis(20)).register(handler);
            w1.start();
            w2.start();
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (f.outbox.countByState(Set.of("send")).get(JobState.DONE) < jobs && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            w1.stop(Duration.ofSeconds(5));
            w2.stop(Duration.ofSeconds(5));
            assertThat(runs).hasSize(jobs);
            assertThat(runs.values()).allSatisfy(count -> assertThat(count.get()).isEqualTo(1));
            assertThat(w1.executedAttempts() + w2.executedAttempts()).isEqualTo(jobs);
            assertThat(w1.executedAttempts()).as("both workers took part").isPositive();
            assertThat(w2.executedAttempts()).as("both workers took part").isPositive();
        }
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void aDeferredJobCancelledDuringItsDeferralNeverRuns(Kind kind) throws Exception {
        try (var db = TestDatabases.create(kind)) {
            CoreFixture f = new CoreFixture(db.database());
            UUID id = f.outbox.enqueue(JobRequest.of("send", "{}").dueAt(f.clock.instant().plus(Duration.ofHours(2))), USER);
            assertThat(f.outbox.leaseNext(TYPES, "w", LEASE)).as("deferred").isEmpty();
            f.outbox.cancel(id, USER);
            f.clock.advance(Duration.ofHours(3));
            assertThat(f.outbox.leaseNext(TYPES, "w", LEASE)).isEmpty();
            OutboxJob job = f.outbox.find(id).orElseThrow();
            assertThat(job.state()).isEqualTo(JobState.CANCELLED);
            assertThat(job.attempts()).isZero();
            assertThat(f.audit.latest(1).get(0).action()).isEqualTo("JOB_CANCELLED");
        }
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void holdResumeAndSendNow(Kind kind) throws Exception {
        try (var db = TestDatabases.create(kind)) {
            CoreFixture f = new CoreFixture(db.database());
            UUID id = f.outbox.enqueue(JobRequest.of("send", "{}").dueAt(f.clock.instant().plus(Duration.ofHours(1))), USER);
            f.outbox.hold(id, USER);
            f.clock.advance(Duration.ofHours(2));
            assertThat(f.outbox.leaseNext(TYPES, "w", LEASE)).as("held").isEmpty();
            f.outbox.resume(id, USER);
            assertThat(f.outbox.leaseNext(TYPES, "w", LEASE)).isPresent();
            assertThatThrownBy(() -> f.outbox.cancel(id, USER)).isInstanceOf(BusinessRuleException.class)
                    .hasMessageContaining("en cours");

            UUID later = f.outbox.enqueue(JobRequest.of("send", "{}").dueAt(f.clock.instant().plus(Duration.ofDays(1))), USER);
            f.outbox.sendNow(later, USER);
            assertThat(f.outbox.leaseNext(TYPES, "w", LEASE).orElseThrow().job().id()).isEqualTo(later);
        }
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void transientFailuresBackOffThenFailAndCanBeResent(Kind kind) throws Exception {
        try (var db = TestDatabases.create(kind)) {
            CoreFixture f = new CoreFixture(db.database());
            UUID id = f.outbox.enqueue(JobRequest.of("send", "{}").maxAttempts(3), USER);
            for (int attempt = 1; attempt <= 3; attempt++) {
                Lease lease = f.outbox.leaseNext(TYPES, "w", LEASE).orElseThrow();
                assertThat(f.outbox.complete(lease, JobOutcome.retry("DMP indisponible (503)"))).isTrue();
                OutboxJob job = f.outbox.find(id).orElseThrow();
                if (attempt < 3) {
                    assertThat(job.state()).isEqualTo(JobState.PENDING);
                    // backoff 10 s, 20 s… (no jitter in the fixture)
                    assertThat(job.dueAt()).isEqualTo(f.clock.instant().plusSeconds(10L << (attempt - 1)));
                    assertThat(f.outbox.leaseNext(TYPES, "w", LEASE)).as("not due yet").isEmpty();
                    f.clock.advance(Duration.ofSeconds(10L << (attempt - 1)));
                } else {
                    assertThat(job.state()).isEqualTo(JobState.FAILED);
                    assertThat(job.lastError()).contains("DMP indisponible").contains("abandon après 3");
                }
            }
            f.outbox.resend(id, USER);
            Lease lease = f.outbox.leaseNext(TYPES, "w", LEASE).orElseThrow();
            assertThat(lease.job().attempts()).isEqualTo(1);
            f.outbox.complete(lease, JobOutcome.done());
            assertThat(f.outbox.find(id).orElseThrow().state()).isEqualTo(JobState.DONE);
        }
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void aHandlerExceptionIsATransientFailureAndAPermanentFailureStops(Kind kind) throws Exception {
        try (var db = TestDatabases.create(kind)) {
            CoreFixture f = new CoreFixture(db.database());
            UUID boom = f.outbox.enqueue(JobRequest.of("send", "boom"), USER);
            UUID bad = f.outbox.enqueue(JobRequest.of("send", "bad"), USER);
            OutboxWorker worker = new OutboxWorker(f.outbox, "w", 1, LEASE, Duration.ofMillis(10))
                    .register(new JobHandler() {
                        @Override
                        public String type() {
                            return "send";
                        }

                        @Override
                        public JobOutcome handle(OutboxJob job) {
                            if (job.payload().equals("boom")) {
                                throw new IllegalStateException("connexion refusée");
                            }
                            return JobOutcome.failed("INS non qualifiée");
                        }
                    });
            assertThat(worker.runOne()).isTrue();
            assertThat(worker.runOne()).isTrue();
            assertThat(worker.runOne()).isFalse();
            assertThat(f.outbox.find(boom).orElseThrow().state()).isEqualTo(JobState.PENDING);
            assertThat(f.outbox.find(boom).orElseThrow().lastError()).contains("connexion refusée");
            assertThat(f.outbox.find(bad).orElseThrow().state()).isEqualTo(JobState.FAILED);
        }
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void followUpsAreEnqueuedOnceWhenAJobIsDoneAndNotOnFailure(Kind kind) throws Exception {
        try (var db = TestDatabases.create(kind)) {
            CoreFixture f = new CoreFixture(db.database());
            f.outbox.onDone("send", done -> List.of(JobRequest.of("next", done.payload())
                    .idempotencyKey("next:" + done.id())));
            f.outbox.enqueue(JobRequest.of("send", "a"), USER);
            f.outbox.enqueue(JobRequest.of("send", "b"), USER);
            Lease first = f.outbox.leaseNext(TYPES, "w", LEASE).orElseThrow();
            Lease second = f.outbox.leaseNext(TYPES, "w", LEASE).orElseThrow();
            assertThat(f.outbox.complete(first, JobOutcome.done())).isTrue();
            assertThat(f.outbox.complete(second, JobOutcome.failed("refusé"))).isTrue();
            // a stale completion of the same lease enqueues nothing more
            assertThat(f.outbox.complete(first, JobOutcome.done())).isFalse();
            List<OutboxJob> next = f.outbox.list(Set.of("next"), Set.of(), null, 10);
            assertThat(next).hasSize(1);
            assertThat(next.get(0).payload()).isEqualTo(first.job().payload());
            assertThat(f.outbox.find(first.job().id()).orElseThrow().state()).isEqualTo(JobState.DONE);
            assertThat(f.outbox.find(second.job().id()).orElseThrow().state()).isEqualTo(JobState.FAILED);
        }
    }

    /** The report screen's question: which sends carry this document (by its id, never by a longer one)? */
    @ParameterizedTest
    @MethodSource("kinds")
    void jobsAreFoundByTheDocumentReferenceTheirPayloadNames(Kind kind) throws Exception {
        try (var db = TestDatabases.create(kind)) {
            CoreFixture f = new CoreFixture(db.database());
            UUID patient = UUID.randomUUID();
            UUID version = UUID.randomUUID();
            UUID feed = f.outbox.enqueue(JobRequest.of("dmp-feed", "{\"documentUid\":\"1.2.250.1.5\",\"x\":1}")
                    .about(patient, "CR"), USER);
            f.clock.advance(Duration.ofSeconds(1));
            UUID drimbox = f.outbox.enqueue(JobRequest.of("drimbox-send", "{\"reportVersionId\":\"" + version
                    + "\"}").about(patient, "CR"), USER);
            f.outbox.enqueue(JobRequest.of("dmp-feed", "{\"documentUid\":\"1.2.250.1.55\"}").about(patient, "CR"), USER);
            f.outbox.enqueue(JobRequest.of("dmp-feed", "{\"documentUid\":\"1.2.250.1.5\"}")
                    .about(UUID.randomUUID(), "CR"), USER);
            f.outbox.enqueue(JobRequest.of("dmp-feed", "{\"documentUid\":\"1%2_250\"}").about(patient, "CR"), USER);
            f.outbox.enqueue(JobRequest.of("mss-send", "{\"documentUid\":\"1.2.250\"}").about(patient, "CR"), USER);

            assertThat(f.outbox.referring(List.of("1.2.250.1.5", version.toString()), patient, 10))
                    .extracting(OutboxJob::id).containsExactly(drimbox, feed);
            assertThat(f.outbox.referring(List.of("1.2.250.1.5"), null, 10)).hasSize(2);
            assertThat(f.outbox.referring(List.of("1%2_250"), patient, 10)).as("LIKE wildcards are plain text")
                    .hasSize(1);
            assertThat(f.outbox.referring(List.of(), patient, 10)).isEmpty();
        }
    }
}
