package fr.opaline.app.wiring;

import fr.opaline.app.config.OpalineConfig;
import fr.opaline.core.lifecycle.ManagedService;
import fr.opaline.psc.oidc.OidcProviders;
import fr.opaline.psc.proxy.LanCertificate;
import fr.opaline.psc.proxy.ProxyHttpServer;
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
 * start, not at assembly, so that {@code opaline server --check} creates nothing.
 */
public final class PscProxyLauncher implements ManagedService {

    private static final Logger LOG = LoggerFactory.getLogger(PscProxyLauncher.class);

    private final CoreServices core;
    private ProxyHttpServer server;
    private ProxyService proxy;

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
                core.clock, config.getBoolean("psc.proxy.bindToAddress", true));
        LanCertificate.Material tls = PscWiring.certificate(config);
        server = new ProxyHttpServer(proxy, new InetSocketAddress(config.get("psc.proxy.bind", "0.0.0.0"),
                config.getInt("psc.proxy.port", PscWiring.DEFAULT_PORT)), LanCertificate.serverContext(tls),
                config.getDuration("psc.refresh.every", Duration.ofSeconds(30)));
        server.start();
        LOG.info("Proxy e-santé : https://<serveur>:{}/ — fournisseurs {} — empreinte du certificat {}", server.port(),
                providers.all().stream().map(p -> p.id()).toList(), LanCertificate.fingerprint(tls.certificate()));
    }

    /** The bound port (tests bind port 0). */
    public int port() {
        return server.port();
    }

    public ProxyService proxy() {
        return proxy;
    }

    @Override
    public void stop(Duration grace) {
        if (server != null) {
            server.stop(grace);
        }
    }
}
