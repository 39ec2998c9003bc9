package fr.opaline.core.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.opaline.core.backup.DatabaseBackup;
import fr.opaline.core.backup.DatabaseRecovery;
import java.nio.channels.FileChannel;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded H2 database runs without AUTO_SERVER (no TCP port, no key in the lock file); a
 * second process that needs the file is told in French that the server holds it; an unreadable
 * or vanished file stops the start with the newest backup and the command that restores it,
 * instead of an empty database.
 */
class EmbeddedH2AccessTest {

    @TempDir
    Path dir;

    @Test
    void theEmbeddedUrlOpensNoTcpServerAndTheLockFileHoldsNoServerKey() throws Exception {
        DatabaseSettings settings = DatabaseSettings.embeddedH2(dir.resolve("data"));
        assertThat(settings.jdbcUrl()).doesNotContainIgnoringCase("AUTO_SERVER");
        try (Database database = Database.openAndMigrate(settings)) {
            assertThat(database.dsl().fetchValue("select count(*) from audit_head", Long.class)).isEqualTo(1L);
            Path lock = dir.resolve("data/opaline.lock.db");
            if (Files.exists(lock)) {
                assertThat(Files.readString(lock)).doesNotContain("server=").doesNotContain("id=");
            }
        }
    }

    @Test
    void aSecondProcessOnTheHeldFileIsToldInFrenchToStopTheServer() throws Exception {
        Path data = dir.resolve("data");
        DatabaseSettings settings = DatabaseSettings.embeddedH2(data);
        try (Database server = Database.openAndMigrate(settings)) {
            // Another JVM (the command line) opens the same file while this one (the server) holds it.
            String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
            Process cli = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", classpath, SecondProcess.class.getName(), data.toString())
                    .redirectErrorStream(true).start();
            String output = new String(cli.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            assertThat(cli.waitFor()).as(output).isEqualTo(4);
            assertThat(output).contains("IN_USE").contains("est ouverte par un autre processus Opaline")
                    .contains("Arrêtez le serveur");
            assertThat(server.dsl().fetchValue("select count(*) from audit_head", Long.class)).isEqualTo(1L);
        }
    }

    /** The other process of the test above. Exit 4 with the reason and message when refused. */
    public static final class SecondProcess {
        public static void main(String[] args) {
            try (Database database = Database.openAndMigrate(DatabaseSettings.embeddedH2(Path.of(args[0])))) {
                System.out.println("opened");
                System.exit(0);
            } catch (DatabaseUnavailableException e) {
                System.out.println(e.reason() + " " + e.getMessage());
                System.exit(4);
            }
        }
    }

    @Test
    void aCorruptedFileStopsTheStartNamingTheNewestBackupAndTheRestoreCommand() throws Exception {
        Path data = dir.resolve("data");
        Path backups = dir.resolve("backups");
        DatabaseSettings settings = DatabaseSettings.embeddedH2(data);
        try (Database database = Database.openAndMigrate(settings)) {
            new DatabaseBackup(Clock.systemUTC()).write(database, backups.resolve("opaline-ancienne.zip"));
            Thread.sleep(20);
            new DatabaseBackup(Clock.systemUTC()).write(database, backups.resolve("opaline-auto-20261207-210000.zip"));
            Files.setLastModifiedTime(backups.resolve("opaline-ancienne.zip"),
                    java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() - 86_400_000L));
        }
        Path file = settings.h2File();
        long size = Files.size(file);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            // Garbage over the file headers and the chunks: what a torn write or a bad disk leaves.
            byte[] junk = new byte[(int) Math.min(size, 64 * 1024)];
            new java.util.Random(7).nextBytes(junk);
            channel.write(ByteBuffer.wrap(junk), 0);
        }
        byte[] before = Files.readAllBytes(file);

        assertThatThrownBy(() -> DatabaseRecovery.openAndMigrate(settings, backups))
                .isInstanceOfSatisfying(DatabaseUnavailableException.class, e -> {
                    assertThat(e.reason()).isEqualTo(DatabaseUnavailableException.Reason.UNREADABLE);
                    assertThat(e.getMessage()).contains("est illisible").contains("ne démarre pas sur une base vide")
                            .contains("opaline db restore --in " + backups.resolve("opaline-auto-20261207-210000.zip"));
                });
        assertThat(Files.readAllBytes(file)).as("the unreadable file is left as it was").isEqualTo(before);
    }

    @Test
    void aVanishedFileWithBackupsAroundIsNotReplacedByAnEmptyDatabase() throws Exception {
        Path data = dir.resolve("data");
        Path backups = dir.resolve("backups");
        DatabaseSettings settings = DatabaseSettings.embeddedH2(data);
        try (Database database = Database.openAndMigrate(settings)) {
            new DatabaseBackup(Clock.systemUTC()).write(database, backups.resolve("opaline-auto-20261207-210000.zip"));
        }
        Files.delete(settings.h2File());
        assertThatThrownBy(() -> DatabaseRecovery.openAndMigrate(settings, backups))
                .isInstanceOfSatisfying(DatabaseUnavailableException.class, e -> {
                    assertThat(e.reason()).isEqualTo(DatabaseUnavailableException.Reason.MISSING);
                    assertThat(e.getMessage()).contains("opaline db restore --in");
                });
        assertThat(settings.h2File()).doesNotExist();
        // A new practice (no backup yet) starts on a new database as before.
        try (Database fresh = DatabaseRecovery.openAndMigrate(DatabaseSettings.embeddedH2(dir.resolve("neuf")),
                dir.resolve("pas-de-sauvegardes"))) {
            assertThat(fresh.schemaVersion()).isNotNull();
        }
    }
}
