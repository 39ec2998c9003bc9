package fr.opaline.psc.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import fr.opaline.core.common.Json;
import fr.opaline.psc.PscTestRig;
import fr.opaline.psc.client.ProxyTrust;
import fr.opaline.sandbox.psc.ECpsSimulator;
import fr.opaline.sandbox.psc.SandboxOpenIdProvider;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The ANS "API proxy e-Santé" façade on the proxy's HTTPS port, checked against the public OpenAPI:
 * ansforge/psc-edc-proxy-esante, {@code openapi/API-Proxy-eSante.json} (cited as "OpenAPI" below,
 * with the JSON path of each element).
 */
class EsanteFacadeTest {

    private static final SandboxOpenIdProvider.Settings SANDBOX = new SandboxOpenIdProvider.Settings(
            Duration.ofSeconds(60), Duration.ofSeconds(1), Duration.ofSeconds(90), Duration.ofMinutes(30));
    private static final String ID_NAT = "899700000000";

    @Test
    void connectSendsTheClientsTwoDigitsAndChannelAndAnswersTheSessionWithItsCookie() throws Exception {
        try (PscTestRig rig = new PscTestRig(ECpsSimulator.Mode.MANUAL, SANDBOX)) {
            HttpClient http = client(rig);
            Instant before = Instant.now().minusSeconds(1);
            // OpenAPI paths./connect.post.requestBody → components.schemas.connection
            // (nationalId, bindingMessage "two-digit … 00 and 99", clientId, channel "CARD or MOBILE").
            CompletableFuture<HttpResponse<String>> connect = http.sendAsync(post(rig, "/connect",
                    connection(ID_NAT, "07", SandboxOpenIdProvider.CLIENT_ID, "CARD")), HttpResponse.BodyHandlers.ofString());
            String ref = awaitPendingApproval(rig);
            assertThat(rig.sandbox.bindingMessage(ref)).contains("07");
            assertThat(rig.sandbox.channel(ref)).contains("CARD");
            assertThat(rig.sandbox.nationalId(ref)).contains(ID_NAT);
            rig.sandbox.decide(ref, true);

            HttpResponse<String> response = connect.get(60, TimeUnit.SECONDS);
            // OpenAPI paths./connect.post.responses.200: schema session {proxy_session_id, session_state},
            // header Set-Cookie "proxy_session_id=…; Path=/" (components.securitySchemes.cookieAuth).
            assertThat(response.statusCode()).isEqualTo(200);
            Map<String, Object> session = Json.read(response.body(), Map.class);
            assertThat(session).containsOnlyKeys("proxy_session_id", "session_state");
            String id = (String) session.get("proxy_session_id");
            assertThat(id).isNotBlank();
            assertThat((String) session.get("session_state")).isNotBlank().isNotEqualTo(id);
            assertThat(response.headers().firstValue("Set-Cookie")).hasValueSatisfying(cookie ->
                    assertThat(cookie).startsWith("proxy_session_id=" + id + ";").contains("Path=/"));

            // The cookie is the one server session: the /psc API opens it with the same handle.
            assertThat(rig.client.session(id).professional().nationalId()).isEqualTo(ID_NAT);

            // OpenAPI paths./connect.post.responses.304 "User session already active": no second push.
            HttpResponse<String> again = http.send(withCookie(post(rig, "/connect",
                    connection(ID_NAT, "08", SandboxOpenIdProvider.CLIENT_ID, "CARD")), id), HttpResponse.BodyHandlers.ofString());
            assertThat(again.statusCode()).isEqualTo(304);
            assertThat(rig.sandbox.pendingApprovals()).isEmpty();

            // OpenAPI paths./disconnect.delete, parameter proxy_session_id in cookie, responses.200.
            HttpResponse<String> bye = http.send(withCookie(request(rig, "/disconnect").DELETE(), id),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(bye.statusCode()).isEqualTo(200);
            // OpenAPI paths./disconnect.delete.responses.401 "Session ID not found" {code, message}.
            HttpResponse<String> twice = http.send(withCookie(request(rig, "/disconnect").DELETE(), id),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(twice.statusCode()).isEqualTo(401);
            assertThat(Json.read(twice.body(), Map.class)).containsKeys("code", "message");
            HttpResponse<String> noCookie = http.send(request(rig, "/disconnect").DELETE().build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(noCookie.statusCode()).isEqualTo(401);

            // OpenAPI paths./traces.get, query start (date-time, required), end: the connect, the replay, the disconnect.
            HttpResponse<String> traces = http.send(request(rig, "/traces?start=" + before).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(traces.statusCode()).isEqualTo(200);
            List<Map<String, Object>> all = Json.read(traces.body(), List.class);
            assertThat(all).extracting(t -> t.get("type")).containsExactly("CONNECT_SUCCESS", "CONNECT_REPLAY", "DISCONNECT");
            assertThat(traces.body()).doesNotContain(id);
            HttpResponse<String> none = http.send(request(rig, "/traces?start=" + Instant.now().plusSeconds(60)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(Json.read(none.body(), List.class)).isEmpty();
            assertThat(http.send(request(rig, "/traces").GET().build(), HttpResponse.BodyHandlers.ofString())
                    .statusCode()).isEqualTo(400);
        }
    }

    @Test
    void aBadConnectionIs400AnUnknownClientIs404BothWithCodeMessageAndMetadata() throws Exception {
        try (PscTestRig rig = new PscTestRig(ECpsSimulator.Mode.MANUAL, SANDBOX)) {
            HttpClient http = client(rig);
            // OpenAPI paths./connect.post.responses.400: {code, message, metadata{nationalId, clientId}}.
            for (String body : List.of(connection(ID_NAT, "K7M-3PX", SandboxOpenIdProvider.CLIENT_ID, "MOBILE"),
                    connection(ID_NAT, "7", SandboxOpenIdProvider.CLIENT_ID, "MOBILE"),
                    connection(ID_NAT, "42", SandboxOpenIdProvider.CLIENT_ID, null),
                    connection(ID_NAT, "42", SandboxOpenIdProvider.CLIENT_ID, "SMS"),
                    connection(null, "42", SandboxOpenIdProvider.CLIENT_ID, "MOBILE"),
                    connection(ID_NAT, "42", null, "MOBILE"))) {
                HttpResponse<String> r = http.send(post(rig, "/connect", body), HttpResponse.BodyHandlers.ofString());
                assertThat(r.statusCode()).as(body).isEqualTo(400);
                Map<String, Object> error = Json.read(r.body(), Map.class);
                assertThat(error).containsKeys("code", "message", "metadata");
                assertThat((Map<String, Object>) error.get("metadata")).containsKeys("nationalId", "clientId");
            }
            // OpenAPI paths./connect.post.responses.404 "User National ID or Software Client ID Not Found".
            HttpResponse<String> unknown = http.send(post(rig, "/connect", connection(ID_NAT, "42", "not-our-client", "MOBILE")),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(unknown.statusCode()).isEqualTo(404);
            Map<String, Object> error = Json.read(unknown.body(), Map.class);
            assertThat(error.get("code")).isEqualTo("404");
            assertThat((Map<String, Object>) error.get("metadata")).containsEntry("nationalId", ID_NAT)
                    .containsEntry("clientId", "not-our-client");
            assertThat(rig.sandbox.pendingApprovals()).isEmpty();
        }
    }

    @Test
    void aRefusalOnTheECpsIsA400AndOpensNoSession() throws Exception {
        try (PscTestRig rig = new PscTestRig(ECpsSimulator.Mode.DENY, SANDBOX)) {
            HttpResponse<String> r = client(rig).send(post(rig, "/connect",
                    connection(ID_NAT, "42", SandboxOpenIdProvider.CLIENT_ID, "MOBILE")), HttpResponse.BodyHandlers.ofString());
            // OpenAPI paths./connect.post.responses lists 200, 304, 400, 404, 500, 503: a refusal is a Bad Request.
            assertThat(r.statusCode()).isEqualTo(400);
            assertThat(r.headers().firstValue("Set-Cookie")).isEmpty();
            assertThat(Json.read(r.body(), Map.class)).containsKeys("code", "message", "metadata");
        }
    }

    @Test
    void connectsWaitingForTheECpsAreBoundedSoTheyCannotHoldEveryWorkerOfTheSharedPort() throws Exception {
        try (PscTestRig rig = new PscTestRig(ECpsSimulator.Mode.MANUAL, SANDBOX);
             fr.opaline.platform.http.HttpService one = new fr.opaline.platform.http.HttpService(
                     ProxyHttpServer.settings(new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0),
                             LanCertificate.serverContext(rig.tls)),
                     new EsanteFacade(rig.proxy, java.time.Clock.systemUTC(), 1).mount(new fr.opaline.platform.http.Routes()),
                     Json.mapper(), ProxyHttpServer::error).start()) {
            HttpClient http = client(rig);
            URI base = URI.create("https://127.0.0.1:" + one.port());
            CompletableFuture<HttpResponse<String>> first = http.sendAsync(HttpRequest.newBuilder(base.resolve("/connect"))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                            connection(ID_NAT, "11", SandboxOpenIdProvider.CLIENT_ID, "MOBILE"))).build(),
                    HttpResponse.BodyHandlers.ofString());
            String ref = awaitPendingApproval(rig);
            // OpenAPI paths./connect.post.responses.503 "Service Unavailable".
            HttpResponse<String> second = http.send(HttpRequest.newBuilder(base.resolve("/connect"))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                            connection("899700000001", "12", SandboxOpenIdProvider.CLIENT_ID, "MOBILE"))).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(second.statusCode()).isEqualTo(503);
            assertThat(rig.sandbox.pendingApprovals()).containsExactly(ref);
            rig.sandbox.decide(ref, true);
            assertThat(first.get(60, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
        }
    }

    private static String awaitPendingApproval(PscTestRig rig) throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < until) {
            List<String> pending = rig.sandbox.pendingApprovals();
            if (!pending.isEmpty()) {
                return pending.get(0);
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no CIBA request reached the sandbox");
    }

    private static String connection(String nationalId, String bindingMessage, String clientId, String channel) {
        Map<String, String> body = new java.util.LinkedHashMap<>();
        body.put("nationalId", nationalId);
        body.put("bindingMessage", bindingMessage);
        body.put("clientId", clientId);
        body.put("channel", channel);
        return Json.write(body);
    }

    private static HttpClient client(PscTestRig rig) {
        return HttpClient.newBuilder().sslContext(ProxyTrust.pinned(rig.tls.certificate()).sslContext())
                .connectTimeout(Duration.ofSeconds(10)).build();
    }

    private static HttpRequest.Builder request(PscTestRig rig, String path) {
        return HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + rig.server.port() + path))
                .timeout(Duration.ofSeconds(60));
    }

    private static HttpRequest post(PscTestRig rig, String path, String json) {
        return request(rig, path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build();
    }

    private static HttpRequest withCookie(HttpRequest request, String id) {
        return HttpRequest.newBuilder(request, (n, v) -> true).header("Cookie", "proxy_session_id=" + id).build();
    }

    private static HttpRequest withCookie(HttpRequest.Builder builder, String id) {
        return builder.header("Cookie", "proxy_session_id=" + id).build();
    }
}
