package fr.opaline.core.backup;

import fr.opaline.core.lifecycle.ManagedService;
import fr.opaline.core.persistence.Database;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Backs the database up at the scheduled times of day and keeps the newest {@code retention}
 * scheduled backups (SC.SSI/GEN.21). A backup missed while the server was off is taken shortly
 * after start. A failure is logged and shown by the health endpoint; the next run tries again.
 */
public final class ScheduledBackups implements ManagedService {

    private static final Logger LOG = LoggerFactory.getLogger(ScheduledBackups.class);

    private final Database database;
    private final DatabaseBackup backup;
    private final BackupFiles files;
    private final BackupSchedule schedule;
    private final int retention;
    private final Duration catchUpDelay;
    private final Clock clock;
    private final Object runLock = new Object();
    private ScheduledThreadPoolExecutor scheduler;
    private volatile Instant nextRunAt;
    private volatile Outcome lastSuccess;
    private volatile Outcome lastFailure;

    /** What one run gave: when, which file, how big, or why it failed. */
    public record Outcome(Instant at, Path file, long bytes, long rows, String error) {
    }

    /**
     * @param retention    scheduled backups kept (at least 1)
     * @param catchUpDelay wait after start before taking a missed backup (lets the server settle)
     */
    public ScheduledBackups(Database database, DatabaseBackup backup, BackupFiles files, BackupSchedule schedule,
                            int retention, Duration catchUpDelay, Clock clock) {
        if (retention < 1) {
            throw new IllegalArgumentException("Rétention des sauvegardes : au moins 1 sauvegarde à garder");
        }
        this.database = database;
        this.backup = backup;
        this.files = files;
        this.schedule = schedule;
        this.retention = retention;
        this.catchUpDelay = catchUpDelay;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "scheduled-backups";
    }

    @Override
    public synchronized void start() throws Exception {
        if (scheduler != null) {
            return;
        }
        Files.createDirectories(files.directory());
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "scheduled-backups");
            t.setDaemon(true);
            return t;
        });
        // On stop, runs not yet started are dropped; only a backup being written is waited for.
        executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        executor.setRemoveOnCancelPolicy(true);
        scheduler = executor;
        Instant now = clock.instant();
        Optional<Instant> newest = files.newest();
        boolean missed = newest.isEmpty() || newest.get().isBefore(schedule.previousAtOrBefore(now));
        if (missed) {
            LOG.info("No scheduled backup since {}: taking one in {}", schedule.previousAtOrBefore(now), catchUpDelay);
            scheduleAt(now.plus(catchUpDelay));
        } else {
            scheduleAt(schedule.nextAfter(now));
        }
        LOG.info("Scheduled backups at {} ({}) into {}, keeping {}", schedule, schedule.zone(), files.directory(),
                retention);
    }

    private synchronized void scheduleAt(Instant when) {
        if (scheduler == null || scheduler.isShutdown()) {
            return;
        }
        nextRunAt = when;
        long delay = Math.max(0, Duration.between(clock.instant(), when).toMillis());
        scheduler.schedule(this::scheduledRun, delay, TimeUnit.MILLISECONDS);
    }

    private void scheduledRun() {
        runNow();
        scheduleAt(schedule.nextAfter(clock.instant()));
    }

    /** Takes a backup now and applies the retention. Never throws: the outcome says what happened. */
    public Outcome runNow() {
        synchronized (runLock) {
            Instant started = clock.instant();
            Path file = files.fileFor(started);
            try {
                BackupManifest manifest = backup.write(database, file);
                List<Path> deleted = files.prune(retention);
                Outcome outcome = new Outcome(started, file, Files.size(file), manifest.totalRows(), null);
                lastSuccess = outcome;
                LOG.info("Backup written: {} ({} rows, {} bytes); {} old backup(s) deleted", file,
                        manifest.totalRows(), outcome.bytes(), deleted.size());
                return outcome;
            } catch (Exception e) {
                Outcome outcome = new Outcome(started, file, 0, 0, e.getMessage() == null ? e.toString() : e.getMessage());
                lastFailure = outcome;
                LOG.error("Scheduled backup to {} failed: {}", file, outcome.error(), e);
                return outcome;
            }
        }
    }

    @Override
    public void stop(Duration grace) {
        ScheduledThreadPoolExecutor executor;
        synchronized (this) {
            executor = scheduler;
            if (executor == null) {
                return;
            }
            scheduler = null;
            nextRunAt = null;
        }
        executor.shutdown(); // cancels the future runs; a backup being written goes on
        try {
            if (!executor.awaitTermination(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.warn("Backup still running after {}: abandoned (its partial file is deleted at next start)", grace);
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            executor.shutdownNow();
        }
    }

    public Optional<Outcome> lastSuccess() {
        return Optional.ofNullable(lastSuccess);
    }

    public Optional<Outcome> lastFailure() {
        return Optional.ofNullable(lastFailure);
    }

    @Override
    public Map<String, Object> healthDetails() {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("directory", files.directory().toString());
        details.put("schedule", schedule.toString());
        details.put("retention", retention);
        details.put("nextRun", nextRunAt == null ? null : nextRunAt.toString());
        Outcome success = lastSuccess;
        Optional<Instant> newest = success != null ? Optional.of(success.at()) : files.newest();
        details.put("lastSuccess", newest.map(Instant::toString).orElse(null));
        Outcome failure = lastFailure;
        if (failure != null && (success == null || failure.at().isAfter(success.at()))) {
            details.put("lastFailure", failure.at().toString());
            details.put("lastError", failure.error());
            details.put(PROBLEM, "Dernière sauvegarde en échec : " + failure.error());
        }
        details.put("kept", files.list().size());
        return details;
    }
}
