package fr.opaline.dmp.sandbox;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsExchange;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import fr.opaline.core.sandbox.SandboxService;
import fr.opaline.dmp.soap.MimeMultipart;
import fr.opaline.dmp.soap.SoapEnvelope;
import fr.opaline.dmp.soap.SoapException;
import fr.opaline.dmp.soap.SoapFault;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLPeerUnverifiedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sandbox DMP of {@code opaline sandbox}: the DMP's SOAP services (patients TD0.2,
 * habilitations TD0.4, registry ITI-18/ITI-57, repository ITI-41/ITI-43) over HTTPS with
 * mandatory client certificates from its test authority. Every request's VIHF is verified (XML
 * signature, certificate of the TLS channel, mandatory attributes) before anything else; see
 * {@link SandboxTransactions} for what each transaction enforces. It can be made unavailable
 * (HTTP 503, connection refused, slow answers) from its loopback control address, and shows what
 * it holds and received on the read-only inspection endpoint.
 */
public final class DmpSandbox implements SandboxService {

    public static final String NAME = "dmp";
    public static final String BASE_PATH = "/si-dmp-server/v2/services";
    public static final String CLIENT_FILE = "dmp-sandbox.properties";
    public static final String KEYSTORE_FILE = "dmp-practice.p12";
    public static final String TRUSTSTORE_FILE = "dmp-truststore.p12";
    private static final Logger LOG = LoggerFactory.getLogger(DmpSandbox.class);
    private static final int MAX_REQUEST_BYTES = 64 * 1024 * 1024;

    /** Outage modes for tests and demonstrations. */
    public enum Availability {
        UP,
        /** Every request answered HTTP 503 (service unavailable). */
        HTTP_503,
        /** The port is closed: connections are refused. */
        REFUSED,
        /** Answers come after the configured delay. */
        SLOW
    }

    private final int requestedPort;
    private final SandboxPki pki;
    private final Path stateDirectory;
    private final SandboxTransactions transactions;
    private volatile Availability availability = Availability.UP;
    private volatile Duration slowDelay = Duration.ofSeconds(5);
    private int port;
    private HttpsServer server;
    private HttpServer control;
    private ExecutorService threads;

    /**
     * @param port           0 for any free port
     * @param stateDirectory where the practice's sandbox certificate and the endpoint file are written
     *                       (so that {@code opaline server} with the same home finds them); null for none
     */
    public DmpSandbox(int port, SandboxPki pki, Path stateDirectory, Clock clock, boolean seedDocuments) {
        this.requestedPort = port;
        this.pki = pki;
        this.stateDirectory = stateDirectory;
        this.transactions = new SandboxTransactions(clock, pki.authority(), seedDocuments);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public synchronized void start() throws Exception {
        threads = Executors.newFixedThreadPool(16, r -> {
            Thread t = new Thread(r, "sandbox-dmp");
            t.setDaemon(true);
            return t;
        });
        openServer(requestedPort);
        port = server.getAddress().getPort();
        control = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 8);
        control.createContext("/control", this::control);
        control.createContext("/inspect", this::inspection);
        control.setExecutor(threads);
        control.start();
        if (stateDirectory != null) {
            writeClientFiles();
        }
        LOG.info("Sandbox DMP listening on {}", endpoint());
    }

    private void openServer(int onPort) throws Exception {
        HttpsServer s = null;
        for (int attempt = 0; s == null; attempt++) {
            try {
                s = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), onPort), 64);
            } catch (BindException e) {
                if (attempt > 50) {
                    throw e;
                }
                Thread.sleep(100);
            }
        }
        var context = pki.serverContext();
        s.setHttpsConfigurator(new HttpsConfigurator(context) {
            @Override
            public void configure(HttpsParameters params) {
                SSLParameters parameters = context.getDefaultSSLParameters();
                parameters.setNeedClientAuth(true);
                params.setSSLParameters(parameters);
            }
        });
        s.createContext(BASE_PATH, this::handle);
        s.setExecutor(threads);
        s.start();
        server = s;
    }

    private void writeClientFiles() throws Exception {
        pki.writeClientFiles(stateDirectory, KEYSTORE_FILE, TRUSTSTORE_FILE);
        Properties p = new Properties();
        p.setProperty("url", endpoint().toString());
        p.setProperty("keystore", stateDirectory.resolve(KEYSTORE_FILE).toAbsolutePath().toString());
        p.setProperty("truststore", stateDirectory.resolve(TRUSTSTORE_FILE).toAbsolutePath().toString());
        p.setProperty("password", SandboxPki.PASSWORD);
        p.setProperty("control", controlUri().toString());
        try (OutputStream out = Files.newOutputStream(stateDirectory.resolve(CLIENT_FILE))) {
            p.store(out, "Bac à sable DMP d'Opaline : adresse et certificats de test (à ne jamais utiliser en production)");
        }
    }

    @Override
    public synchronized void stop(Duration grace) {
        if (server != null) {
            server.stop(0);
            server = null;
        }
        if (control != null) {
            control.stop(0);
            control = null;
        }
        if (threads != null) {
            threads.shutdownNow();
        }
    }

    /** Base address of the SOAP services ({@code dmp.url}). */
    public URI endpoint() {
        return URI.create("https://127.0.0.1:" + port + BASE_PATH);
    }

    /** Read-only JSON view of what the sandbox holds and received (GET). */
    public URI inspectionUri() {
        return URI.create("http://127.0.0.1:" + control.getAddress().getPort() + "/inspect");
    }

    public URI controlUri() {
        return URI.create("http://127.0.0.1:" + control.getAddress().getPort() + "/control");
    }

    @Override
    public Map<String, URI> endpoints() {
        Map<String, URI> endpoints = new LinkedHashMap<>();
        endpoints.put("soap", endpoint());
        endpoints.put("control", controlUri());
        endpoints.put("inspection", inspectionUri());
        return endpoints;
    }

    @Override
    public Object inspect() {
        Map<String, Object> view = new LinkedHashMap<>(transactions.inspect());
        view.put("availability", availability);
        return view;
    }

    public SandboxPki pki() {
        return pki;
    }

    public SandboxTransactions transactions() {
        return transactions;
    }

    public Availability availability() {
        return availability;
    }

    /** Switches the outage mode; REFUSED closes the port, UP reopens it on the same port. */
    public synchronized void setAvailability(Availability mode) {
        if (mode == availability) {
            return;
        }
        try {
            if (mode == Availability.REFUSED && server != null) {
                server.stop(0);
                server = null;
            } else if (mode != Availability.REFUSED && server == null && threads != null) {
                openServer(port);
            }
        } catch (Exception e) {
            throw new IllegalStateException("Bac à sable DMP : changement de disponibilité impossible", e);
        }
        availability = mode;
        LOG.info("Sandbox DMP availability: {}", mode);
    }

    public void setSlowDelay(Duration delay) {
        this.slowDelay = delay;
    }

    // --- HTTP ------------------------------------------------------------------------------

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            Availability mode = availability;
            if (mode == Availability.HTTP_503) {
                drain(exchange);
                plain(exchange, 503, "Service DMP momentanément indisponible (bac à sable)");
                return;
            }
            if (mode == Availability.SLOW) {
                sleep(slowDelay);
            }
            if (!"POST".equals(exchange.getRequestMethod())) {
                plain(exchange, 405, "POST attendu");
                return;
            }
            String service = exchange.getRequestURI().getPath().substring(BASE_PATH.length()).replace("/", "");
            byte[] body = exchange.getRequestBody().readNBytes(MAX_REQUEST_BYTES + 1);
            if (body.length > MAX_REQUEST_BYTES) {
                plain(exchange, 413, "Message trop volumineux");
                return;
            }
            X509Certificate client = clientCertificate(exchange);
            SandboxTransactions.Reply reply;
            try {
                String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
                List<MimeMultipart.Part> parts = MimeMultipart.isMultipart(contentType)
                        ? MimeMultipart.read(contentType, body) : List.of();
                SoapEnvelope envelope = SoapEnvelope.read(parts.isEmpty() ? body : parts.get(0).content());
                reply = transactions.handle(service, envelope, parts, client);
            } catch (SoapException e) {
                reply = SandboxTransactions.Reply.fault(new SoapFault(SoapFault.SENDER, "DMPMalformedRequest",
                        "Requête SOAP mal formée : " + e.getMessage()), null);
            }
            respond(exchange, reply);
        } catch (RuntimeException e) {
            LOG.warn("Sandbox DMP: {}", e.toString(), e);
        }
    }

    private static X509Certificate clientCertificate(HttpExchange exchange) {
        try {
            Certificate[] chain = ((HttpsExchange) exchange).getSSLSession().getPeerCertificates();
            return chain.length == 0 ? null : (X509Certificate) chain[0];
        } catch (SSLPeerUnverifiedException e) {
            return null;
        }
    }

    private static void respond(HttpExchange exchange, SandboxTransactions.Reply reply) throws IOException {
        byte[] xml = reply.envelope().bytes();
        String contentType;
        byte[] body;
        if (reply.attachments().isEmpty()) {
            contentType = "application/soap+xml; charset=UTF-8";
            body = xml;
        } else {
            MimeMultipart.Encoded encoded = MimeMultipart.write(xml, reply.action(), reply.attachments());
            contentType = encoded.contentType();
            body = encoded.body();
        }
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(reply.httpStatus(), body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private static void plain(HttpExchange exchange, int status, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static void drain(HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            in.skip(MAX_REQUEST_BYTES);
        }
    }

    private static void sleep(Duration delay) {
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** {@code GET /control?availability=UP|HTTP_503|REFUSED|SLOW[&delay=PT5S]} on loopback. */
    private void inspection(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!"GET".equals(exchange.getRequestMethod())) {
                plain(exchange, 405, "GET attendu");
                return;
            }
            byte[] bytes = fr.opaline.core.common.Json.write(inspect()).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
            exchange.sendResponseHeaders(200, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    private void control(HttpExchange exchange) throws IOException {
        try (exchange) {
            String query = exchange.getRequestURI().getRawQuery();
            Map<String, String> params = new LinkedHashMap<>();
            if (query != null) {
                for (String pair : query.split("&")) {
                    int eq = pair.indexOf('=');
                    if (eq > 0) {
                        params.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                    }
                }
            }
            try {
                if (params.containsKey("delay")) {
                    setSlowDelay(Duration.parse(params.get("delay")));
                }
                if (params.containsKey("availability")) {
                    setAvailability(Availability.valueOf(params.get("availability")));
                }
                plain(exchange, 200, "disponibilité : " + availability + " (délai des réponses lentes : " + slowDelay + ")");
            } catch (IllegalArgumentException e) {
                plain(exchange, 400, "valeur inconnue : " + e.getMessage() + " (UP, HTTP_503, REFUSED, SLOW ; delay=PT5S)");
            }
        }
    }
}
