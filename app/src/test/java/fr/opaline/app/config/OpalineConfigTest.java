package fr.opaline.app.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Configuration layers: machine-wide file, user file, --config; H2 file encryption settings. */
class OpalineConfigTest {

    @TempDir
    Path dir;
    private String previous;

    @BeforeEach
    void rememberSystemFile() {
        previous = System.getProperty(OpalineConfig.SYSTEM_FILE_PROPERTY);
    }

    @AfterEach
    void restoreSystemFile() {
        if (previous == null) {
            System.clearProperty(OpalineConfig.SYSTEM_FILE_PROPERTY);
        } else {
            System.setProperty(OpalineConfig.SYSTEM_FILE_PROPERTY, previous);
        }
    }

    @Test
    void theUsersFileOverridesTheMachineFileKeyByKeyAndConfigReplacesBoth() throws Exception {
        Path system = Files.writeString(dir.resolve("system.properties"), "db.url=jdbc:postgresql://srv/opaline\nlog.level=WARN\n");
        System.setProperty(OpalineConfig.SYSTEM_FILE_PROPERTY, system.toString());
        Path home = dir.resolve("home");
        Files.createDirectories(home);
        Files.writeString(home.resolve(OpalineConfig.FILE_NAME), "log.level=DEBUG\n");

        OpalineConfig layered = OpalineConfig.load(home, null);
        assertThat(layered.get("db.url")).contains("jdbc:postgresql://srv/opaline");
        assertThat(layered.get("log.level")).contains("DEBUG");
        assertThat(layered.file()).isEqualTo(home.resolve(OpalineConfig.FILE_NAME));

        Path explicit = Files.writeString(dir.resolve("server.properties"), "backup.retention=7\n");
        OpalineConfig replaced = OpalineConfig.load(home, explicit);
        assertThat(replaced.get("db.url")).isEmpty();
        assertThat(replaced.get("log.level")).isEmpty();
        assertThat(replaced.getInt("backup.retention", 14)).isEqualTo(7);
        assertThat(replaced.file()).isEqualTo(explicit.toAbsolutePath());
    }

    @Test
    void anEncryptedEmbeddedDatabaseGetsTheCipherAndBothPasswords() {
        OpalineConfig config = OpalineConfig.of(dir, Map.of("db.filePassword", "cle-fichier", "db.password", "util"));
        var settings = config.database();
        assertThat(settings.jdbcUrl()).startsWith("jdbc:h2:file:").endsWith(";CIPHER=AES");
        assertThat(settings.password()).isEqualTo("cle-fichier util");

        assertThatThrownBy(() -> OpalineConfig.of(dir, Map.of("db.url", "jdbc:postgresql://srv/opaline",
                "db.filePassword", "x")).database()).isInstanceOf(ConfigException.class).hasMessageContaining("H2");
        assertThatThrownBy(() -> OpalineConfig.of(dir, Map.of("db.filePassword", "deux mots")).database())
                .hasMessageContaining("espace");
    }
}
