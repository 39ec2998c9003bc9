package fr.opaline.psc;

import static org.assertj.core.api.Assertions.assertThat;

import fr.opaline.core.testing.MapSettings;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PscSettingsTest {

    @Test
    void withoutProvidersPscIsOffAndNoSandboxTakesItsPlace() {
        PscSettings psc = PscSettings.from(MapSettings.of(Map.of()));

        assertThat(psc.enabled()).isFalse();
        assertThat(psc.pscDiscovery()).isNull();
        assertThat(psc.proxyPort()).isEqualTo(8443);
        assertThat(psc.shown()).containsEntry("psc.providers", "aucun");
    }

    @Test
    void aDiscoveryAloneMeansPscAndNoSecretIsShown() {
        PscSettings psc = PscSettings.from(MapSettings.of(Map.of("psc.provider.psc.discovery",
                "https://auth.esante.gouv.fr/realms/esante-wallet/.well-known/openid-configuration",
                "psc.provider.psc.clientSecret", "tres-secret", "psc.proxy.port", "9443")));

        assertThat(psc.providers()).containsExactly("psc");
        assertThat(psc.pscDiscovery()).startsWith("https://auth.esante.gouv.fr/");
        assertThat(psc.shown()).containsEntry("psc.proxy.port", "0.0.0.0:9443");
        assertThat(psc.shown().values()).noneMatch(v -> v.contains("tres-secret"));
    }

    @Test
    void anotherProviderWithoutPscLeavesPscOff() {
        PscSettings psc = PscSettings.from(MapSettings.of(Map.of("psc.providers", "keycloak",
                "psc.provider.psc.discovery", "https://auth.example/.well-known/openid-configuration")));

        assertThat(psc.enabled()).isTrue();
        assertThat(psc.pscDiscovery()).isNull();
    }
}
