package fr.opaline.app.server;

import fr.opaline.app.config.ConfigException;
import fr.opaline.app.config.OpalineConfig;
import fr.opaline.app.wiring.CoreServices;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One running practice server process: its database, its services, its health endpoint, and
 * the order in which they stop. {@link #shutdown(Duration)} is what SIGTERM ({@code systemctl
 * stop}) and Ctrl-C trigger ({@link StopSignals}): services finish their work in flight, then
 * the health endpoint and the database pool close, then the process exits.
 */
public final class ServerRuntime implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ServerRuntime.class);
    public static final int DEFAULT_HEALTH_PORT = 9470;

    private final CoreServices core;
    private final PracticeServer server;
    private final HealthEndpoint health;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private boolean shutDown;

    private ServerRuntime(CoreServices core, PracticeServer server, HealthEndpoint health) {
        this.core = core;
        this.server = server;
        this.health = health;
    }

    /** Opens the database (migrating it), starts the health endpoint, then the services. */
    public static ServerRuntime start(OpalineConfig config, List<ServerContribution> contributions) throws Exception {
        CoreServices core = CoreServices.open(config);
        HealthEndpoint health = null;
        try {
            // Seals the TOTP seeds an earlier version stored in clear (once; nothing to do afterwards).
            new fr.opaline.app.wiring.AccountsWiring(core);
            PracticeServer server = ServerAssembly.assemble(core, contributions);
            if (config.getBoolean("health.enabled", true)) {
                HealthCheck check = new HealthCheck(core.database, server, core.database.schemaVersion(), core.clock,
                        fr.opaline.app.wiring.NationalServices.health(config));
                health = HealthEndpoint.start(healthAddress(config), check);
            }
            ServerRuntime runtime = new ServerRuntime(core, server, health);
            server.start();
            return runtime;
        } catch (Exception | Error e) {
            if (health != null) {
                health.close();
            }
            core.close();
            throw e;
        }
    }

    static InetSocketAddress healthAddress(OpalineConfig config) {
        String bind = config.get("health.bind", "127.0.0.1");
        int port = config.getInt("health.port", DEFAULT_HEALTH_PORT);
        if (port < 0 || port > 65535) {
            throw new ConfigException("health.port : " + port + " n'est pas un port (0 à 65535)");
        }
        try {
            return new InetSocketAddress(InetAddress.getByName(bind), port);
        } catch (UnknownHostException e) {
            throw new ConfigException("health.bind : adresse inconnue « " + bind + " »");
        }
    }

    public CoreServices core() {
        return core;
    }

    public PracticeServer server() {
        return server;
    }

    public Optional<URI> healthUri() {
        return Optional.ofNullable(health).map(HealthEndpoint::uri);
    }

    /** Stops the services within {@code grace}, then the endpoint and the database. Idempotent. */
    public void shutdown(Duration grace) {
        synchronized (this) {
            if (shutDown) {
                return;
            }
            shutDown = true;
        }
        LOG.info("Practice server stopping (grace {})", grace);
        try {
            server.stop(grace);
        } finally {
            if (health != null) {
                health.close();
            }
            core.close();
            // Logged before the release: the main thread exits as soon as it is released.
            LOG.info("Practice server stopped");
            stopped.countDown();
        }
    }

    public void awaitShutdown() throws InterruptedException {
        stopped.await();
    }

    @Override
    public void close() {
        shutdown(Duration.ofSeconds(30));
    }
}
