package fr.opaline.app.wiring;

import fr.opaline.app.config.ConfigException;
import fr.opaline.app.server.ServerContribution;
import fr.opaline.core.backup.BackupFiles;
import fr.opaline.core.backup.BackupSchedule;
import fr.opaline.core.backup.DatabaseBackup;
import fr.opaline.core.backup.ScheduledBackups;
import fr.opaline.core.lifecycle.ManagedService;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Scheduled backups in the practice server: {@code backup.schedule} (times of day, default
 * 21:00), {@code backup.dir} (default {@code <home>/backups}), {@code backup.retention} (scheduled
 * backups kept, default 14), {@code backup.enabled} (default true).
 */
public final class BackupWiring implements ServerContribution {

    public static final String DEFAULT_SCHEDULE = "21:00";
    public static final int DEFAULT_RETENTION = 14;

    @Override
    public List<ManagedService> services(CoreServices core) {
        if (!core.config.getBoolean("backup.enabled", true)) {
            return List.of();
        }
        return List.of(scheduledBackups(core));
    }

    static ScheduledBackups scheduledBackups(CoreServices core) {
        Path dir = backupDirectory(core);
        BackupSchedule schedule;
        try {
            schedule = BackupSchedule.parse(core.config.get("backup.schedule", DEFAULT_SCHEDULE), core.clock.getZone());
        } catch (IllegalArgumentException e) {
            throw new ConfigException("backup.schedule : " + e.getMessage());
        }
        int retention = core.config.getInt("backup.retention", DEFAULT_RETENTION);
        if (retention < 1) {
            throw new ConfigException("backup.retention : au moins 1 sauvegarde doit être gardée");
        }
        return new ScheduledBackups(core.database, new DatabaseBackup(core.clock),
                new BackupFiles(dir, core.clock.getZone()), schedule, retention,
                core.config.getDuration("backup.catchUpDelay", Duration.ofMinutes(2)), core.clock);
    }

    public static Path backupDirectory(CoreServices core) {
        return backupDirectory(core.config);
    }

    public static Path backupDirectory(fr.opaline.app.config.OpalineConfig config) {
        return config.getPath("backup.dir", config.home().resolve("backups"));
    }
}
