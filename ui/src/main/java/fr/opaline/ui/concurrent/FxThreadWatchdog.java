package fr.opaline.ui.concurrent;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Watches the FX thread: a heartbeat is posted to it continuously and a heartbeat answered later
 * than the threshold is a stall. During a stall the FX thread is measured (its CPU time) and
 * sampled (state and stack every few milliseconds), so each stall says what held the thread:
 * <ul>
 * <li>{@link Cause#BLOCKING}: it waited longer than the threshold on I/O, a sleep or a lock
 * outside JavaFX (a database call on the FX thread looks like this);</li>
 * <li>{@link Cause#APPLICATION_WORK}: it computed longer than the threshold, Opaline code on
 * its stack;</li>
 * <li>{@link Cause#TOOLKIT_WORK}: it computed longer than the threshold in JavaFX alone (CSS,
 * layout of too many nodes);</li>
 * <li>{@link Cause#STARVED}: it neither computed nor waited that long: the machine did not give
 * it a processor (or JavaFX waited for its renderer). Not the application's doing.</li>
 * </ul>
 * The desktop logs every stall; the journey tests fail on all but the last kind.
 */
public final class FxThreadWatchdog implements AutoCloseable {

    /** What held the FX thread during a stall. */
    public enum Cause {
        BLOCKING, APPLICATION_WORK, TOOLKIT_WORK, STARVED;

        /** Whether the application (not the machine) froze its interface. */
        public boolean blocksTheInterface() {
            return this != STARVED;
        }
    }

    /**
     * A period during which the FX thread did not answer.
     *
     * @param blocked how long the heartbeat waited
     * @param busy    CPU time the FX thread used meanwhile
     * @param waited  time it spent waiting outside JavaFX (I/O, sleep, lock), from the samples
     */
    public record Violation(Duration blocked, Duration busy, Duration waited, Cause cause,
                            List<StackTraceElement> stack, int samples) {

        /** The top of the stack, then Opaline's own frames further down (where to look). */
        @Override
        public String toString() {
            List<StackTraceElement> shown = new ArrayList<>(stack.subList(0, Math.min(15, stack.size())));
            stack.stream().skip(15).filter(e -> e.getClassName().startsWith("fr.opaline.")).forEach(shown::add);
            return "FX thread blocked " + blocked.toMillis() + " ms (" + cause + ": busy " + busy.toMillis()
                    + " ms, waiting " + waited.toMillis() + " ms, " + samples + " sample(s)), at:\n"
                    + shown.stream().map(e -> "    at " + e).collect(Collectors.joining("\n"));
        }
    }

    /** One look at the FX thread while a heartbeat was late. */
    record Sample(long at, Thread.State state, StackTraceElement[] stack) {
    }

    private static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(5);
    private static final int MAX_SAMPLES = 400;

    private final long thresholdNanos;
    private final Executor fx;
    private final Consumer<Violation> listener;
    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final List<Violation> violations = new CopyOnWriteArrayList<>();
    private final Queue<Violation> toReport = new ConcurrentLinkedQueue<>();
    private final Object lock = new Object();
    private volatile Thread fxThread;
    private volatile boolean running;
    private Thread sampler;

    // Guarded by lock: the heartbeat in flight and what the FX thread did meanwhile.
    private long postedAt;
    private long cpuAtPost = -1;
    private boolean pending;
    private final List<Sample> samples = new ArrayList<>();

    /**
     * @param fx       posts to the FX thread ({@code Platform::runLater})
     * @param listener told about each stall, on the watchdog's thread (never the FX thread)
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
            boolean sample = false;
            long window;
            Thread watched = fxThread;
            // The CPU time and the stack are read outside the lock: the FX thread's heartbeat takes
            // that lock, and must never wait for a stack walk of itself (a false stall).
            long cpu = watched == null ? -1 : cpuTime(watched);
            synchronized (lock) {
                if (!pending) {
                    pending = true;
                    postedAt = now;
                    cpuAtPost = cpu;
                    samples.clear();
                    post = true;
                } else {
                    sample = watched != null && samples.size() < MAX_SAMPLES;
                }
                window = postedAt;
            }
            if (sample) {
                Sample taken = new Sample(now, watched.getState(), watched.getStackTrace());
                synchronized (lock) {
                    if (pending && postedAt == window && samples.size() < MAX_SAMPLES) {
                        samples.add(taken);
                    }
                }
            }
            if (post) {
                fx.execute(this::heartbeat);
            }
            for (Violation found = toReport.poll(); found != null; found = toReport.poll()) {
                listener.accept(found);
            }
            try {
                TimeUnit.NANOSECONDS.sleep(POLL_NANOS);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private long cpuTime(Thread thread) {
        try {
            return threads.isThreadCpuTimeSupported() ? threads.getThreadCpuTime(thread.getId()) : -1;
        } catch (UnsupportedOperationException e) {
            return -1;
        }
    }

    private void heartbeat() {
        long now = System.nanoTime();
        fxThread = Thread.currentThread();
        long cpuNow = cpuTime(fxThread);
        Violation violation = null;
        synchronized (lock) {
            long latency = now - postedAt;
            pending = false;
            if (running && latency > thresholdNanos) {
                long busy = cpuAtPost < 0 || cpuNow < 0 ? latency : cpuNow - cpuAtPost;
                violation = classify(Duration.ofNanos(latency), Duration.ofNanos(busy), postedAt, samples,
                        thresholdNanos);
            }
        }
        if (violation != null) {
            violations.add(violation);
            toReport.add(violation);
        }
    }

    /** What the samples and the CPU time say about one stall. */
    static Violation classify(Duration blocked, Duration busy, long postedAt, List<Sample> samples, long thresholdNanos) {
        long waited = 0;
        long previous = postedAt;
        StackTraceElement[] waitingStack = null;
        StackTraceElement[] applicationStack = null;
        for (Sample sample : samples) {
            if (isWaitingOutsideJavaFx(sample)) {
                waited += sample.at() - previous;
                waitingStack = waitingStack == null ? sample.stack() : waitingStack;
            }
            if (applicationStack == null && hasApplicationFrame(sample.stack())) {
                applicationStack = sample.stack();
            }
            previous = sample.at();
        }
        StackTraceElement[] last = samples.isEmpty() ? new StackTraceElement[0] : samples.get(samples.size() - 1).stack();
        Cause cause;
        StackTraceElement[] shown;
        if (waited > thresholdNanos) {
            cause = Cause.BLOCKING;
            shown = waitingStack;
        } else if (busy.toNanos() > thresholdNanos) {
            cause = applicationStack != null ? Cause.APPLICATION_WORK : Cause.TOOLKIT_WORK;
            shown = applicationStack != null ? applicationStack : last;
        } else {
            cause = Cause.STARVED;
            shown = applicationStack != null ? applicationStack : last;
        }
        return new Violation(blocked, busy, Duration.ofNanos(waited), cause, List.of(shown), samples.size());
    }

    static boolean hasApplicationFrame(StackTraceElement[] stack) {
        for (StackTraceElement frame : stack) {
            String type = frame.getClassName();
            if (type.startsWith("fr.opaline.") && !type.startsWith(FxThreadWatchdog.class.getName())) {
                return true;
            }
        }
        return false;
    }

    /** Waiting (a lock, a sleep, I/O), unless JavaFX itself is waiting (e.g. its renderer). */
    static boolean isWaitingOutsideJavaFx(Sample sample) {
        StackTraceElement[] stack = sample.stack();
        boolean waiting = sample.state() == Thread.State.BLOCKED || sample.state() == Thread.State.WAITING
                || sample.state() == Thread.State.TIMED_WAITING || stack.length > 0 && isNativeIo(stack[0]);
        return waiting && !waitsForJavaFx(stack);
    }

    private static boolean isNativeIo(StackTraceElement top) {
        String type = top.getClassName();
        return type.startsWith("sun.nio.ch.") || type.startsWith("java.net.") || type.equals("java.io.FileInputStream")
                || type.equals("java.io.RandomAccessFile") || type.equals("java.io.FileOutputStream");
    }

    /** The first caller outside the JDK is JavaFX. */
    private static boolean waitsForJavaFx(StackTraceElement[] stack) {
        for (StackTraceElement frame : stack) {
            String type = frame.getClassName();
            if (type.startsWith("java.") || type.startsWith("jdk.") || type.startsWith("sun.")) {
                continue;
            }
            return type.startsWith("com.sun.javafx.") || type.startsWith("com.sun.glass.")
                    || type.startsWith("com.sun.prism.") || type.startsWith("javafx.");
        }
        return false;
    }

    /** Stalls so far, plus the heartbeat still unanswered if it is already late. */
    public List<Violation> violations() {
        List<Violation> all = new ArrayList<>(violations);
        synchronized (lock) {
            long late = System.nanoTime() - postedAt;
            Thread watched = fxThread;
            if (running && pending && late > thresholdNanos && watched != null) {
                long cpuNow = cpuTime(watched);
                long busy = cpuAtPost < 0 || cpuNow < 0 ? late : cpuNow - cpuAtPost;
                all.add(classify(Duration.ofNanos(late), Duration.ofNanos(busy), postedAt, samples, thresholdNanos));
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
