package fr.opaline.ui.concurrent;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ScheduledFuture;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * A screen's "read again" in the background: one read in flight at a time; a refresh asked while
 * a read runs is not lost but queued (once, however many are asked), and the result of the read
 * it overtakes is not shown, since it may predate what the user just did. Optionally periodic.
 * Requests, results and failures are handled on the UI executor of {@link Background}.
 *
 * @param <T> what one read returns
 */
public final class CoalescingRefresh<T> {

    private final Background background;
    private final String description;
    private final Supplier<Work<T>> prepare;
    private final Consumer<? super T> onRead;
    private final Consumer<Throwable> onFailure;
    private boolean reading;
    private boolean queued;
    private ScheduledFuture<?> periodic;

    /**
     * @param prepare   called on the UI thread when a read starts: captures the screen's filters
     *                  and returns the work to run off it
     * @param onRead    shows a read (UI thread)
     * @param onFailure shows a failed read (UI thread); a re-read queued meanwhile is dropped,
     *                  the next request or period reads again
     */
    public CoalescingRefresh(Background background, String description, Supplier<Work<T>> prepare,
                             Consumer<? super T> onRead, Consumer<Throwable> onFailure) {
        this.background = Objects.requireNonNull(background, "background");
        this.description = Objects.requireNonNull(description, "description");
        this.prepare = Objects.requireNonNull(prepare, "prepare");
        this.onRead = Objects.requireNonNull(onRead, "onRead");
        this.onFailure = Objects.requireNonNull(onFailure, "onFailure");
    }

    /** Reads now, or once more after the read in flight. */
    public void request() {
        synchronized (this) {
            if (reading) {
                queued = true;
                return;
            }
            reading = true;
        }
        launch();
    }

    /** A read is in flight. */
    public synchronized boolean reading() {
        return reading;
    }

    private void launch() {
        Work<T> work;
        try {
            work = prepare.get();
        } catch (RuntimeException e) {
            failed(e);
            return;
        }
        background.run(description, work, this::read, this::failed);
    }

    private void read(T result) {
        boolean again;
        synchronized (this) {
            again = queued;
            queued = false;
            reading = again;
        }
        if (again) {
            launch();
        } else {
            onRead.accept(result);
        }
    }

    private void failed(Throwable failure) {
        synchronized (this) {
            reading = false;
            queued = false;
        }
        onFailure.accept(failure);
    }

    /** Reads now and then every period, until {@link #stop()}. */
    public void start(Duration period) {
        stop();
        request();
        ScheduledFuture<?> next = background.every(period, () -> background.onUi(this::request));
        synchronized (this) {
            periodic = next;
        }
    }

    /** Stops the periodic reads (a read in flight still ends and is shown). */
    public void stop() {
        ScheduledFuture<?> was;
        synchronized (this) {
            was = periodic;
            periodic = null;
        }
        if (was != null) {
            was.cancel(false);
        }
    }

    /** Periodic reads are on. */
    public synchronized boolean periodic() {
        return periodic != null;
    }
}
