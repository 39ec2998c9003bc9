package fr.opaline.mss;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.opaline.core.settings.SettingsException;
import fr.opaline.core.testing.MapSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MssSettingsTest {

    @Test
    void withoutSmtpAndBalApplicativeMssanteIsOff() {
        MssSettings mss = MssSettings.from(MapSettings.of(Map.of("mss.smtp", "smtp://mss.example:587")), "Opaline 1");

        assertThat(mss.configured()).isFalse();
        assertThat(mss.pollInterval()).isEqualTo(Duration.ofMinutes(1));
        assertThat(mss.productReference()).isEqualTo("Opaline 1");
        assertThat(mss.shown()).containsEntry("mss.applicative.address", "non configuré");
    }

    @Test
    void theOperatorFileGivesTheDefaultsExplicitKeysWinAndSecretsAreNotShown(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("mss-operator.properties");
        Files.writeString(file, "smtp=smtps://operateur.example:465\nimap=imaps://operateur.example:993\n"
                + "applicative.address=cabinet@cabinet.mssante.fr\napplicative.keystorePassword=motdepasse-secret\n"
                + "directory.url=https://annuaire.example/fhir\ndirectory.apiKey=cle-secrete\n");
        MssSettings mss = MssSettings.from(MapSettings.of(Map.of("mss.operatorFile", file.toString(),
                "mss.imap", "imaps://autre.example:993", "mss.poll.interval", "PT5M")), "Opaline 1");

        assertThat(mss.configured()).isTrue();
        assertThat(mss.smtp()).isEqualTo("smtps://operateur.example:465");
        assertThat(mss.imap()).as("explicit key wins").isEqualTo("imaps://autre.example:993");
        assertThat(mss.keystorePassword()).isEqualTo("motdepasse-secret");
        assertThat(mss.pollInterval()).isEqualTo(Duration.ofMinutes(5));
        assertThat(mss.shown().values()).noneMatch(v -> v.contains("secret") || v.contains("cle-secrete"));
        assertThat(mss.toString()).doesNotContain("secret");
    }

    @Test
    void anUnreadableOperatorFileIsRefusedInFrench() {
        assertThatThrownBy(() -> MssSettings.from(MapSettings.of(Map.of("mss.operatorFile", "/nulle/part.properties")),
                "Opaline 1")).isInstanceOf(SettingsException.class).hasMessageContaining("mss.operatorFile : fichier illisible");
    }
}
