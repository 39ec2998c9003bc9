package fr.opaline.hl7;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.opaline.core.settings.SettingsException;
import fr.opaline.core.testing.MapSettings;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class Hl7SettingsTest {

    @Test
    void withoutAListenerPortNoListenerAndNoPlatformWithTheDefaults() {
        Hl7Settings hl7 = Hl7Settings.from(MapSettings.of(Map.of()));

        assertThat(hl7.listener()).isNull();
        assertThat(hl7.teleradiology().configured()).isFalse();
        assertThat(hl7.application()).isEqualTo("OPALINE");
        assertThat(hl7.facility("123456789", "Cabinet")).as("the FINESS by default").isEqualTo("123456789");
        assertThat(hl7.facility(null, "Cabinet")).isEqualTo("Cabinet");
        assertThat(hl7.defaultCharset()).isEqualTo(StandardCharsets.UTF_8);
        assertThat(hl7.teleradiologyDmpDelay()).isEqualTo(Duration.ZERO);
        assertThat(hl7.shown()).containsEntry("hl7.listener.port", "aucune écoute")
                .containsEntry("hl7.teleradiology.host", "aucune plateforme");
    }

    @Test
    void everyKeyIsReadOnceIntoTheRecord() {
        Hl7Settings hl7 = Hl7Settings.from(MapSettings.of(Map.of("hl7.listener.port", "2575",
                "hl7.listener.bind", "192.168.1.10", "hl7.listener.maxConnections", "7",
                "hl7.teleradiology.host", "10.0.0.5", "hl7.teleradiology.port", "6661",
                "hl7.teleradiology.application", "TELERAD", "hl7.teleradiology.senders", "TELERAD, AUTRE",
                "hl7.teleradiology.dmpDelay", "PT2H", "hl7.facility", "CABINET")));

        assertThat(hl7.listener().port()).isEqualTo(2575);
        assertThat(hl7.listener().maxConnections()).isEqualTo(7);
        assertThat(hl7.teleradiology().endpoint().host()).isEqualTo("10.0.0.5");
        assertThat(hl7.teleradiology().name()).as("its application by default").isEqualTo("TELERAD");
        assertThat(hl7.senders()).containsExactlyInAnyOrder("TELERAD", "AUTRE");
        assertThat(hl7.teleradiologyDmpDelay()).isEqualTo(Duration.ofHours(2));
        assertThat(hl7.teleradiologyRouting("123456789", "Cabinet").sendingFacility()).isEqualTo("CABINET");
        assertThat(hl7.shown()).containsEntry("hl7.listener.port", "192.168.1.10:2575")
                .containsEntry("hl7.teleradiology.host", "TELERAD — mllp://10.0.0.5:6661");
    }

    @Test
    void wrongValuesAreRefusedInFrenchNamingTheKey() {
        assertThatThrownBy(() -> Hl7Settings.from(MapSettings.of(Map.of("hl7.teleradiology.host", "10.0.0.5"))))
                .isInstanceOf(SettingsException.class).hasMessageContaining("hl7.teleradiology.port");
        assertThatThrownBy(() -> Hl7Settings.from(MapSettings.of(Map.of("hl7.charset.default", "EBCDIC"))))
                .isInstanceOf(SettingsException.class).hasMessageContaining("hl7.charset.default")
                .hasMessageContaining("non pris en charge");
        assertThatThrownBy(() -> Hl7Settings.from(MapSettings.of(Map.of("hl7.listener.port", "2575",
                "hl7.listener.tls.keystore", "absent.p12")))).isInstanceOf(SettingsException.class)
                .hasMessageContaining("hl7.listener.tls.keystore : certificat illisible");
    }
}
