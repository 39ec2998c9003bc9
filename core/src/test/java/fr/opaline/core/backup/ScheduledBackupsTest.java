package fr.opaline.core.backup;

import static org.assertj.core.api.Assertions.assertThat;

import fr.opaline.core.common.MutableClock;
import fr.opaline.core.lifecycle.ManagedService;
import fr.opaline.core.patient.Sex;
import fr.opaline.core.testing.CoreFixture;
import fr.opaline.core.testing.TestDatabases;
import fr.opaline.core.testing.TestDatabases.Kind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Scheduled backups with retention (SC.SSI/GEN.21). */
class ScheduledBackupsTest {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    @TempDir
    Path dir;

    static Stream<Kind> kinds() {
        return TestDatabases.kinds();
    }

    @Test
    void retentionKeepsTheNewestScheduledBackupsAndNeverTouchesOtherFiles() throws Exception {
        BackupFiles files = new BackupFiles(dir, PARIS);
        Instant start = Instant.parse("2026-03-02T19:00:00Z");
        for (int day = 0; day < 5; day++) {
            Files.writeString(files.fileFor(start.plus(Duration.ofDays(day))), "x");
        }
        Files.writeString(dir.resolve("opaline-20260101-120000.zip"), "manual");
        Files.writeString(dir.resolve("avant-restauration-20260101-120000.zip"), "safety");
        Files.writeString(dir.resolve("opaline-auto-20260101-120000.zip.part"), "crash");

        assertThat(files.list()).hasSize(5);
        assertThat(files.newest()).contains(start.plus(Duration.ofDays(4)));
        List<Path> deleted = files.prune(3);

        assertThat(deleted).hasSize(3);
        assertThat(files.list()).extracting(p -> p.getFileName().toString())
                .containsExactly("opaline-auto-20260306-200000.zip", "opaline-auto-20260305-200000.zip",
                        "opaline-auto-20260304-200000.zip");
        assertThat(dir.resolve("opaline-20260101-120000.zip")).exists();
        assertThat(dir.resolve("avant-restauration-20260101-120000.zip")).exists();
        assertThat(dir.resolve("opaline-auto-20260101-120000.zip.part")).doesNotExist();
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void aMissedBackupIsTakenAtStartThenTheRetentionApplies(Kind kind) throws Exception {
        try (var db = TestDatabases.create(kind)) {
            MutableClock clock = new MutableClock(Instant.parse("2026-03-02T09:00:00Z"), PARIS);
            CoreFixture f = new CoreFixture(db.database(), clock);
            f.patient("MARTIN", "ALICE", LocalDate.of(1980, 5, 4), Sex.F);
            BackupFiles files = new BackupFiles(dir.resolve("backups"), PARIS);
            // Two older scheduled backups; the last run (yesterday 20:00) was missed.
            Files.createDirectories(files.directory());
            Files.writeString(files.fileFor(Instant.parse("2026-02-27T19:00:00Z")), "old");
            Files.writeString(files.fileFor(Instant.parse("2026-02-28T19:00:00Z")), "old");
            ScheduledBackups backups = new ScheduledBackups(db.database(), new DatabaseBackup(clock), files,
                    BackupSchedule.parse("20:00", PARIS), 2, Duration.ZERO, clock);
            backups.start();
            try {
                long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
                while (backups.lastSuccess().isEmpty() && backups.lastFailure().isEmpty() && System.nanoTime() < deadline) {
                    Thread.sleep(50);
                }
                var outcome = backups.lastSuccess().orElseThrow(() -> new AssertionError(backups.lastFailure()));
                assertThat(outcome.file()).isEqualTo(files.fileFor(clock.instant()));
                BackupManifest manifest = new DatabaseBackup(clock).verify(outcome.file());
                assertThat(manifest.tables()).anySatisfy(t -> {
                    assertThat(t.name()).isEqualTo("patient");
                    assertThat(t.rows()).isEqualTo(1);
                });
                assertThat(files.list()).hasSize(2).first().isEqualTo(outcome.file());
                assertThat(backups.healthDetails()).containsEntry("kept", 2).containsEntry("retention", 2)
                        .containsEntry("nextRun", "2026-03-02T19:00:00Z").doesNotContainKey(ManagedService.PROBLEM);
            } finally {
                backups.stop(Duration.ofSeconds(5));
            }
            assertThat(backups.healthDetails()).containsEntry("nextRun", null);
        }
    }

    @Test
    void aFailedBackupIsReportedAsAProblemAndTheNextSuccessClearsIt() throws Exception {
        try (var db = TestDatabases.h2()) {
            MutableClock clock = new MutableClock(Instant.parse("2026-03-02T09:00:00Z"), PARIS);
            Path target = dir.resolve("backups");
            Files.createDirectories(target);
            BackupFiles files = new BackupFiles(target, PARIS);
            ScheduledBackups backups = new ScheduledBackups(db.database(), new DatabaseBackup(clock), files,
                    BackupSchedule.parse("20:00", PARIS), 3, Duration.ofHours(1), clock);
            // The file the run wants to write is a directory: the write fails.
            Files.createDirectories(files.fileFor(clock.instant()));
            var failed = backups.runNow();
            assertThat(failed.error()).isNotBlank();
            assertThat(backups.healthDetails().get(ManagedService.PROBLEM)).asString()
                    .startsWith("Dernière sauvegarde en échec");

            clock.advance(Duration.ofMinutes(1));
            var ok = backups.runNow();
            assertThat(ok.error()).isNull();
            assertThat(backups.healthDetails()).doesNotContainKey(ManagedService.PROBLEM);
        }
    }

    @Test
    void scheduledBackupsAreNotRetakenWhenTheLastRunWasNotMissed() throws Exception {
        try (var db = TestDatabases.h2()) {
            MutableClock clock = new MutableClock(Instant.parse("2026-03-02T09:00:00Z"), PARIS);
            BackupFiles files = new BackupFiles(dir.resolve("b"), PARIS);
            Files.createDirectories(files.directory());
            Files.writeString(files.fileFor(Instant.parse("2026-03-01T19:00:05Z")), "yesterday's run");
            ScheduledBackups backups = new ScheduledBackups(db.database(), new DatabaseBackup(clock), files,
                    BackupSchedule.parse("20:00", PARIS), 3, Duration.ZERO, clock);
            backups.start();
            // The decision is taken at start: the next run is tonight's, not a catch-up now
            // (aMissedBackupIsTakenAtStartThenTheRetentionApplies shows the other branch).
            assertThat(backups.healthDetails()).containsEntry("nextRun", "2026-03-02T19:00:00Z")
                    .containsEntry("lastSuccess", "2026-03-01T19:00:05Z");
            long t0 = System.nanoTime();
            backups.stop(Duration.ofSeconds(30));
            assertThat(files.list()).as("nothing written: after the stop no run can start").hasSize(1);
            assertThat(Duration.ofNanos(System.nanoTime() - t0)).as("an idle stop does not wait for the next run")
                    .isLessThan(Duration.ofSeconds(5));
        }
    }
}
