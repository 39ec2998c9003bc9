package fr.opaline.ui.concurrent;

import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * A piece of work running in the background, as the status bar shows it: what it is, how far it
 * went, and a way to cancel it. Properties change on the UI executor only.
 */
public final class BackgroundTask<T> implements TaskProgress {

    private final String description;
    private final boolean cancellable;
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(-1);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final AtomicBoolean cancelled = new AtomicBoolean();
    private final AtomicReference<Progress> pendingProgress = new AtomicReference<>();
    private final Background owner;
    private volatile Future<?> future;
    private volatile Runnable onCancelled = () -> { };

    private record Progress(double fraction, String message) {
    }

    BackgroundTask(Background owner, String description, boolean cancellable) {
        this.owner = owner;
        this.description = description;
        this.cancellable = cancellable;
    }

    public String description() {
        return description;
    }

    public boolean cancellable() {
        return cancellable;
    }

    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    @Override
    public boolean isCancelled() {
        return cancelled.get();
    }

    /** Progress from the worker thread: coalesced, so a chatty worker cannot flood the FX thread. */
    @Override
    public void update(double fraction, String text) {
        if (pendingProgress.getAndSet(new Progress(fraction, text == null ? "" : text)) == null) {
            owner.onUi(() -> {
                Progress latest = pendingProgress.getAndSet(null);
                if (latest != null) {
                    progress.set(latest.fraction());
                    message.set(latest.message());
                }
            });
        }
    }

    /** Stops the work (the worker thread is interrupted); neither success nor failure is reported. */
    public void cancel() {
        if (!cancellable || !cancelled.compareAndSet(false, true)) {
            return;
        }
        Future<?> running = future;
        if (running != null) {
            running.cancel(true);
        }
        owner.onUi(() -> {
            owner.finished(this);
            onCancelled.run();
        });
    }

    /** What to do on the UI executor once the task is cancelled. */
    public BackgroundTask<T> whenCancelled(Runnable action) {
        this.onCancelled = action;
        return this;
    }

    /** Never run (the desktop is closing): reported neither as success nor as failure. */
    void abandon() {
        cancelled.set(true);
    }

    void attach(Future<?> running) {
        this.future = running;
    }

    boolean wasCancelled() {
        return cancelled.get();
    }
}
