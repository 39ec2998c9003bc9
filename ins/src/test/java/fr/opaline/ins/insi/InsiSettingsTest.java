package fr.opaline.ins.insi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.opaline.core.settings.Settings;
import fr.opaline.core.settings.SettingsException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class InsiSettingsTest {

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
            return get(key).map(Path::of).orElse(defaultValue);
        }
    }

    @Test
    void withoutAnAddressInsiIsOff() {
        assertThat(InsiSettings.from(new MapSettings(Map.of()))).isEmpty();
    }

    @Test
    void theKeysAreReadWithTheirDefaults() {
        InsiSettings settings = InsiSettings.from(new MapSettings(Map.of("insi.url", "https://insi.example/lps",
                "insi.timeout", "PT3S", "insi.lps.idam", "IDAM42"))).orElseThrow();

        assertThat(settings.endpoint()).isEqualTo(URI.create("https://insi.example/lps"));
        assertThat(settings.timeout()).isEqualTo(Duration.ofSeconds(3));
        assertThat(settings.lpsIdam()).isEqualTo("IDAM42");
        assertThat(settings.lpsName()).isEqualTo("Opaline");
        assertThat(settings.sslContext()).as("no certificate configured").isNull();
    }

    @Test
    void anUnreadableCertificateIsRefusedInFrench() {
        assertThatThrownBy(() -> InsiSettings.from(new MapSettings(Map.of("insi.url", "https://insi.example/lps",
                "insi.keystore", "/nonexistent/cabinet.p12"))))
                .isInstanceOf(SettingsException.class).hasMessageStartingWith("insi.keystore : certificat illisible");
    }
}
