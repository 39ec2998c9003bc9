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

    @Test
    void anUnreadableCertificateIsRefusedInFrench() {
        assertThatThrownBy(() -> InsiSettings.from(MapSettings.of(Map.of("insi.url", "https://insi.example/lps",
                "insi.keystore", "/nonexistent/cabinet.p12"))))
                .isInstanceOf(SettingsException.class).hasMessageStartingWith("insi.keystore : certificat illisible");
    }
}
