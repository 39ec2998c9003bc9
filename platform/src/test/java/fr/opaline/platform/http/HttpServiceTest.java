package fr.opaline.platform.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class HttpServiceTest {

    private final HttpClient client = HttpClient.newHttpClient();
    private HttpService server;

    private URI start(HttpSettings settings) throws Exception {
        Routes routes = new Routes()
                .get("/hello/{name}", x -> Reply.json(Map.of("hello", x.pathParameter("name"),
                        "q", x.query("q").orElse(""))))
                .post("/echo", x -> Reply.bytes(200, "text/plain", x.body()))
                .post("/json", x -> Reply.json(x.json(Map.class)))
                .post("/refusedUnread", x -> {
                    throw new HttpError(403, "forbidden", "Interdit avant lecture du corps.");
                })
                .get("/boom", x -> {
                    throw new IllegalStateException("secret detail");
                })
                .get("/refused", x -> {
                    throw new UnsupportedOperationException("non");
                });
        server = new HttpService(settings, routes, new ObjectMapper(),
                e -> e instanceof UnsupportedOperationException ? new HttpError(403, "forbidden", "Interdit.") : null)
                .start();
        return server.uri();
    }

    private static HttpSettings loopback() {
        return HttpSettings.defaults("test", new InetSocketAddress("127.0.0.1", 0));
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private HttpResponse<String> send(HttpRequest request) throws Exception {
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void routesWithParametersQueryAndJson() throws Exception {
        URI base = start(loopback());
        var ok = send(HttpRequest.newBuilder(base.resolve("/hello/Dupont%20Marie?q=x")).build());
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(ok.body()).contains("\"hello\":\"Dupont Marie\"").contains("\"q\":\"x\"");
        assertThat(send(HttpRequest.newBuilder(base.resolve("/nowhere")).build()).statusCode()).isEqualTo(404);
        var wrongMethod = send(HttpRequest.newBuilder(base.resolve("/echo")).build());
        assertThat(wrongMethod.statusCode()).isEqualTo(405);
        var echo = send(HttpRequest.newBuilder(base.resolve("/echo")).POST(HttpRequest.BodyPublishers.ofString("abc")).build());
        assertThat(echo.body()).isEqualTo("abc");
    }

    @Test
    void errorsAreJsonInFrenchWithoutInternalDetail() throws Exception {
        URI base = start(loopback());
        var boom = send(HttpRequest.newBuilder(base.resolve("/boom")).build());
        assertThat(boom.statusCode()).isEqualTo(500);
        assertThat(boom.body()).contains("Erreur interne").doesNotContain("secret detail");
        assertThat(send(HttpRequest.newBuilder(base.resolve("/refused")).build()).statusCode()).isEqualTo(403);
        var badJson = send(HttpRequest.newBuilder(base.resolve("/json")).POST(HttpRequest.BodyPublishers.ofString("{nope")).build());
        assertThat(badJson.statusCode()).isEqualTo(400);
        assertThat(badJson.body()).contains("JSON invalide");
    }

    @Test
    void aBodyOverTheLimitIsRefusedWithoutBeingKept() throws Exception {
        URI base = start(loopback().withMaxBodyBytes(1000));
        var tooLarge = send(HttpRequest.newBuilder(base.resolve("/echo"))
                .POST(HttpRequest.BodyPublishers.ofString("x".repeat(5000))).build());
        assertThat(tooLarge.statusCode()).isEqualTo(413);
        var fits = send(HttpRequest.newBuilder(base.resolve("/echo"))
                .POST(HttpRequest.BodyPublishers.ofString("x".repeat(900))).build());
        assertThat(fits.statusCode()).isEqualTo(200);
    }

    @Test
    void aConnectionThatNeverFinishesItsHeadersIsClosedAndHoldsNoWorker() throws Exception {
        URI base = start(loopback().withThreads(4).withDeadlines(Duration.ofMillis(800), Duration.ofSeconds(2),
                Duration.ofSeconds(30)));
        Socket[] slow = new Socket[12];
        for (int i = 0; i < slow.length; i++) {
            slow[i] = new Socket("127.0.0.1", base.getPort());
            slow[i].getOutputStream().write("GET /hello/x HTTP/1.1\r\nHost: a\r\n".getBytes(StandardCharsets.US_ASCII));
            slow[i].getOutputStream().flush();
        }
        // More trickling connections than workers: a legitimate request is still served at once.
        var ok = send(HttpRequest.newBuilder(base.resolve("/hello/y")).timeout(Duration.ofSeconds(2)).build());
        assertThat(ok.statusCode()).isEqualTo(200);
        for (Socket socket : slow) {
            socket.setSoTimeout(5000);
            InputStream in = socket.getInputStream();
            long start = System.nanoTime();
            int read = in.read();
            assertThat(read).as("closed by the server").isEqualTo(-1);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(4));
            socket.close();
        }
    }

    @Test
    void aBodyThatNeverArrivesGets408() throws Exception {
        URI base = start(loopback().withDeadlines(Duration.ofSeconds(5), Duration.ofMillis(500), Duration.ofSeconds(30)));
        try (Socket socket = new Socket("127.0.0.1", base.getPort())) {
            socket.setSoTimeout(5000);
            OutputStream out = socket.getOutputStream();
            out.write("POST /echo HTTP/1.1\r\nHost: a\r\nContent-Length: 100\r\n\r\nabc".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String answer = new String(socket.getInputStream().readNBytes(12), StandardCharsets.US_ASCII);
            assertThat(answer).isEqualTo("HTTP/1.1 408");
        }
    }

    @Test
    void aKeptAliveConnectionThatServedARequestOutlivesTheHeaderDeadline() throws Exception {
        URI base = start(loopback().withDeadlines(Duration.ofMillis(500), Duration.ofSeconds(2), Duration.ofSeconds(30)));
        try (Socket socket = new Socket("127.0.0.1", base.getPort())) {
            socket.setSoTimeout(5000);
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            out.write("GET /hello/a HTTP/1.1\r\nHost: a\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            assertThat(new String(in.readNBytes(12), StandardCharsets.US_ASCII)).isEqualTo("HTTP/1.1 200");
            in.readNBytes(in.available());
            Thread.sleep(1500);
            out.write("GET /hello/b HTTP/1.1\r\nHost: a\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            byte[] answer = new byte[4096];
            int n = in.read(answer);
            assertThat(n).as("the second request is answered on the same connection").isPositive();
            assertThat(new String(answer, 0, n, StandardCharsets.US_ASCII)).contains("HTTP/1.1 200");
        }
    }

    /**
     * A route that answers without reading the body (a 403 decided from the session, an operation
     * without argument) while the body is still on its way: the connection must carry the next
     * request, or the client, which pooled it, fails with "header parser received no bytes".
     */
    @Test
    void aBodyTheRouteDidNotReadDoesNotCostTheConnection() throws Exception {
        URI base = start(loopback());
        try (Socket socket = new Socket("127.0.0.1", base.getPort())) {
            socket.setSoTimeout(5000);
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            out.write(("POST /refusedUnread HTTP/1.1\r\nHost: a\r\nContent-Type: application/json\r\n"
                    + "Content-Length: 12\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            Thread.sleep(300); // the body comes in a later packet, after the route has answered
            out.write("{\"a\":\"bcde\"}".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String first = readResponse(in);
            assertThat(first).startsWith("HTTP/1.1 403").doesNotContainIgnoringCase("connection: close");
            out.write("GET /hello/b HTTP/1.1\r\nHost: a\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            assertThat(readResponse(in)).as("the next request on the same connection").startsWith("HTTP/1.1 200");
        }
    }

    /** One response: headers, then Content-Length bytes of body. */
    private static String readResponse(InputStream in) throws java.io.IOException {
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int c = in.read();
            if (c < 0) {
                return head.toString();
            }
            head.append((char) c);
        }
        java.util.regex.Matcher length = java.util.regex.Pattern.compile("(?i)content-length: *(\\d+)").matcher(head);
        int n = length.find() ? Integer.parseInt(length.group(1)) : 0;
        return head + new String(in.readNBytes(n), StandardCharsets.UTF_8);
    }
}
