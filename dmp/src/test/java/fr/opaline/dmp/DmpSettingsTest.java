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

    /*
     * The DMP's two certificates of the structure, authentication (TLS, ORG-AUTH_CLI) and signature
     * (VIHF and XAdES, ORG-SIGN "cachet"), as separate settings: requirement EX_GEN-1450 (public in
     * bitbucket.org/devbox-sante/homologation issue 29), the ANS DRIMbox PoC's auth.p12 / signature.p12
     * (ansforge/DRIM-M_DRIMbox, DMPKeyStore.java). Before, one key store did both.
     */

    @Test
    void authenticationAndSignatureKeyStoresAreSeparateSettings() {
        DmpSettings settings = DmpSettings.from(MapSettings.of(Map.of("dmp.url", "https://dmp.test/services",
                "dmp.keystore", "/etc/opaline/auth.p12", "dmp.keystore.password", "a",
                "dmp.signature.keystore", "/etc/opaline/cachet.p12", "dmp.signature.keystore.password", "s")));
        assertThat(settings.keystore()).isEqualTo(Path.of("/etc/opaline/auth.p12"));
        assertThat(settings.keystorePassword()).isEqualTo("a");
        assertThat(settings.signatureKeystore()).isEqualTo(Path.of("/etc/opaline/cachet.p12"));
        assertThat(settings.signatureKeystorePassword()).isEqualTo("s");
        assertThat(settings.oneCertificate()).isFalse();
    }

    @Test
    void withoutASignatureKeyStoreTheAuthenticationOneSignsAsBefore() {
        DmpSettings settings = DmpSettings.from(MapSettings.of(Map.of("dmp.url", "https://dmp.test/services",
                "dmp.keystore", "/etc/opaline/auth.p12", "dmp.keystore.password", "a")));
        assertThat(settings.signatureKeystore()).isEqualTo(settings.keystore());
        assertThat(settings.signatureKeystorePassword()).isEqualTo("a");
        assertThat(settings.oneCertificate()).isTrue();
    }

    @Test
    void theCertificatesDeclaredAtSetupAreUsedWhenNoDmpKeyStoreIsSet() {
        DmpSettings settings = DmpSettings.from(MapSettings.of(Map.of("dmp.url", "https://dmp.test/services",
                "certificate.establishment.file", "/etc/opaline/org-auth.p12",
                "certificate.establishment.password", "e",
                "certificate.signature.file", "/etc/opaline/org-sign.p12", "certificate.signature.password", "c")));
        assertThat(settings.keystore()).isEqualTo(Path.of("/etc/opaline/org-auth.p12"));
        assertThat(settings.keystorePassword()).isEqualTo("e");
        assertThat(settings.signatureKeystore()).isEqualTo(Path.of("/etc/opaline/org-sign.p12"));
        assertThat(settings.signatureKeystorePassword()).isEqualTo("c");
    }
}
