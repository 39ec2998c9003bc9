package fr.opaline.core.lifecycle;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A scan run on its own daemon thread, at once then after each fixed delay, for the services that
 * look for work periodically (INS verifications due, DMP authorisations to renew). A failed run is
 * logged and the next one happens: the scans are idempotent. The practice server starts and stops it
 * like any other service; the scanners themselves only know how to scan once.
 */
public final class PeriodicTask implements ManagedService {

    private static final Logger LOG = LoggerFactory.getLogger(PeriodicTask.class);

    private final String name;
    private final Duration interval;
    private final Runnable scan;
    private ScheduledExecutorService timer;

    public PeriodicTask(String name, Duration interval, Runnable scan) {
        this.name = name;
        this.interval = interval;
        this.scan = scan;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public synchronized void start() {
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
        timer.scheduleWithFixedDelay(() -> {
            try {
                scan.run();
            } catch (RuntimeException e) {
                LOG.warn("{}: scan failed: {}", name, e.toString());
            }
        }, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Cancels future runs and interrupts the one in progress (its work is idempotent and redone next time). */
    @Override
    public synchronized void stop(Duration grace) {
        if (timer != null) {
            timer.shutdownNow();
            timer = null;
        }
    }
}
