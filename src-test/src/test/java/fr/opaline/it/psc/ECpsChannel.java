package fr.opaline.it.psc;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import fr.opaline.core.common.Json;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The professional's phone for Keycloak: Keycloak's CIBA HTTP authentication channel posts each
 * request here (login_hint, binding_message, bearer token); the test's decision for that
 * professional is then sent to Keycloak's callback endpoint, as an e-CPS would after a tap.
 */
final class ECpsChannel implements AutoCloseable {

    enum Decision { APPROVE, DENY, IGNORE }

    /** What Keycloak sent to the "phone". */
    record Request(String loginHint, String bindingMessage, String acrValues, String scope) {
    }

    private final HttpServer server;
    private final ExecutorService callbacks = Executors.newFixedThreadPool(2);
    private final Map<String, Decision> decisions = new ConcurrentHashMap<>();
    private final List<Request> received = new CopyOnWriteArrayList<>();
    private final HttpClient http = HttpClient.newHttpClient();
    private volatile URI callback;

    ECpsChannel() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 8);
        server.createContext("/ciba", this::handle);
        server.start();
    }

    URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/ciba");
    }

    /** Keycloak's callback endpoint of the realm, known once Keycloak runs. */
    void callbackTo(URI realm) {
        this.callback = realm.resolve("protocol/openid-connect/ext/ciba/auth/callback");
    }

    void decide(String nationalId, Decision decision) {
        decisions.put(nationalId, decision);
    }

    List<Request> received() {
        return List.copyOf(received);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            JsonNode body = Json.mapper().readTree(exchange.getRequestBody());
            String bearer = exchange.getRequestHeaders().getFirst("Authorization");
            Request request = new Request(text(body, "login_hint"), text(body, "binding_message"), text(body, "acr_values"),
                    text(body, "scope"));
            received.add(request);
            exchange.sendResponseHeaders(201, -1);
            Decision decision = decisions.getOrDefault(request.loginHint(), Decision.IGNORE);
            if (decision != Decision.IGNORE) {
                callbacks.submit(() -> answer(bearer, decision == Decision.APPROVE ? "SUCCEED" : "UNAUTHORIZED"));
            }
        }
    }

    /** Keycloak stores the request just after our 201: retry briefly until it knows it. */
    private void answer(String bearer, String status) {
        for (int attempt = 0; attempt < 20; attempt++) {
            try {
                Thread.sleep(250);
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(callback)
                        .header("Authorization", bearer).header("Content-Type", "application/json")
                        .timeout(Duration.ofSeconds(10))
                        .POST(HttpRequest.BodyPublishers.ofString("{\"status\":\"" + status + "\"}")).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() / 100 == 2) {
                    return;
                }
            } catch (IOException e) {
                // retry
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static String text(JsonNode body, String field) {
        JsonNode value = body.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    @Override
    public void close() {
        server.stop(0);
        callbacks.shutdownNow();
    }
}
