package fr.opaline.drimboxbridge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.opaline.core.settings.SettingsException;
import fr.opaline.core.testing.MapSettings;
import fr.opaline.drimboxbridge.feed.DrimboxSettings;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DrimboxBridgeSettingsTest {

    @Test
    void withoutASourceNothingIsSentAndTheDmpIsNotWaitedForWithoutDmp() {
        DrimboxBridgeSettings drimbox = DrimboxBridgeSettings.from(MapSettings.of(Map.of()));

        assertThat(drimbox.source()).isNull();
        assertThat(drimbox.format()).isEqualTo(DrimboxSettings.Format.MDM);
        assertThat(drimbox.waitForDmp()).isFalse();
        assertThat(drimbox.consoUrl()).isEmpty();
        assertThat(drimbox.shown()).containsEntry("drimbox.source.host", "non configurée");
    }

    @Test
    void theFeedSendsAsOpalineToTheConfiguredSourceAfterTheDmp() {
        DrimboxBridgeSettings drimbox = DrimboxBridgeSettings.from(MapSettings.of(Map.of("drimbox.source.host",
                "10.0.0.9", "drimbox.source.port", "2576", "drimbox.source.format", "oru", "dmp.url",
                "https://dmp.example/services")));
        DrimboxSettings feed = drimbox.feed("OPALINE", "123456789");

        assertThat(feed.endpoint().port()).isEqualTo(2576);
        assertThat(feed.format()).isEqualTo(DrimboxSettings.Format.ORU);
        assertThat(feed.waitForDmp()).as("the DMP configured").isTrue();
        assertThat(feed.routing().receivingFacility()).as("the sending facility by default").isEqualTo("123456789");
        assertThat(feed.routing().receivingApplication()).isEqualTo("DRIMBOX");
    }

    @Test
    void aWrongFormatIsRefusedInFrench() {
        assertThatThrownBy(() -> DrimboxBridgeSettings.from(MapSettings.of(Map.of("drimbox.source.format", "PDF"))))
                .isInstanceOf(SettingsException.class).hasMessageContaining("drimbox.source.format : ORU ou MDM");
    }
}
