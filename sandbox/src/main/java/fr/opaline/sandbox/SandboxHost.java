package fr.opaline.sandbox;

import fr.opaline.core.common.Json;
import fr.opaline.sandbox.SandboxService;
import fr.opaline.platform.http.HttpError;
import fr.opaline.platform.http.HttpService;
import fr.opaline.platform.http.HttpSettings;
import fr.opaline.platform.http.Reply;
import fr.opaline.platform.http.Routes;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs the sandbox stand-ins in one process and serves, on loopback, a read-only JSON view of
 * what each has received: {@code GET /} lists the services and their endpoints,
 * {@code GET /inspect/<name>} shows one service's state.
 */
public final class SandboxHost implements AutoCloseable {

    private final List<SandboxService> services;
    private final List<SandboxService> started = new ArrayList<>();
    private final int inspectionPort;
    private HttpService inspection;

    public SandboxHost(List<SandboxService> services, int inspectionPort) {
        this.services = List.copyOf(services);
        this.inspectionPort = inspectionPort;
    }

    public void start() throws Exception {
        for (SandboxService service : services) {
            service.start();
            started.add(service);
        }
        inspection = new HttpService(HttpSettings.defaults("sandbox-inspection",
                new InetSocketAddress(InetAddress.getLoopbackAddress(), inspectionPort)).withThreads(4)
                .withMaxConnections(16).withMaxBodyBytes(0), new Routes()
                .get("/", x -> respond(200, directory()))
                .get("/inspect/{name}", x -> {
                    String name = x.pathParameter("name");
                    for (SandboxService service : services) {
                        if (service.name().equals(name)) {
                            return respond(200, service.inspect());
                        }
                    }
                    throw HttpError.notFound("service inconnu : " + name);
                }), Json.mapper()).start();
    }

    public URI inspectionUri() {
        return URI.create("http://127.0.0.1:" + inspection.port() + "/");
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

    private static Reply respond(int status, Object body) throws IOException {
        return Reply.text(status, "application/json; charset=utf-8",
                Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(body));
    }

    @Override
    public void close() {
        if (inspection != null) {
            inspection.close();
        }
        for (int i = started.size() - 1; i >= 0; i--) {
            started.get(i).stop(Duration.ofSeconds(5));
        }
        started.clear();
    }
}
