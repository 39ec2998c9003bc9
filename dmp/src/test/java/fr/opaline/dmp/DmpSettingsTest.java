package fr.opaline.dmp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.opaline.core.settings.Settings;
import fr.opaline.core.settings.SettingsException;
import fr.opaline.dmp.authorization.AuthorizationRenewal;
import fr.opaline.dmp.feeding.DmpFeedingSettings;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DmpSettingsTest {

    /** The configuration as a map, with OpalineConfig's readings (ISO durations, paths under a home). */
    record MapSettings(Map<String, String> values) implements Settings {
        @Override
        public Optional<String> get(String key) {
            return Optional.ofNullable(values.get(key)).filter(v -> !v.isBlank());
        }

        @Override
        public String get(String key, String defaultValue) {
            return get(key).orElse(defaultValue);
        }

        @Override
        public int getInt(String key, int defaultValue) {
            return get(key).map(Integer::parseInt).orElse(defaultValue);
        }

        @Override
        public boolean getBoolean(String key, boolean defaultValue) {
            return get(key).map(Boolean::parseBoolean).orElse(defaultValue);
        }

        @Override
        public Duration getDuration(String key, Duration defaultValue) {
            return get(key).map(Duration::parse).orElse(defaultValue);
        }

        @Override
        public Path getPath(String key, Path defaultValue) {
            return get(key).map(v -> Path.of("/home/opaline").resolve(v)).orElse(defaultValue);
        }
    }

    @Test
    void withoutAnAddressTheDmpIsOffWithTheDefaults() {
        DmpSettings settings = DmpSettings.from(new MapSettings(Map.of()));

        assertThat(settings.enabled()).isFalse();
        assertThat(settings.feeding()).isEqualTo(DmpFeedingSettings.DEFAULT);
        assertThat(settings.renewBefore()).isEqualTo(AuthorizationRenewal.DEFAULT_MARGIN);
        assertThat(settings.scanInterval()).isEqualTo(Duration.ofHours(6));
        assertThatThrownBy(settings::requireKeystore).isInstanceOf(SettingsException.class)
                .hasMessageContaining("dmp.keystore");
    }

    @Test
    void everyKeyIsReadOnceIntoTheRecord() {
        DmpSettings settings = DmpSettings.from(new MapSettings(Map.of("dmp.url", "https://dmp.example/services",
                "dmp.keystore", "keys/cabinet.p12", "dmp.keystore.password", "secret", "dmp.feeding.deferral", "PT1M",
                "dmp.feeding.maxAttempts", "7", "dmp.structureId", "1690000013", "dmp.timeout", "PT10S")));

        assertThat(settings.enabled()).isTrue();
        assertThat(settings.url()).isEqualTo(URI.create("https://dmp.example/services"));
        assertThat(settings.requireKeystore()).isEqualTo(Path.of("/home/opaline/keys/cabinet.p12"));
        assertThat(settings.truststorePassword()).as("the key store's password by default").isEqualTo("secret");
        assertThat(settings.feeding()).isEqualTo(new DmpFeedingSettings(Duration.ofMinutes(1), 7));
        assertThat(settings.structureId()).isEqualTo("1690000013");
        assertThat(settings.timeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(settings.toString()).doesNotContain("secret");
    }

    @Test
    void aBadAddressIsRefusedInFrench() {
        assertThatThrownBy(() -> DmpSettings.from(new MapSettings(Map.of("dmp.url", "https://exa mple/ services"))))
                .isInstanceOf(SettingsException.class).hasMessage("dmp.url : adresse invalide « https://exa mple/ services »");
    }
}
