package fr.opaline.app.server;

import static org.assertj.core.api.Assertions.assertThat;

import fr.opaline.app.config.OpalineConfig;
import fr.opaline.app.wiring.CoreServices;
import fr.opaline.core.common.Actor;
import fr.opaline.core.common.IdGenerator;
import fr.opaline.core.common.MutableClock;
import fr.opaline.core.outbox.JobHandler;
import fr.opaline.core.outbox.JobOutcome;
import fr.opaline.core.outbox.JobRequest;
import fr.opaline.core.outbox.JobState;
import fr.opaline.core.outbox.OutboxJob;
import fr.opaline.core.testing.TestDatabases;
import fr.opaline.core.testing.TestDatabases.Kind;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Stopping the practice server (systemctl stop): the outbox job being sent finishes and is
 * recorded, nothing new is taken, and a job still running when the grace is over is released
 * untouched to run again later, never lost.
 */
class GracefulShutdownTest {

    private static final Actor DESK = Actor.system("test-desk");
    @TempDir
    Path home;

    static Stream<Kind> kinds() {
        return TestDatabases.kinds();
    }

    /** A handler that blocks until released, or until interrupted. */
    static final class SlowSend implements JobHandler {
        final CountDownLatch started = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);

        @Override
        public String type() {
            return "test.slow-send";
        }

        @Override
        public JobOutcome handle(OutboxJob job) throws Exception {
            started.countDown();
            release.await();
            return JobOutcome.done();
        }
    }

    private PracticeServer serverWith(CoreServices core, SlowSend handler) {
        return ServerAssembly.assemble(core, List.of(new ServerContribution() {
            @Override
            public List<JobHandler> jobHandlers(CoreServices services) {
                return List.of(handler);
            }
        }));
    }

    private CoreServices core(TestDatabases.TestDatabase db) {
        OpalineConfig config = OpalineConfig.of(home, Map.of("outbox.threads", "2", "outbox.poll", "PT0.2S",
                "server.name", "test-server", "worklist.port", "0", "worklist.bindAddress", "127.0.0.1",
                "psc.proxy.port", "0", "psc.proxy.bind", "127.0.0.1"));
        MutableClock clock = new MutableClock(Instant.parse("2026-03-02T08:00:00Z"), ZoneId.of("Europe/Paris"));
        return CoreServices.over(config, db.database(), clock, IdGenerator.timeOrdered(clock));
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void theJobInFlightCompletesAndNothingNewIsTaken(Kind kind) throws Exception {
        try (var db = TestDatabases.create(kind)) {
            CoreServices core = core(db);
            SlowSend handler = new SlowSend();
            PracticeServer server = serverWith(core, handler);
            UUID inFlight = core.outbox.enqueue(JobRequest.of(handler.type(), "{\"n\":1}"), DESK);
            server.start();
            assertThat(handler.started.await(30, TimeUnit.SECONDS)).isTrue();

            CompletableFuture<Void> stopping = CompletableFuture.runAsync(() -> server.stop(Duration.ofSeconds(30)));
            awaitState(server, PracticeServer.State.STOPPING);
            // A workstation enqueues while the server stops: the idle worker thread is woken, takes nothing.
            UUID late = core.outbox.enqueue(JobRequest.of(handler.type(), "{\"n\":2}"), DESK);
            Thread.sleep(500);
            assertThat(stopping).isNotDone();
            handler.release.countDown();
            stopping.get(30, TimeUnit.SECONDS);

            assertThat(core.outbox.find(inFlight).orElseThrow().state()).isEqualTo(JobState.DONE);
            OutboxJob untouched = core.outbox.find(late).orElseThrow();
            assertThat(untouched.state()).isEqualTo(JobState.PENDING);
            assertThat(untouched.attempts()).isZero();
            assertThat(server.states().values()).containsOnly(PracticeServer.State.STOPPED);
        }
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void aJobStillRunningAfterTheGraceIsReleasedToRunAgain(Kind kind) throws Exception {
        try (var db = TestDatabases.create(kind)) {
            CoreServices core = core(db);
            SlowSend handler = new SlowSend(); // never released: only the interrupt ends it
            PracticeServer server = serverWith(core, handler);
            UUID stuck = core.outbox.enqueue(JobRequest.of(handler.type(), "{}"), DESK);
            server.start();
            assertThat(handler.started.await(30, TimeUnit.SECONDS)).isTrue();

            long t0 = System.nanoTime();
            server.stop(Duration.ofMillis(500));
            Duration took = Duration.ofNanos(System.nanoTime() - t0);

            assertThat(took).isLessThan(Duration.ofSeconds(10));
            OutboxJob job = core.outbox.find(stuck).orElseThrow();
            assertThat(job.state()).isEqualTo(JobState.PENDING);
            assertThat(job.attempts()).as("the interrupted attempt is not counted").isZero();
            assertThat(job.leaseOwner()).isNull();
        }
    }

    private static void awaitState(PracticeServer server, PracticeServer.State state) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!server.states().containsValue(state)) {
            assertThat(System.nanoTime()).as("state " + state).isLessThan(deadline);
            Thread.sleep(10);
        }
    }
}
