package fr.opaline.dmp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.opaline.core.settings.SettingsException;
import fr.opaline.core.testing.MapSettings;
import fr.opaline.dmp.authorization.AuthorizationRenewal;
import fr.opaline.dmp.feeding.DmpFeedingSettings;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DmpSettingsTest {

    @Test
    void withoutAnAddressTheDmpIsOffWithTheDefaults() {
        DmpSettings settings = DmpSettings.from(MapSettings.of(Map.of()));

        assertThat(settings.enabled()).isFalse();
        assertThat(settings.feeding()).isEqualTo(DmpFeedingSettings.DEFAULT);
        assertThat(settings.renewBefore()).isEqualTo(AuthorizationRenewal.DEFAULT_MARGIN);
        assertThat(settings.scanInterval()).isEqualTo(Duration.ofHours(6));
        assertThatThrownBy(settings::requireKeystore).isInstanceOf(SettingsException.class)
                .hasMessageContaining("dmp.keystore");
    }

    @Test
    void everyKeyIsReadOnceIntoTheRecord() {
        DmpSettings settings = DmpSettings.from(MapSettings.of(Map.of("dmp.url", "https://dmp.example/services",
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
        assertThatThrownBy(() -> DmpSettings.from(MapSettings.of(Map.of("dmp.url", "https://exa mple/ services"))))
                .isInstanceOf(SettingsException.class).hasMessage("dmp.url : adresse invalide « https://exa mple/ services »");
    }
}
