package fr.opaline.ui.concurrent;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Measures how long the FX thread takes to run a heartbeat posted to it. A thread that answers
 * later than the threshold was busy (blocked on I/O, a lock, or long work): that is a
 * violation, recorded with the FX thread's stack sampled while it was stuck, so the culprit
 * is named. The desktop logs violations; the journey tests fail on them.
 */
public final class FxThreadWatchdog implements AutoCloseable {

    /** A period during which the FX thread did not answer. */
    public record Violation(Duration blocked, List<StackTraceElement> stack) {

        @Override
        public String toString() {
            return "FX thread blocked " + blocked.toMillis() + " ms, at:\n"
                    + stack.stream().limit(25).map(e -> "    at " + e).collect(Collectors.joining("\n"));
        }
    }

    private static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(5);

    private final long thresholdNanos;
    private final Executor fx;
    private final Consumer<Violation> listener;
    private final List<Violation> violations = new CopyOnWriteArrayList<>();
    private final Object lock = new Object();
    private volatile Thread fxThread;
    private volatile boolean running;
    private Thread sampler;

    // Guarded by lock: the heartbeat in flight.
    private long postedAt;
    private boolean pending;
    private List<StackTraceElement> sampledStack;

    /**
     * @param fx       posts to the FX thread ({@code Platform::runLater})
     * @param listener told about each violation, on the watchdog's thread
     */
    public FxThreadWatchdog(Duration threshold, Executor fx, Consumer<Violation> listener) {
        this.thresholdNanos = threshold.toNanos();
        this.fx = Objects.requireNonNull(fx, "fx");
        this.listener = Objects.requireNonNull(listener, "listener");
    }

    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        sampler = new Thread(this::watch, "opaline-fx-watchdog");
        sampler.setDaemon(true);
        sampler.start();
    }

    private void watch() {
        while (running) {
            long now = System.nanoTime();
            boolean post = false;
            synchronized (lock) {
                if (!pending) {
                    pending = true;
                    postedAt = now;
                    sampledStack = null;
                    post = true;
                } else if (sampledStack == null && now - postedAt > thresholdNanos && fxThread != null) {
                    sampledStack = Arrays.asList(fxThread.getStackTrace());
                }
            }
            if (post) {
                fx.execute(this::heartbeat);
            }
            try {
                TimeUnit.NANOSECONDS.sleep(POLL_NANOS);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void heartbeat() {
        long now = System.nanoTime();
        fxThread = Thread.currentThread();
        Violation violation = null;
        synchronized (lock) {
            long latency = now - postedAt;
            pending = false;
            if (running && latency > thresholdNanos) {
                violation = new Violation(Duration.ofNanos(latency),
                        sampledStack == null ? List.of() : List.copyOf(sampledStack));
            }
        }
        if (violation != null) {
            violations.add(violation);
            listener.accept(violation);
        }
    }

    /** Violations so far, plus the heartbeat still unanswered if it is already late. */
    public List<Violation> violations() {
        List<Violation> all = new ArrayList<>(violations);
        synchronized (lock) {
            long late = System.nanoTime() - postedAt;
            if (running && pending && late > thresholdNanos) {
                all.add(new Violation(Duration.ofNanos(late), sampledStack == null ? List.of() : sampledStack));
            }
        }
        return all;
    }

    public void clear() {
        violations.clear();
    }

    @Override
    public synchronized void close() {
        running = false;
        if (sampler != null) {
            sampler.interrupt();
        }
    }
}
