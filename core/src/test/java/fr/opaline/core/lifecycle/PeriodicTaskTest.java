package fr.opaline.core.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class PeriodicTaskTest {

    @Test
    void runsAtOnceKeepsRunningAfterAFailedScanAndStopsWhenAsked() throws Exception {
        AtomicInteger runs = new AtomicInteger();
        CountDownLatch third = new CountDownLatch(3);
        PeriodicTask task = new PeriodicTask("test-scan", Duration.ofMillis(20), () -> {
            runs.incrementAndGet();
            third.countDown();
            if (runs.get() == 1) {
                throw new IllegalStateException("base indisponible");
            }
        });
        task.start();
        assertThat(third.await(10, TimeUnit.SECONDS)).as("runs again after the failed first scan").isTrue();
        task.stop(Duration.ZERO);
        int stoppedAt = runs.get();
        Thread.sleep(300);
        // At most the run that was already starting when stop was called.
        assertThat(runs.get()).isLessThanOrEqualTo(stoppedAt + 1);
        task.stop(Duration.ZERO); // idempotent
    }
}
