package fr.opaline.core.outbox;

import fr.opaline.core.lifecycle.ManagedService;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs outbox jobs with their handlers: a few threads lease due jobs, execute them outside any
 * database transaction, renew the lease while they run, and record the outcome.
 * On {@link #stop(Duration)} no new job is taken (one leased in the race with the stop is given
 * back untouched); jobs in flight finish within the grace, after which their threads are
 * interrupted and an interrupted job is released, to run again later.
 */
public final class OutboxWorker implements ManagedService {

    private static final Logger LOG = LoggerFactory.getLogger(OutboxWorker.class);

    private final Outbox outbox;
    private final Map<String, JobHandler> handlers = new ConcurrentHashMap<>();
    private final String owner;
    private final int threads;
    private final Duration leaseDuration;
    private final Duration pollInterval;
    private final AtomicBoolean running = new AtomicBoolean();
    private volatile boolean stopping;
    private final AtomicLong inFlight = new AtomicLong();
    private final Semaphore wakeUp = new Semaphore(0);
    private final AtomicLong executed = new AtomicLong();
    private ExecutorService pool;
    private ScheduledExecutorService heartbeat;

    public OutboxWorker(Outbox outbox, String owner, int threads, Duration leaseDuration, Duration pollInterval) {
        this.outbox = outbox;
        this.owner = owner;
        this.threads = threads;
        this.leaseDuration = leaseDuration;
        this.pollInterval = pollInterval;
        outbox.onEnqueue(() -> wakeUp.release(threads));
    }

    public OutboxWorker register(JobHandler handler) {
        handlers.put(handler.type(), handler);
        return this;
    }

    @Override
    public String name() {
        return "outbox-worker(" + owner + ")";
    }

    /** Number of attempts this worker has executed since start. */
    public long executedAttempts() {
        return executed.get();
    }

    @Override
    public void start() {
        if (!running.compareAndSet(false, true)) {
            return;
        }
        stopping = false;
        pool = Executors.newFixedThreadPool(threads, runnable -> {
            Thread t = new Thread(runnable, "outbox-" + owner);
            t.setDaemon(true);
            return t;
        });
        heartbeat = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread t = new Thread(runnable, "outbox-lease-" + owner);
            t.setDaemon(true);
            return t;
        });
        for (int i = 0; i < threads; i++) {
            pool.submit(this::loop);
        }
        LOG.info("Outbox worker {} started with {} thread(s) for {}", owner, threads, handlers.keySet());
    }

    private void loop() {
        while (running.get()) {
            try {
                if (!runOne()) {
                    wakeUp.tryAcquire(pollInterval.toMillis(), TimeUnit.MILLISECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                // Database unreachable or similar: back off, never die.
                LOG.warn("Outbox worker {}: {}", owner, e.toString());
                try {
                    Thread.sleep(pollInterval.toMillis());
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /** Leases and runs one due job. Returns false when none was due. Visible for tests. */
    public boolean runOne() {
        if (handlers.isEmpty()) {
            return false;
        }
        Optional<Lease> leased = outbox.leaseNext(handlers.keySet(), owner, leaseDuration);
        if (leased.isEmpty()) {
            return false;
        }
        Lease lease = leased.get();
        if (stopping) {
            // Leased in the race with stop(): give it back untouched, it was never started.
            outbox.release(lease);
            return false;
        }
        inFlight.incrementAndGet();
        try {
            return run(lease);
        } finally {
            inFlight.decrementAndGet();
        }
    }

    private boolean run(Lease lease) {
        JobHandler handler = handlers.get(lease.job().type());
        long renewEvery = Math.max(1, leaseDuration.toMillis() / 3);
        ScheduledFuture<?> renewal = heartbeat == null ? null : heartbeat.scheduleAtFixedRate(
                () -> outbox.renew(lease, leaseDuration), renewEvery, renewEvery, TimeUnit.MILLISECONDS);
        JobOutcome outcome;
        try {
            executed.incrementAndGet();
            outcome = handler.handle(lease.job());
            if (outcome == null) {
                outcome = JobOutcome.failed("Le traitement n'a rendu aucun résultat");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            cancel(renewal);
            outbox.release(lease);
            return true;
        } catch (Exception e) {
            outcome = JobOutcome.retry(describe(e));
        } finally {
            cancel(renewal);
        }
        if (!outbox.complete(lease, outcome)) {
            LOG.warn("Outbox job {} ({}): lease lost before completion; outcome {} not recorded",
                    lease.job().id(), lease.job().type(), outcome);
        }
        return true;
    }

    private static void cancel(ScheduledFuture<?> renewal) {
        if (renewal != null) {
            renewal.cancel(false);
        }
    }

    private static String describe(Exception e) {
        String message = e.getMessage();
        return e.getClass().getSimpleName() + (message == null ? "" : " : " + message);
    }

    @Override
    public void stop(Duration grace) {
        stopping = true;
        if (!running.compareAndSet(true, false)) {
            return;
        }
        wakeUp.release(threads);
        pool.shutdown();
        try {
            if (!pool.awaitTermination(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                pool.shutdownNow();
                pool.awaitTermination(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            pool.shutdownNow();
        }
        heartbeat.shutdownNow();
        LOG.info("Outbox worker {} stopped", owner);
    }

    @Override
    public Map<String, Object> healthDetails() {
        return Map.of("threads", threads, "inFlight", inFlight.get(), "attemptsSinceStart", executed.get(),
                "jobTypes", new java.util.TreeSet<>(handlers.keySet()));
    }

    public List<String> handledTypes() {
        return new ArrayList<>(handlers.keySet());
    }
}
