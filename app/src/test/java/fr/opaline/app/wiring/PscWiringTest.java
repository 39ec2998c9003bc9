package fr.opaline.app.wiring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.opaline.app.config.ConfigException;
import fr.opaline.app.config.OpalineConfig;
import fr.opaline.psc.oidc.OidcException;
import fr.opaline.psc.oidc.OidcProviders;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SC.SSI/IAM.80: several identity providers from the configuration, PSC preferred. */
class PscWiringTest {

    @TempDir
    Path home;

    @Test
    void twoProvidersWithTheSecretReadFromItsFile() throws Exception {
        Files.createDirectories(home.resolve("secrets"));
        Files.writeString(home.resolve("secrets/psc.secret"), "le-secret\n");
        OpalineConfig config = OpalineConfig.of(home, Map.of(
                "psc.providers", "psc, etab",
                "psc.provider.psc.discovery", "https://auth.bas.psc.esante.gouv.fr/auth/realms/esante-wallet/.well-known/wallet-openid-configuration",
                "psc.provider.psc.clientId", "opaline-cabinet",
                "psc.provider.psc.clientSecretFile", "secrets/psc.secret",
                "psc.provider.etab.discovery", "https://idp.etablissement.example/.well-known/openid-configuration",
                "psc.provider.etab.clientId", "opaline",
                "psc.provider.etab.clientSecret", "autre-secret",
                "psc.provider.etab.rppsClaim", "rpps"));

        OidcProviders providers = PscWiring.providers(config, Clock.systemUTC());

        assertThat(providers.defaultId()).isEqualTo("psc");
        var psc = providers.get(null).config();
        assertThat(psc.clientSecret().getValue()).isEqualTo("le-secret");
        assertThat(psc.scope()).isEqualTo("openid scope_all");
        assertThat(psc.acrValues()).containsExactly("eidas1");
        assertThat(psc.ciba()).isTrue();
        assertThat(psc.toString()).doesNotContain("le-secret");
        var etab = providers.get("etab").config();
        assertThat(etab.ciba()).isFalse();
        assertThat(etab.browser()).isTrue();
        assertThat(etab.rppsClaim()).isEqualTo("rpps");
        assertThat(etab.acrValues()).isEmpty();
    }

    @Test
    void missingSettingsAreNamed() {
        OpalineConfig config = OpalineConfig.of(home, Map.of("psc.providers", "psc",
                "psc.provider.psc.discovery", "https://auth.example/.well-known/openid-configuration"));
        assertThatThrownBy(() -> PscWiring.providers(config, Clock.systemUTC())).isInstanceOf(ConfigException.class)
                .hasMessage("psc.provider.psc.clientId manquant");
        OpalineConfig noSecret = config.with("psc.provider.psc.clientId", "x");
        assertThatThrownBy(() -> PscWiring.providers(noSecret, Clock.systemUTC()))
                .hasMessageStartingWith("psc.provider.psc.clientSecretFile (ou clientSecret) manquant");
    }

    /** Issue 17: the server never falls back to the sandbox PSC, even when one runs with the same home. */
    @Test
    void withoutConfigurationPscIsOffEvenIfTheLocalSandboxRuns() throws Exception {
        OpalineConfig config = OpalineConfig.of(home, Map.of());
        Files.createDirectories(home.resolve("sandbox"));
        Files.writeString(home.resolve("sandbox/psc-provider.properties"),
                "discovery=http\\://127.0.0.1\\:5/auth/realms/esante-wallet/.well-known/wallet-openid-configuration\n"
                        + "clientId=opaline-proxy\nclientSecret=s\n");
        assertThat(PscWiring.providers(config, Clock.systemUTC()).all()).isEmpty();
        assertThatThrownBy(() -> PscWiring.providers(config, Clock.systemUTC()).get(null))
                .isInstanceOf(OidcException.class).hasMessageContaining("Aucun fournisseur d'identité n'est configuré");
    }

    @Test
    void theProxysLimitsComeFromTheConfiguration() throws Exception {
        var defaults = PscProxyLauncher.limits(OpalineConfig.of(home, Map.of()));
        assertThat(defaults).isEqualTo(fr.opaline.psc.proxy.ProxyLimits.defaults());
        assertThat(defaults.cibaStartsPerMinute()).isEqualTo(10);
        assertThat(defaults.maxPendingLogins()).isEqualTo(200);
        assertThat(defaults.loginExpiry()).hasMinutes(5);

        OpalineConfig config = OpalineConfig.of(home, Map.of("psc.proxy.cibaStartsPerMinute", "3",
                "psc.proxy.maxPendingLogins", "50", "psc.proxy.loginExpiry", "PT2M", "psc.proxy.maxThreads", "16",
                "psc.proxy.headerTimeout", "PT5S", "psc.proxy.port", "0", "psc.proxy.bind", "127.0.0.1"));
        assertThat(PscProxyLauncher.limits(config)).isEqualTo(new fr.opaline.psc.proxy.ProxyLimits(3, 50,
                java.time.Duration.ofMinutes(2)));
        var http = PscProxyLauncher.httpSettings(config, javax.net.ssl.SSLContext.getDefault());
        assertThat(http.maxThreads()).isEqualTo(16);
        assertThat(http.headerDeadline()).hasSeconds(5);
        assertThat(http.maxBodyBytes()).isEqualTo(fr.opaline.psc.proxy.ProxyHttpServer.MAX_BODY);

        assertThatThrownBy(() -> PscProxyLauncher.limits(OpalineConfig.of(home, Map.of("psc.proxy.maxPendingLogins", "0"))))
                .isInstanceOf(ConfigException.class).hasMessageContaining("au moins une connexion en cours");
    }

    @Test
    void aWorkstationReachesTheProxyAtThePracticeServersApiAddressAndFingerprint() {
        // One port: a workstation configured for the API needs nothing more for Pro Santé Connect.
        assertThatThrownBy(() -> PscWiring.client(OpalineConfig.of(home, Map.of("api.url", "https://serveur-cabinet:8443/")),
                null, null)).isInstanceOf(ConfigException.class).hasMessageContaining("Certificat du serveur du cabinet inconnu");
        assertThat(PscWiring.client(OpalineConfig.of(home, Map.of("api.url", "https://serveur-cabinet:8443/",
                "api.fingerprint", "AB".repeat(32))), null, null)).isNotNull();
    }

    @Test
    void accountPoliciesComeFromTheConfiguration() {
        var security = AccountsWiring.security(OpalineConfig.of(home, Map.of("accounts.privileged.minLength", "14",
                "accounts.privileged.maxAge", "none", "accounts.standard.maxAge", "P90D", "accounts.argon2.memoryKiB", "19456")));
        assertThat(security.privileged().minLength()).isEqualTo(14);
        assertThat(security.privileged().maxAge()).isNull();
        assertThat(security.standard().maxAge()).hasDays(90);
        assertThat(security.hasher().cost().memoryKiB()).isEqualTo(19456);
    }
}
