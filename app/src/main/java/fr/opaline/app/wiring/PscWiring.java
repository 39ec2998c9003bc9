package fr.opaline.app.wiring;

import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.id.ClientID;
import fr.opaline.app.config.ConfigException;
import fr.opaline.app.config.OpalineConfig;
import fr.opaline.app.server.ServerContribution;
import fr.opaline.core.lifecycle.ManagedService;
import fr.opaline.platform.tls.KeyStores;
import fr.opaline.psc.PscSettings;
import fr.opaline.psc.ciba.CibaChannel;
import fr.opaline.psc.client.ProxyClient;
import fr.opaline.psc.client.ProxyTrust;
import fr.opaline.psc.oidc.OidcProvider;
import fr.opaline.psc.oidc.OidcProviderConfig;
import fr.opaline.psc.oidc.OidcProviders;
import fr.opaline.psc.proxy.LanCertificate;
import fr.opaline.sandbox.psc.SandboxOpenIdProvider;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import javax.net.ssl.SSLSocketFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pro Santé Connect in the practice server (the proxy e-santé) and on the workstations (its
 * client), from the configuration ({@code psc.*}). See the README section "Authentification".
 */
public final class PscWiring implements ServerContribution {

    private static final Logger LOG = LoggerFactory.getLogger(PscWiring.class);
    public static final int DEFAULT_PORT = PscSettings.DEFAULT_PORT;

    /** The process's non-secret PSC settings, read once ({@link PscSettings#from}) and shared. */
    public static PscSettings settings(CoreServices core) {
        return core.shared(PscSettings.class, () -> PscSettings.from(core.config));
    }

    @Override
    public List<ManagedService> services(CoreServices core) {
        if (!settings(core).proxyEnabled()) {
            return List.of();
        }
        return List.of(new PscProxyLauncher(core));
    }

    /**
     * The identity providers: those listed in {@code psc.providers} (or PSC alone when only
     * {@code psc.provider.psc.discovery} is set). None configured: sign-in with PSC is off; the
     * server never falls back to a sandbox ({@code opaline demo} points at its own explicitly).
     */
    public static OidcProviders providers(OpalineConfig config, Clock clock) {
        List<OidcProvider> providers = new ArrayList<>();
        for (String id : PscSettings.from(config).providers()) {
            providers.add(new OidcProvider(provider(config, id), clock));
        }
        if (providers.isEmpty()) {
            LOG.warn("Pro Santé Connect désactivé : psc.providers non renseigné (aucune connexion par e-CPS)");
        }
        String preferred = config.get("psc.default").orElse(providers.isEmpty() ? OidcProviderConfig.PSC
                : providers.stream().anyMatch(p -> p.id().equals(OidcProviderConfig.PSC)) ? OidcProviderConfig.PSC
                : providers.get(0).id());
        try {
            return new OidcProviders(providers, preferred);
        } catch (IllegalArgumentException e) {
            throw new ConfigException("psc.default : " + e.getMessage());
        }
    }

    static OidcProviderConfig provider(OpalineConfig config, String id) {
        String prefix = "psc.provider." + id + ".";
        boolean psc = id.equals(OidcProviderConfig.PSC);
        URI discovery = URI.create(config.get(prefix + "discovery")
                .orElseThrow(() -> new ConfigException(prefix + "discovery manquant (adresse du document de découverte)")));
        String clientId = config.get(prefix + "clientId")
                .orElseThrow(() -> new ConfigException(prefix + "clientId manquant"));
        List<String> claims = list(config.get(prefix + "nationalIdClaims").orElse(""));
        try {
            return new OidcProviderConfig(id, config.get(prefix + "label", psc ? "Pro Santé Connect" : id), discovery,
                    new ClientID(clientId), new Secret(secret(config, prefix)),
                    config.get(prefix + "scope", psc ? "openid scope_all" : "openid profile"),
                    list(config.get(prefix + "acr", psc ? "eidas1" : "")),
                    config.getBoolean(prefix + "ciba", psc), config.getBoolean(prefix + "browser", true),
                    claims.isEmpty() ? OidcProviderConfig.PSC_NATIONAL_ID_CLAIMS : claims,
                    config.get(prefix + "rppsClaim").orElse(null),
                    config.getDuration(prefix + "timeout", Duration.ofSeconds(15)), clientCertificate(config, prefix),
                    CibaChannel.parse(config.get(prefix + "cibaChannel", psc ? "MOBILE" : "")));
        } catch (IllegalArgumentException e) {
            throw new ConfigException(prefix + " : " + e.getMessage());
        }
    }

    /** The client secret, preferably from a file readable by the server's user only. */
    private static String secret(OpalineConfig config, String prefix) {
        var file = config.get(prefix + "clientSecretFile");
        if (file.isPresent()) {
            Path path = config.home().resolve(file.get());
            try {
                return Files.readString(path, StandardCharsets.UTF_8).trim();
            } catch (IOException e) {
                throw new ConfigException(prefix + "clientSecretFile illisible : " + path);
            }
        }
        return config.get(prefix + "clientSecret").orElseThrow(() -> new ConfigException(
                prefix + "clientSecretFile (ou clientSecret) manquant : le secret client fourni par le fournisseur d'identité"));
    }

    /** Mutual TLS towards the provider, when it requires a client certificate (PKCS#12). */
    private static SSLSocketFactory clientCertificate(OpalineConfig config, String prefix) {
        var file = config.get(prefix + "tlsKeyStore");
        if (file.isEmpty()) {
            return null;
        }
        Path path = config.home().resolve(file.get());
        char[] password = config.get(prefix + "tlsKeyStorePassword", "").toCharArray();
        try {
            return KeyStores.sslContext(path, password, null, null).getSocketFactory();
        } catch (IOException | GeneralSecurityException e) {
            throw new ConfigException(prefix + "tlsKeyStore inutilisable : " + path + " (" + e.getMessage() + ")");
        }
    }

    /** The proxy's TLS identity: generated on first start, then reused (see {@link LanCertificate}). */
    public static LanCertificate.Material certificate(OpalineConfig config) {
        return LanCertificate.loadOrCreate(
                config.getPath("psc.proxy.keyStore", proxyDirectory(config).resolve("proxy-tls.p12")),
                config.getPath("psc.proxy.keyStorePasswordFile", proxyDirectory(config).resolve("proxy-tls.pass")),
                certificateFile(config), list(config.get("psc.proxy.names", "")), Clock.systemUTC());
    }

    public static Path certificateFile(OpalineConfig config) {
        return config.getPath("psc.proxy.certificate", proxyDirectory(config).resolve("proxy-tls.crt"));
    }

    /**
     * The workstation's client of the proxy e-santé ({@code psc.proxy.url}, else the practice server's
     * {@code api.url}: the same port; pinned certificate {@code psc.proxy.fingerprint}, else
     * {@code api.fingerprint}).
     */
    public static ProxyClient client(OpalineConfig config, URI serverOverride, String fingerprintOverride) {
        URI url = serverOverride != null ? serverOverride : URI.create(config.get("psc.proxy.url")
                .or(() -> config.get("api.url"))
                .orElse("https://127.0.0.1:" + config.getInt("psc.proxy.port", DEFAULT_PORT) + "/"));
        if (!url.getPath().endsWith("/")) {
            url = URI.create(url + "/");
        }
        String fingerprint = fingerprintOverride != null ? fingerprintOverride : config.get("psc.proxy.fingerprint")
                .or(() -> config.get("api.fingerprint")).orElse(null);
        ProxyTrust trust;
        if (fingerprint != null) {
            trust = ProxyTrust.pinned(fingerprint);
        } else if (Files.isRegularFile(certificateFile(config))) {
            trust = ProxyTrust.fromPemFile(certificateFile(config));
        } else {
            throw new ConfigException("Certificat du serveur du cabinet inconnu : renseignez psc.proxy.fingerprint "
                    + "(affichée par « opaline psc certificate » sur le serveur) ou copiez son fichier proxy-tls.crt dans "
                    + certificateFile(config));
        }
        return ProxyClient.https(url, trust);
    }

    /** The demo's configuration pointed at the sandbox PSC among these, unless the user configured a provider. */
    public static OpalineConfig pointedAtSandbox(OpalineConfig config, List<fr.opaline.sandbox.SandboxService> sandboxes) {
        if (config.get("psc.providers").isPresent() || config.get("psc.provider.psc.discovery").isPresent()) {
            return config;
        }
        for (fr.opaline.sandbox.SandboxService s : sandboxes) {
            if (s instanceof SandboxOpenIdProvider psc) {
                return config.with("psc.providers", OidcProviderConfig.PSC)
                        .with("psc.provider.psc.discovery", psc.discovery().toString())
                        .with("psc.provider.psc.clientId", SandboxOpenIdProvider.CLIENT_ID)
                        .with("psc.provider.psc.clientSecret", psc.clientSecret());
            }
        }
        return config;
    }

    private static Path proxyDirectory(OpalineConfig config) {
        return config.home().resolve("proxy");
    }

    static List<String> list(String value) {
        return PscSettings.list(value);
    }
}
