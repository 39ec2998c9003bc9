package fr.opaline.app.sandbox;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import fr.opaline.core.common.Json;
import fr.opaline.core.sandbox.SandboxService;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Runs the sandbox stand-ins in one process and serves, on loopback, a read-only JSON view of
 * what each has received: {@code GET /} lists the services and their endpoints,
 * {@code GET /inspect/<name>} shows one service's state.
 */
public final class SandboxHost implements AutoCloseable {

    private final List<SandboxService> services;
    private final List<SandboxService> started = new ArrayList<>();
    private final int inspectionPort;
    private HttpServer inspection;
    private ExecutorService inspectionThreads;

    public SandboxHost(List<SandboxService> services, int inspectionPort) {
        this.services = List.copyOf(services);
        this.inspectionPort = inspectionPort;
    }

    public void start() throws Exception {
        for (SandboxService service : services) {
            service.start();
            started.add(service);
        }
        inspection = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), inspectionPort), 16);
        inspection.createContext("/", this::handle);
        inspectionThreads = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "sandbox-inspection");
            t.setDaemon(true);
            return t;
        });
        inspection.setExecutor(inspectionThreads);
        inspection.start();
    }

    public URI inspectionUri() {
        return URI.create("http://127.0.0.1:" + inspection.getAddress().getPort() + "/");
    }

    public List<SandboxService> services() {
        return services;
    }

    /** Services and endpoints, as printed at start and served at {@code GET /}. */
    public Map<String, Object> directory() {
        Map<String, Object> directory = new LinkedHashMap<>();
        for (SandboxService service : services) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("endpoints", service.endpoints());
            entry.put("inspect", inspectionUri().resolve("inspect/" + service.name()).toString());
            directory.put(service.name(), entry);
        }
        return directory;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!exchange.getRequestMethod().equals("GET")) {
                respond(exchange, 405, Map.of("error", "lecture seule : GET uniquement"));
                return;
            }
            String path = exchange.getRequestURI().getPath();
            if (path.equals("/")) {
                respond(exchange, 200, directory());
                return;
            }
            if (path.startsWith("/inspect/")) {
                String name = path.substring("/inspect/".length());
                for (SandboxService service : services) {
                    if (service.name().equals(name)) {
                        respond(exchange, 200, service.inspect());
                        return;
                    }
                }
            }
            respond(exchange, 404, Map.of("error", "service inconnu : " + path));
        }
    }

    private static void respond(HttpExchange exchange, int status, Object body) throws IOException {
        byte[] bytes = Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(body)
                .getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        if (inspection != null) {
            inspection.stop(0);
            inspectionThreads.shutdownNow();
        }
        for (int i = started.size() - 1; i >= 0; i--) {
            started.get(i).stop(Duration.ofSeconds(5));
        }
        started.clear();
    }
}
