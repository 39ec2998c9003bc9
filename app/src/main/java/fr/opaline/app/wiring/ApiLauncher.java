package fr.opaline.app.wiring;

import fr.opaline.app.OpalineVersion;
import fr.opaline.core.lifecycle.ManagedService;
import fr.opaline.core.user.UserRepository;
import fr.opaline.platform.http.HttpSettings;
import fr.opaline.platform.tls.TlsIdentity;
import fr.opaline.psc.client.ProxyClient;
import fr.opaline.psc.proxy.ProxyHttpServer;
import fr.opaline.psc.proxy.ProxyService;
import fr.opaline.server.ApiServer;
import fr.opaline.server.PscSessions;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts the application API in the practice server. Its certificate is read at start (so that
 * {@code opaline server --check} creates nothing); Pro Santé Connect sign-ins are checked with the
 * proxy e-santé of the same server when it runs ({@link #bridge}), or with a given proxy client.
 */
public final class ApiLauncher implements ManagedService {

    private static final Logger LOG = LoggerFactory.getLogger(ApiLauncher.class);

    private final CoreServices core;
    private final boolean loopback;
    private volatile PscSessions psc;
    private PscProxyLauncher proxy;
    private boolean demo;
    private ApiServer server;
    private fr.opaline.server.operator.OperatorCredential operators;

    /** @param loopback an in-process server for this desktop only: 127.0.0.1, a free port, a certificate of its own */
    ApiLauncher(CoreServices core, boolean loopback) {
        this.core = core;
        this.loopback = loopback;
    }

    /** The API inside {@code opaline desktop} (single seat) or {@code opaline demo}: loopback, port 0. */
    public static ApiLauncher inProcess(CoreServices core, boolean demo, ProxyClient pscClient) {
        ApiLauncher launcher = new ApiLauncher(core, true);
        launcher.demo = demo;
        if (pscClient != null) {
            launcher.psc = ApiWiring.throughClient(core, pscClient);
        }
        return launcher;
    }

    /** PSC sign-ins checked by the proxy e-santé running in the same server. */
    public void bridge(PscProxyLauncher proxy) {
        this.psc = (handle, address) -> ProxyClient.authenticatedSession(proxy.proxy().session(handle, address),
                id -> new UserRepository(core.database.dsl()).findById(id));
    }

    /**
     * The practice server's one HTTPS port: the proxy e-santé's routes served beside the API (and its
     * sign-ins open API sessions). Before start; the proxy must start first.
     */
    public void serve(PscProxyLauncher proxy) {
        if (loopback) {
            throw new IllegalStateException("the loopback API of a desktop serves no proxy");
        }
        bridge(proxy);
        this.proxy = proxy;
        proxy.mountOn(this);
    }

    @Override
    public String name() {
        return "API du serveur du cabinet";
    }

    @Override
    public void start() throws Exception {
        TlsIdentity identity = loopback
                ? TlsIdentity.create("Opaline (ce poste)", List.of("127.0.0.1", "localhost"), TlsIdentity.Usage.SERVER,
                Duration.ofDays(2))
                : ApiWiring.serverIdentity(core.config);
        HttpSettings settings = loopback
                ? HttpSettings.defaults("API Opaline", new InetSocketAddress("127.0.0.1", 0))
                        .withThreads(core.config.getInt("api.threads", 64))
                : ApiWiring.httpSettings(core.config);
        PscSessions checker = (handle, address) -> {
            PscSessions current = psc;
            if (current == null) {
                throw new fr.opaline.core.common.BusinessRuleException(
                        "Pro Santé Connect n'est pas relié à ce serveur du cabinet.");
            }
            return current.verify(handle, address);
        };
        ApiServer.Mounted mounted = ApiServer.Mounted.NONE;
        if (proxy != null) {
            ProxyService service = proxy.proxy();
            if (service == null) {
                throw new IllegalStateException("le proxy e-santé doit démarrer avant l'API qui le sert");
            }
            mounted = new ApiServer.Mounted(routes -> ProxyHttpServer.mount(routes, service), ProxyHttpServer::error);
        }
        server = new ApiServer(settings, identity, ApiWiring.practiceApi(core, checker, demo),
                OpalineVersion.version(), mounted).start();
        LOG.info("API{} : {} — empreinte du certificat {}", proxy != null ? " et proxy e-santé" : "", server.uri(),
                identity.fingerprint());
        if (!loopback) {
            openToOperators(settings.bind());
        }
    }

    /**
     * The operator commands of this machine (decision 0310): a new credential, written beside the
     * vault key with the loopback address to call, when the port listens on loopback too.
     */
    private void openToOperators(InetSocketAddress bind) {
        operators = fr.opaline.server.operator.OperatorCredential.generate();
        server.dispatcher().admitOperators(operators);
        java.net.InetAddress address = bind.getAddress();
        if (address != null && !address.isAnyLocalAddress() && !address.isLoopbackAddress()) {
            LOG.warn("Commandes d'exploitation : le port HTTPS n'écoute que sur {} ; elles ouvriront la base "
                    + "elles-mêmes (serveur arrêté)", address.getHostAddress());
            operators = null;
            return;
        }
        String host = address instanceof java.net.Inet6Address && address.isLoopbackAddress() ? "[::1]" : "127.0.0.1";
        operators.publish(OperatorWiring.tokenFile(core.config), URI.create("https://" + host + ":" + server.port()),
                server.fingerprint());
    }

    public URI uri() {
        return server.uri();
    }

    public String fingerprint() {
        return server.fingerprint();
    }

    public int port() {
        return server.port();
    }

    @Override
    public void stop(Duration grace) {
        if (operators != null) {
            operators.withdraw(OperatorWiring.tokenFile(core.config));
        }
        if (server != null) {
            server.close();
        }
    }
}
