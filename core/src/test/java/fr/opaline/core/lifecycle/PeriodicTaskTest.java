package fr.opaline.core.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class PeriodicTaskTest {

    @Test
    void runsAtOnceKeepsRunningAfterAFailedScanAndStopsWhenAsked() throws Exception {
        AtomicInteger runs = new AtomicInteger();
        AtomicInteger startedAfterStop = new AtomicInteger();
        AtomicBoolean stopped = new AtomicBoolean();
        AtomicReference<Thread> scanner = new AtomicReference<>();
        CountDownLatch third = new CountDownLatch(3);
        PeriodicTask task = new PeriodicTask("test-scan", Duration.ofMillis(20), () -> {
            scanner.set(Thread.currentThread());
            if (stopped.get()) {
                startedAfterStop.incrementAndGet();
            }
            runs.incrementAndGet();
            third.countDown();
            if (runs.get() == 1) {
                throw new IllegalStateException("base indisponible");
            }
        });
        task.start();
        assertThat(third.await(10, TimeUnit.SECONDS)).as("runs again after the failed first scan").isTrue();
        task.stop(Duration.ZERO);
        stopped.set(true);
        // The only thread that runs the scans ends with the stop: once it is gone no scan can
        // start any more, so what is counted then is final (no waiting to see nothing happen).
        Thread thread = scanner.get();
        thread.join(TimeUnit.SECONDS.toMillis(10));
        assertThat(thread.isAlive()).as("the scan thread ended with the stop").isFalse();
        // At most the run that was already starting when stop was called.
        assertThat(startedAfterStop.get()).isLessThanOrEqualTo(1);
        task.stop(Duration.ZERO); // idempotent
    }
}
