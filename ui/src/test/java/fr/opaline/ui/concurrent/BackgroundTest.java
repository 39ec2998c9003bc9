package fr.opaline.ui.concurrent;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class BackgroundTest {

    final ExecutorService ui = Executors.newSingleThreadExecutor();
    final Background background = new Background(Executors.newFixedThreadPool(2), ui);
    final List<String> events = new CopyOnWriteArrayList<>();

    @AfterEach
    void close() {
        background.close();
        ui.shutdownNow();
    }

    void drainUi() throws Exception {
        ui.submit(() -> { }).get(5, TimeUnit.SECONDS);
    }

    @Test
    void resultsComeBackOnTheUiExecutorAndTheTaskLeavesTheRunningList() throws Exception {
        CountDownLatch done = new CountDownLatch(1);
        Thread[] uiThread = new Thread[1];
        ui.submit(() -> uiThread[0] = Thread.currentThread()).get();
        background.run("lecture", progress -> Thread.currentThread(), worker -> {
            events.add(worker == uiThread[0] ? "worker was ui" : "worker was not ui");
            events.add(Thread.currentThread() == uiThread[0] ? "callback on ui" : "callback elsewhere");
            done.countDown();
        }, failure -> events.add("failed"));
        assertThat(done.await(5, TimeUnit.SECONDS)).isTrue();
        drainUi();
        assertThat(events).containsExactly("worker was not ui", "callback on ui");
        assertThat(background.running()).isEmpty();
    }

    @Test
    void workHandedOverWhileTheDesktopClosesIsDroppedQuietly() throws Exception {
        background.close();
        BackgroundTask<String> task = background.run("lecture périodique", progress -> "lu", ok -> events.add("ok"),
                failure -> events.add("failed"));
        drainUi();
        assertThat(task.isCancelled()).isTrue();
        assertThat(events).isEmpty();
        assertThat(background.running()).isEmpty();
    }

    @Test
    void laterRunsTheActionOnceAfterTheDelay() throws Exception {
        CountDownLatch done = new CountDownLatch(1);
        long start = System.nanoTime();
        background.later(java.time.Duration.ofMillis(150), done::countDown);
        assertThat(done.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isGreaterThanOrEqualTo(140);
    }

    @Test
    void failuresReachTheFailureCallback() throws Exception {
        CountDownLatch done = new CountDownLatch(1);
        background.run("lecture", progress -> {
            throw new IllegalStateException("base indisponible");
        }, ok -> events.add("ok"), failure -> {
            events.add(failure.getMessage());
            done.countDown();
        });
        assertThat(done.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(events).containsExactly("base indisponible");
    }

    @Test
    void cancellingInterruptsTheWorkAndReportsNeitherResultNorFailure() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        AtomicBoolean interrupted = new AtomicBoolean();
        CountDownLatch cancelledOnUi = new CountDownLatch(1);
        BackgroundTask<String> task = background.runCancellable("attente", progress -> {
            started.countDown();
            progress.update(0.5, "à moitié");
            try {
                Thread.sleep(10_000);
            } catch (InterruptedException e) {
                interrupted.set(true);
                assertThat(progress.isCancelled()).isTrue();
                throw e;
            }
            return "fini";
        }, events::add, failure -> events.add("failed"));
        task.whenCancelled(cancelledOnUi::countDown);
        assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();
        drainUi();
        assertThat(background.running()).containsExactly(task);

        task.cancel();

        assertThat(cancelledOnUi.await(5, TimeUnit.SECONDS)).isTrue();
        Thread.sleep(100);
        drainUi();
        assertThat(interrupted).isTrue();
        assertThat(events).isEmpty();
        assertThat(background.running()).isEmpty();
    }

    @Test
    void theLatestProgressReachesTheUiEvenWhenItIsBusy() throws Exception {
        CountDownLatch blockUi = new CountDownLatch(1);
        ui.submit(() -> {
            try {
                blockUi.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        CountDownLatch reported = new CountDownLatch(1);
        BackgroundTask<Integer> task = background.runCancellable("calcul", progress -> {
            for (int i = 1; i <= 1000; i++) {
                progress.update(i / 1000.0, "étape " + i);
            }
            reported.countDown();
            return 1000;
        }, n -> { }, failure -> { });
        assertThat(reported.await(5, TimeUnit.SECONDS)).isTrue();
        blockUi.countDown();
        drainUi();
        drainUi();
        assertThat(task.progressProperty().get()).isEqualTo(1.0);
        assertThat(task.messageProperty().get()).isEqualTo("étape 1000");
    }
}
