package fr.opaline.app.server;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import fr.opaline.core.common.Json;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Serves {@code GET /health} as JSON (status 200 when UP or DEGRADED, 503 when DOWN), for
 * supervision (Nagios/Zabbix/Centreon, a systemd watchdog script, the desktop's status bar).
 * Bound to loopback unless configured otherwise: it reveals no patient data, but there is no
 * reason to expose it to the network.
 */
public final class HealthEndpoint implements AutoCloseable {

    private final HttpServer http;
    private final ExecutorService threads;

    private HealthEndpoint(HttpServer http, ExecutorService threads) {
        this.http = http;
        this.threads = threads;
    }

    public static HealthEndpoint start(InetSocketAddress address, HealthCheck check) throws IOException {
        HttpServer http = HttpServer.create(address, 8);
        ExecutorService threads = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "health-endpoint");
            t.setDaemon(true);
            return t;
        });
        http.setExecutor(threads);
        http.createContext("/", exchange -> handle(exchange, check));
        http.start();
        return new HealthEndpoint(http, threads);
    }

    private static void handle(HttpExchange exchange, HealthCheck check) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            if (!exchange.getRequestMethod().equals("GET") && !exchange.getRequestMethod().equals("HEAD")) {
                respond(exchange, 405, Map.of("error", "GET uniquement"));
            } else if (!path.equals("/health") && !path.equals("/health/")) {
                respond(exchange, 404, Map.of("error", "introuvable : seul /health est servi"));
            } else {
                HealthCheck.Result result = check.check();
                respond(exchange, result.status() == HealthCheck.Status.DOWN ? 503 : 200, result.body());
            }
        }
    }

    private static void respond(HttpExchange exchange, int status, Object body) throws IOException {
        byte[] bytes = Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        boolean head = exchange.getRequestMethod().equals("HEAD");
        exchange.sendResponseHeaders(status, head ? -1 : bytes.length);
        if (!head) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    public URI uri() {
        InetSocketAddress address = http.getAddress();
        String host = address.getAddress().isAnyLocalAddress() ? "127.0.0.1" : address.getAddress().getHostAddress();
        if (host.contains(":")) {
            host = "[" + host + "]";
        }
        return URI.create("http://" + host + ":" + address.getPort() + "/health");
    }

    @Override
    public void close() {
        http.stop(0);
        threads.shutdownNow();
    }
}
