package fr.opaline.app.server;

import fr.opaline.core.common.Json;
import fr.opaline.platform.http.HttpService;
import fr.opaline.platform.http.HttpSettings;
import fr.opaline.platform.http.Reply;
import fr.opaline.platform.http.Routes;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;

/**
 * Serves {@code GET /health} as JSON (status 200 when UP or DEGRADED, 503 when DOWN), for
 * supervision (Nagios/Zabbix/Centreon, a systemd watchdog script, the desktop's status bar).
 * Bound to loopback unless configured otherwise: it reveals no patient data, but there is no
 * reason to expose it to the network. On the one HTTP scaffolding (a few workers, no body).
 */
public final class HealthEndpoint implements AutoCloseable {

    private final HttpService http;

    private HealthEndpoint(HttpService http) {
        this.http = http;
    }

    public static HealthEndpoint start(InetSocketAddress address, HealthCheck check) throws IOException {
        HttpSettings settings = HttpSettings.defaults("point de santé", address).withThreads(4).withMaxConnections(16)
                .withMaxBodyBytes(0);
        Routes routes = new Routes().get("/health", exchange -> {
            HealthCheck.Result result = check.check();
            return Reply.bytes(result.status() == HealthCheck.Status.DOWN ? 503 : 200, "application/json; charset=utf-8",
                    Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(result.body()));
        });
        return new HealthEndpoint(new HttpService(settings, routes, Json.mapper()).start());
    }

    public URI uri() {
        return http.uri().resolve("/health");
    }

    @Override
    public void close() {
        http.close();
    }
}
