package fr.opaline.app.wiring;

import fr.opaline.app.config.ConfigException;
import fr.opaline.app.config.OpalineConfig;
import fr.opaline.core.lifecycle.ManagedService;
import fr.opaline.psc.oidc.OidcProviders;
import fr.opaline.psc.proxy.LanCertificate;
import fr.opaline.platform.http.HttpSettings;
import fr.opaline.psc.proxy.ProxyHttpServer;
import fr.opaline.psc.proxy.ProxyLimits;
import fr.opaline.psc.proxy.ProxyService;
import fr.opaline.psc.vault.TokenCipher;
import fr.opaline.psc.vault.TokenVault;
import fr.opaline.psc.vault.VaultKey;
import java.net.InetSocketAddress;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts the proxy e-santé in the practice server. Keys, certificate and providers are read at
 * start, not at assembly, so that {@code opaline server --check} creates nothing. In the practice
 * server its routes are served by the application API's HTTPS server ({@link #mountOn}: one port,
 * {@code psc.proxy.port}); without the API in the process (the demonstration, whose API is on
 * loopback) it listens on that port itself.
 */
public final class PscProxyLauncher implements ManagedService {

    private static final Logger LOG = LoggerFactory.getLogger(PscProxyLauncher.class);

    private final CoreServices core;
    private ProxyHttpServer server;
    private ProxyService proxy;
    private ApiLauncher host;
    private java.util.concurrent.ScheduledExecutorService maintenance;

    PscProxyLauncher(CoreServices core) {
        this.core = core;
    }

    @Override
    public String name() {
        return "proxy e-santé (PSC)";
    }

    @Override
    public void start() throws Exception {
        OpalineConfig config = core.config;
        OidcProviders providers = PscWiring.providers(config, core.clock);
        TokenVault vault = new TokenVault(core.database, providers,
                new TokenCipher(VaultKey.loadOrCreate(config.vaultKeyFile())),
                core.clock, core.ids, config.getDuration("psc.session.maxAge", Duration.ofHours(12)),
                config.getDuration("psc.refresh.ahead", Duration.ofSeconds(60)));
        proxy = new ProxyService(core.database, providers, vault, new AccountsWiring(core).reconciliation, core.audit,
                core.clock, config.getBoolean("psc.proxy.bindToAddress", true), limits(config));
        Duration refresh = config.getDuration("psc.refresh.every", Duration.ofSeconds(30));
        if (host != null) {
            maintenance = ProxyHttpServer.maintain(proxy, refresh);
            LOG.info("Proxy e-santé : servi par l'API du serveur du cabinet — fournisseurs {}",
                    providers.all().stream().map(p -> p.id()).toList());
            return;
        }
        LanCertificate.Material tls = PscWiring.certificate(config);
        server = new ProxyHttpServer(proxy, httpSettings(config, LanCertificate.serverContext(tls)), refresh);
        server.start();
        LOG.info("Proxy e-santé : https://<serveur>:{}/ — fournisseurs {} — empreinte du certificat {}", server.port(),
                providers.all().stream().map(p -> p.id()).toList(), LanCertificate.fingerprint(tls.certificate()));
    }

    /** Served by the API's HTTPS server (set before start): the proxy then opens no port of its own. */
    void mountOn(ApiLauncher api) {
        this.host = api;
    }

    /** Whether its routes are served by the API's server. */
    boolean mounted() {
        return host != null;
    }

    /** Sign-ins under way: {@code psc.proxy.cibaStartsPerMinute}, {@code maxPendingLogins}, {@code loginExpiry}. */
    static ProxyLimits limits(OpalineConfig config) {
        try {
            return new ProxyLimits(
                    config.getInt("psc.proxy.cibaStartsPerMinute", ProxyLimits.DEFAULT_CIBA_STARTS_PER_MINUTE),
                    config.getInt("psc.proxy.maxPendingLogins", ProxyLimits.DEFAULT_MAX_PENDING_LOGINS),
                    config.getDuration("psc.proxy.loginExpiry", ProxyLimits.DEFAULT_LOGIN_EXPIRY));
        } catch (IllegalArgumentException e) {
            throw new ConfigException("psc.proxy : " + e.getMessage());
        }
    }

    /** Where the proxy alone listens and its HTTP bounds ({@code psc.proxy.maxThreads}, {@code maxConnections}, deadlines). */
    static HttpSettings httpSettings(OpalineConfig config, javax.net.ssl.SSLContext tls) {
        return bounds(config, ProxyHttpServer.settings(bind(config), tls));
    }

    /** The practice server's one HTTPS port: {@code psc.proxy.bind}:{@code psc.proxy.port} (default every interface, 8443). */
    static InetSocketAddress bind(OpalineConfig config) {
        return new InetSocketAddress(config.get("psc.proxy.bind", "0.0.0.0"), config.getInt("psc.proxy.port", PscWiring.DEFAULT_PORT));
    }

    /** {@code defaults} with the bounds set in {@code psc.proxy.*}. */
    static HttpSettings bounds(OpalineConfig config, HttpSettings defaults) {
        try {
            return defaults.withThreads(config.getInt("psc.proxy.maxThreads", defaults.maxThreads()))
                    .withMaxConnections(config.getInt("psc.proxy.maxConnections", defaults.maxConnections()))
                    .withDeadlines(config.getDuration("psc.proxy.headerTimeout", defaults.headerDeadline()),
                            config.getDuration("psc.proxy.bodyTimeout", defaults.bodyDeadline()),
                            config.getDuration("psc.proxy.idleTimeout", defaults.idleTimeout()));
        } catch (IllegalArgumentException e) {
            throw new ConfigException("psc.proxy : " + e.getMessage());
        }
    }

    /** The bound port (tests bind port 0): the API's when it serves the proxy. */
    public int port() {
        return host != null ? host.port() : server.port();
    }

    public ProxyService proxy() {
        return proxy;
    }

    @Override
    public void stop(Duration grace) {
        if (maintenance != null) {
            maintenance.shutdownNow();
            maintenance = null;
        }
        if (server != null) {
            server.stop(grace);
            server = null;
        }
    }
}
