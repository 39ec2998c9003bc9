package fr.opaline.ins.insi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.opaline.core.settings.SettingsException;
import fr.opaline.core.testing.MapSettings;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InsiSettingsTest {

    @Test
    void withoutAnAddressInsiIsOff() {
        assertThat(InsiSettings.from(MapSettings.of(Map.of()))).isEmpty();
    }

    @Test
    void theKeysAreReadWithTheirDefaults() {
        InsiSettings settings = InsiSettings.from(MapSettings.of(Map.of("insi.url", "https://insi.example/lps",
                "insi.timeout", "PT3S", "insi.lps.idam", "IDAM42"))).orElseThrow();

        assertThat(settings.endpoint()).isEqualTo(URI.create("https://insi.example/lps"));
        assertThat(settings.timeout()).isEqualTo(Duration.ofSeconds(3));
        assertThat(settings.lpsIdam()).isEqualTo("IDAM42");
        assertThat(settings.lpsName()).isEqualTo("Opaline");
        assertThat(settings.sslContext()).as("no certificate configured").isNull();
    }

    /** Emetteur: 11–12 digits (ANS INSi kit, issue 25) or a structure identifier like 10B0152872; "opaline" was sent before. */
    @Test
    void theEmitterIsCheckedAndDefaultsToAWellFormedValue() {
        assertThat(InsiSettings.from(MapSettings.of(Map.of("insi.url", "https://insi.example/lps"))).orElseThrow()
                .emitter()).isEqualTo(InsiSettings.PLACEHOLDER_EMITTER).matches("[0-9]{11}");
        assertThat(InsiSettings.from(MapSettings.of(Map.of("insi.url", "https://insi.example/lps",
                "insi.emitter", "499700000000"))).orElseThrow().emitter()).isEqualTo("499700000000");
        assertThat(InsiSettings.from(MapSettings.of(Map.of("insi.url", "https://insi.example/lps",
                "insi.emitter", "10B0152872"))).orElseThrow().emitter()).isEqualTo("10B0152872");
        assertThatThrownBy(() -> InsiSettings.from(MapSettings.of(Map.of("insi.url", "https://insi.example/lps",
                "insi.emitter", "opaline")))).isInstanceOf(SettingsException.class)
                .hasMessageStartingWith("insi.emitter : « opaline »");
    }

    @Test
    void anUnreadableCertificateIsRefusedInFrench() {
        assertThatThrownBy(() -> InsiSettings.from(MapSettings.of(Map.of("insi.url", "https://insi.example/lps",
                "insi.keystore", "/nonexistent/cabinet.p12"))))
                .isInstanceOf(SettingsException.class).hasMessageStartingWith("insi.keystore : certificat illisible");
    }
}
