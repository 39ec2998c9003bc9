package fr.opaline.ui.concurrent;

import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the client's database and network work off the FX thread and hands results back to it.
 * View-models only talk to this class, so their tests can run it on plain executors without
 * the JavaFX toolkit. The list of running tasks feeds the status bar (progress and cancel).
 */
public final class Background implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Background.class);

    private final ExecutorService workers;
    private final ScheduledExecutorService timers;
    private final Executor ui;
    private final ObservableList<BackgroundTask<?>> running = FXCollections.observableArrayList();

    public Background(ExecutorService workers, Executor ui) {
        this.workers = Objects.requireNonNull(workers, "workers");
        this.ui = Objects.requireNonNull(ui, "ui");
        this.timers = Executors.newSingleThreadScheduledExecutor(daemon("opaline-ui-timer"));
    }

    /** Worker threads for the desktop; results delivered on the FX thread. */
    public static Background forFx() {
        return new Background(Executors.newFixedThreadPool(4, daemon("opaline-ui-worker")), Platform::runLater);
    }

    static ThreadFactory daemon(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    /** Tasks still running, changed on the UI executor only. */
    public ObservableList<BackgroundTask<?>> running() {
        return running;
    }

    /** Short work (a query): not cancellable by the user. */
    public <T> BackgroundTask<T> run(String description, Work<T> work, Consumer<? super T> onSuccess,
                                     Consumer<Throwable> onFailure) {
        return submit(description, false, work, onSuccess, onFailure);
    }

    /** Long work: shown with its progress in the status bar, and cancellable. */
    public <T> BackgroundTask<T> runCancellable(String description, Work<T> work, Consumer<? super T> onSuccess,
                                                Consumer<Throwable> onFailure) {
        return submit(description, true, work, onSuccess, onFailure);
    }

    private <T> BackgroundTask<T> submit(String description, boolean cancellable, Work<T> work,
                                         Consumer<? super T> onSuccess, Consumer<Throwable> onFailure) {
        BackgroundTask<T> task = new BackgroundTask<>(this, description, cancellable);
        onUi(() -> {
            if (!task.wasCancelled()) {
                running.add(task);
            }
        });
        java.util.concurrent.Future<?> future;
        try {
            future = workers.submit(() -> {
            T result;
            try {
                result = work.run(task);
            } catch (Throwable failure) {
                if (failure instanceof InterruptedException) {
                    Thread.currentThread().interrupt();
                }
                onUi(() -> {
                    if (!task.wasCancelled()) {
                        finished(task);
                        onFailure.accept(failure);
                    }
                });
                return;
            }
            onUi(() -> {
                if (!task.wasCancelled()) {
                    finished(task);
                    onSuccess.accept(result);
                }
            });
            });
        } catch (java.util.concurrent.RejectedExecutionException closing) {
            // A periodic refresh handed over while the desktop closes: nothing left to do it for.
            LOG.debug("Desktop closing: \"{}\" not run", description);
            task.abandon();
            onUi(() -> finished(task));
            return task;
        }
        task.attach(future);
        return task;
    }

    /** Calls action every period on the timer thread (which must only hand work over, never do it). */
    public ScheduledFuture<?> every(java.time.Duration period, Runnable action) {
        long millis = period.toMillis();
        return timers.scheduleWithFixedDelay(() -> {
            try {
                action.run();
            } catch (RuntimeException e) {
                LOG.warn("Periodic UI action failed: {}", e.toString());
            }
        }, millis, millis, TimeUnit.MILLISECONDS);
    }

    /** Calls action once after the delay on the timer thread (which must only hand work over, never do it). */
    public ScheduledFuture<?> later(java.time.Duration delay, Runnable action) {
        return timers.schedule(() -> {
            try {
                action.run();
            } catch (RuntimeException e) {
                LOG.warn("Delayed UI action failed: {}", e.toString());
            }
        }, delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Runs an action on the UI executor (the FX thread in the desktop). */
    public void onUi(Runnable action) {
        ui.execute(action);
    }

    void finished(BackgroundTask<?> task) {
        running.remove(task);
    }

    @Override
    public void close() {
        timers.shutdownNow();
        workers.shutdownNow();
    }
}
