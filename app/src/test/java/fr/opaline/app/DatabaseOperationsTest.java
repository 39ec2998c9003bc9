package fr.opaline.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import fr.opaline.app.SeedBackupRestoreTest.Run;
import fr.opaline.core.testing.TestDatabases;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Operations on the database through the command line: AES encryption of the embedded H2 file
 * (SC.SSI) and a backup taken on H2 restored on PostgreSQL (moving a practice to several seats).
 */
class DatabaseOperationsTest {

    @TempDir
    Path dir;

    private static boolean fileContains(Path file, String text) throws Exception {
        byte[] bytes = Files.readAllBytes(file);
        byte[] needle = text.getBytes(StandardCharsets.UTF_8);
        outer:
        for (int i = 0; i + needle.length <= bytes.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (bytes[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    @Test
    void theEmbeddedDatabaseFileIsEncryptedAndDecryptedWithTheConfiguredPassword() throws Exception {
        Path home = dir.resolve("home");
        Run seed = SeedBackupRestoreTest.opaline(home, "seed", "--patients", "30", "--days", "1", "--seed", "3",
                "--start", "2026-03-02");
        assertThat(seed.exit()).as(seed.err()).isZero();
        Path file = home.resolve("data/opaline.mv.db");
        String marker = "APPOINTMENT_BOOKED"; // written in clear in every audit event of the seed
        assertThat(fileContains(file, marker)).isTrue();

        Run withoutKey = SeedBackupRestoreTest.opaline(home, "db", "encrypt");
        assertThat(withoutKey.exit()).isEqualTo(2);
        assertThat(withoutKey.err()).contains("db.filePassword");

        Files.writeString(home.resolve("opaline.properties"), "db.filePassword=Cle-De-Fichier-2026\n");
        Run encrypt = SeedBackupRestoreTest.opaline(home, "db", "encrypt");
        assertThat(encrypt.exit()).as(encrypt.err()).isZero();
        assertThat(encrypt.out()).contains("Base chiffrée (AES)");
        assertThat(fileContains(file, marker)).as("no clear text left in the file").isFalse();
        assertThat(home.resolve("data/opaline.mv.db.avant-chiffrement")).doesNotExist();
        Run again = SeedBackupRestoreTest.opaline(home, "db", "encrypt");
        assertThat(again.exit()).isEqualTo(2);
        assertThat(again.err()).contains("déjà chiffrée");

        Run verify = SeedBackupRestoreTest.opaline(home, "audit", "verify");
        assertThat(verify.exit()).as(verify.err()).isZero();
        assertThat(verify.out()).contains("intègre");

        Files.writeString(home.resolve("opaline.properties"), "db.filePassword=Mauvaise-Cle\n");
        Run wrong = SeedBackupRestoreTest.opaline(home, "db", "decrypt");
        assertThat(wrong.exit()).isEqualTo(2);
        assertThat(wrong.err()).contains("mot de passe incorrect");

        Files.writeString(home.resolve("opaline.properties"), "db.filePassword=Cle-De-Fichier-2026\n");
        Run decrypt = SeedBackupRestoreTest.opaline(home, "db", "decrypt");
        assertThat(decrypt.exit()).as(decrypt.err()).isZero();
        assertThat(fileContains(file, marker)).isTrue();
        Files.delete(home.resolve("opaline.properties"));
        assertThat(SeedBackupRestoreTest.opaline(home, "audit", "verify").exit()).isZero();
    }

    @Test
    void aBackupOfTheEmbeddedDatabaseRestoresOnPostgresqlThroughTheCommandLine() throws Exception {
        assumeTrue(TestDatabases.postgresUrl() != null, "PostgreSQL not configured (OPALINE_TEST_PG_URL)");
        Path home = dir.resolve("single-seat");
        assertThat(SeedBackupRestoreTest.opaline(home, "seed", "--patients", "60", "--days", "2", "--seed", "5",
                "--start", "2026-03-02").exit()).isZero();
        Path backup = dir.resolve("move.zip");
        assertThat(SeedBackupRestoreTest.opaline(home, "db", "backup", "--out", backup.toString()).exit()).isZero();

        try (var pg = TestDatabases.postgres()) {
            Path config = Files.writeString(dir.resolve("multi-seat.properties"),
                    "db.url=" + pg.database().settings().jdbcUrl().replace("\\", "\\\\") + "\n");
            Path pgHome = dir.resolve("pg-home");
            // The practice moves with its secrets folder: the audit chain's key is not in the backup.
            Files.createDirectories(pgHome.resolve("secrets"));
            Files.copy(home.resolve("secrets/audit-chain.key"), pgHome.resolve("secrets/audit-chain.key"));
            Run restore = SeedBackupRestoreTest.opaline(pgHome, "--config", config.toString(), "db", "restore", "--in",
                    backup.toString());
            assertThat(restore.exit()).as(restore.err()).isZero();
            Path again = dir.resolve("from-pg.zip");
            Run backupPg = SeedBackupRestoreTest.opaline(pgHome, "--config", config.toString(), "db", "backup", "--out",
                    again.toString());
            assertThat(backupPg.exit()).as(backupPg.err()).isZero();
            var original = SeedBackupRestoreTest.tables(backup);
            var restored = SeedBackupRestoreTest.tables(again);
            assertThat(restored.get("patient")).isEqualTo(original.get("patient"));
            assertThat(restored.get("appointment")).isEqualTo(original.get("appointment"));
            Run verify = SeedBackupRestoreTest.opaline(pgHome, "--config", config.toString(), "audit", "verify");
            assertThat(verify.exit()).as(verify.err()).isZero();
        }
    }
}
