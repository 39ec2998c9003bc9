package fr.opaline.ui.concurrent;

import static org.assertj.core.api.Assertions.assertThat;

import fr.opaline.ui.testing.Stepped;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class CoalescingRefreshTest {

    final Stepped stepped = new Stepped();
    final AtomicInteger source = new AtomicInteger();
    final AtomicInteger reads = new AtomicInteger();
    final List<Integer> shown = new ArrayList<>();
    final List<String> failures = new ArrayList<>();

    CoalescingRefresh<Integer> refresh(boolean failing) {
        return new CoalescingRefresh<>(stepped.background(), "lecture", () -> progress -> {
            reads.incrementAndGet();
            if (failing) {
                throw new IllegalStateException("base indisponible");
            }
            return source.get();
        }, shown::add, failure -> failures.add(failure.getMessage()));
    }

    @Test
    void oneReadInFlightAndManyRequestsMeanwhileMakeOneMoreReadWhoseResultAloneIsShown() {
        CoalescingRefresh<Integer> refresh = refresh(false);
        source.set(1);
        refresh.request();
        assertThat(refresh.reading()).isTrue();
        stepped.work();
        source.set(2);
        refresh.request();
        refresh.request();
        refresh.request();
        assertThat(stepped.pendingWork()).as("never two reads at once").isZero();

        stepped.settle();

        assertThat(reads).hasValue(2);
        assertThat(shown).as("the overtaken read is not shown").containsExactly(2);
        assertThat(refresh.reading()).isFalse();
    }

    @Test
    void aRequestAfterTheReadEndedReadsAgain() {
        CoalescingRefresh<Integer> refresh = refresh(false);
        refresh.request();
        stepped.settle();
        source.set(5);
        refresh.request();
        stepped.settle();
        assertThat(shown).containsExactly(0, 5);
    }

    @Test
    void aFailedReadIsReportedAndTheNextRequestReadsAgain() {
        CoalescingRefresh<Integer> refresh = refresh(true);
        refresh.request();
        stepped.work();
        refresh.request();
        stepped.settle();
        assertThat(failures).containsExactly("base indisponible");
        assertThat(reads).as("the request queued during a failing read is dropped").hasValue(1);
        assertThat(refresh.reading()).isFalse();
        refresh.request();
        stepped.settle();
        assertThat(reads).hasValue(2);
    }

    @Test
    void startReadsNowAndPeriodicallyUntilStopped() {
        CoalescingRefresh<Integer> refresh = refresh(false);
        refresh.start(Duration.ofHours(1));
        assertThat(refresh.periodic()).isTrue();
        stepped.settle();
        assertThat(shown).containsExactly(0);
        refresh.stop();
        assertThat(refresh.periodic()).isFalse();
        refresh.stop();
    }

    @Test
    void periodicRequestsArriveThroughTheUiExecutor() throws Exception {
        List<Runnable> ui = new ArrayList<>();
        try (Background background = new Background(java.util.concurrent.Executors.newSingleThreadExecutor(),
                r -> {
                    synchronized (ui) {
                        ui.add(r);
                    }
                })) {
            CoalescingRefresh<Integer> refresh = new CoalescingRefresh<>(background, "lecture",
                    () -> progress -> reads.incrementAndGet(), shown::add, failure -> failures.add("x"));
            refresh.start(Duration.ofMillis(20));
            long until = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (reads.get() < 1 && System.nanoTime() < until) {
                Thread.sleep(10);
            }
            Thread.sleep(100);
            refresh.stop();
            int handed;
            synchronized (ui) {
                handed = ui.size();
            }
            assertThat(reads).hasValue(1);
            assertThat(handed).as("timer ticks are handed to the UI executor, not run on the timer")
                    .isGreaterThan(1);
        }
    }
}
