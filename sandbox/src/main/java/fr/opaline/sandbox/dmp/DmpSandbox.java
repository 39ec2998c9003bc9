package fr.opaline.sandbox.dmp;

import fr.opaline.core.common.Json;
import fr.opaline.dmp.soap.MimeMultipart;
import fr.opaline.dmp.soap.SoapEnvelope;
import fr.opaline.dmp.soap.SoapException;
import fr.opaline.dmp.soap.SoapFault;
import fr.opaline.platform.http.Exchange;
import fr.opaline.platform.http.HttpError;
import fr.opaline.platform.http.HttpService;
import fr.opaline.platform.http.HttpSettings;
import fr.opaline.platform.http.Reply;
import fr.opaline.platform.http.Routes;
import fr.opaline.sandbox.SandboxService;
import fr.opaline.sandbox.pki.SandboxPki;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
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
    public static final String SIGNATURE_KEYSTORE_FILE = "dmp-practice-signature.p12";
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
    private HttpService server;
    private HttpService control;

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
        openServer(requestedPort);
        port = server.port();
        control = new HttpService(HttpSettings.defaults("sandbox-dmp-control",
                new InetSocketAddress(InetAddress.getLoopbackAddress(), 0)).withThreads(4).withMaxConnections(16)
                .withMaxBodyBytes(0), new Routes().get("/control", this::control).get("/inspect", this::inspection),
                Json.mapper()).start();
        if (stateDirectory != null) {
            writeClientFiles();
        }
        LOG.info("Sandbox DMP listening on {}", endpoint());
    }

    private void openServer(int onPort) throws Exception {
        HttpSettings settings = HttpSettings.defaults("sandbox-dmp",
                new InetSocketAddress(InetAddress.getLoopbackAddress(), onPort)).withThreads(16).withMaxConnections(64)
                .withMaxBodyBytes(MAX_REQUEST_BYTES).withTls(pki.serverContext(), HttpSettings.ClientAuth.NEED);
        HttpService s = null;
        for (int attempt = 0; s == null; attempt++) {
            try {
                s = new HttpService(settings, new Routes().any(BASE_PATH + "/*", this::handle), Json.mapper()).start();
            } catch (IOException e) {
                if (attempt > 50) {
                    throw e;
                }
                Thread.sleep(100);
            }
        }
        server = s;
    }

    private void writeClientFiles() throws Exception {
        pki.writeClientFiles(stateDirectory, KEYSTORE_FILE, TRUSTSTORE_FILE);
        pki.writeSignatureFile(stateDirectory, SIGNATURE_KEYSTORE_FILE);
        Properties p = new Properties();
        p.setProperty("url", endpoint().toString());
        p.setProperty("keystore", stateDirectory.resolve(KEYSTORE_FILE).toAbsolutePath().toString());
        p.setProperty("signature.keystore", stateDirectory.resolve(SIGNATURE_KEYSTORE_FILE).toAbsolutePath().toString());
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
            server.close();
            server = null;
        }
        if (control != null) {
            control.close();
            control = null;
        }
    }

    /** Base address of the SOAP services ({@code dmp.url}). */
    public URI endpoint() {
        return URI.create("https://127.0.0.1:" + port + BASE_PATH);
    }

    /** Read-only JSON view of what the sandbox holds and received (GET). */
    public URI inspectionUri() {
        return URI.create("http://127.0.0.1:" + control.port() + "/inspect");
    }

    public URI controlUri() {
        return URI.create("http://127.0.0.1:" + control.port() + "/control");
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

    /**
     * The sandbox DMP's PKI: the test authority "IGC Santé TEST", the DMP's server certificate for
     * the loopback names, and the practice's two certificates (personne morale) carrying
     * {@code structureId} (its IDNST, e.g. 1 + FINESS) in the OU: authentication (TLS, ORG-AUTH_CLI)
     * and signature (cachet, ORG-SIGN), as the DMP requires two (requirement EX_GEN-1450, public in
     * bitbucket.org/devbox-sante/homologation issue 29; the ANS DRIMbox PoC's auth.p12 and
     * signature.p12, ansforge/DRIM-M_DRIMbox DMPKeyStore.java). RSA 2048, as the IGC Santé's.
     */
    public static SandboxPki pki(String structureId) {
        return SandboxPki.generate(SandboxPki.Algorithm.RSA, "CN=IGC Santé TEST (bac à sable Opaline),O=Opaline,C=FR",
                "CN=localhost,O=DMP bac à sable,C=FR", practiceSubject(structureId, "Cabinet de radiologie (bac à sable)"),
                signatureSubject(structureId, "Cabinet de radiologie (bac à sable)"));
    }

    /**
     * The subject of a structure's authentication certificate as the IGC Santé issues it: the IDNST
     * in the OU, a free-text CN (here the server's name).
     */
    public static String practiceSubject(String structureId, String organisation) {
        return "CN=ris-" + structureId + ".cabinet.test,OU=" + structureId + ",O=" + organisation + ",C=FR";
    }

    /** The subject of a structure's signature certificate (cachet): the IDNST in the OU, a free-text CN. */
    public static String signatureSubject(String structureId, String organisation) {
        return "CN=Cachet " + organisation + ",OU=" + structureId + ",O=" + organisation + ",C=FR";
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
                server.close();
                server = null;
            } else if (mode != Availability.REFUSED && server == null && control != null) {
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

    private Reply handle(Exchange exchange) throws IOException {
        Availability mode = availability;
        if (mode == Availability.HTTP_503) {
            return plain(503, "Service DMP momentanément indisponible (bac à sable)");
        }
        if (mode == Availability.SLOW) {
            sleep(slowDelay);
        }
        if (!"POST".equals(exchange.method())) {
            return plain(405, "POST attendu");
        }
        String service = exchange.path().substring(BASE_PATH.length()).replace("/", "");
        byte[] body;
        try {
            body = exchange.body();
        } catch (HttpError e) {
            return plain(413, "Message trop volumineux");
        }
        X509Certificate[] chain = exchange.clientCertificates();
        X509Certificate client = chain.length == 0 ? null : chain[0];
        SandboxTransactions.Reply reply;
        try {
            String contentType = exchange.header("Content-Type").orElse(null);
            List<MimeMultipart.Part> parts = MimeMultipart.isMultipart(contentType)
                    ? MimeMultipart.read(contentType, body) : List.of();
            SoapEnvelope envelope = SoapEnvelope.read(parts.isEmpty() ? body : parts.get(0).content());
            reply = transactions.handle(service, envelope, parts, client);
        } catch (SoapException e) {
            reply = SandboxTransactions.Reply.fault(new SoapFault(SoapFault.SENDER, "DMPMalformedRequest",
                    "Requête SOAP mal formée : " + e.getMessage()), null);
        } catch (RuntimeException e) {
            LOG.warn("Sandbox DMP: {}", e.toString(), e);
            throw e;
        }
        return respond(reply);
    }

    private static Reply respond(SandboxTransactions.Reply reply) throws IOException {
        byte[] xml = reply.envelope().bytes();
        if (reply.attachments().isEmpty()) {
            return Reply.bytes(reply.httpStatus(), "application/soap+xml; charset=UTF-8", xml);
        }
        MimeMultipart.Encoded encoded = MimeMultipart.write(xml, reply.action(), reply.attachments());
        return Reply.bytes(reply.httpStatus(), encoded.contentType(), encoded.body());
    }

    private static Reply plain(int status, String text) {
        return Reply.text(status, "text/plain; charset=utf-8", text);
    }

    private static void sleep(Duration delay) {
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Read-only JSON view of what the sandbox holds and received. */
    private Reply inspection(Exchange exchange) {
        return Reply.text(200, "application/json; charset=utf-8", Json.write(inspect()));
    }

    /** {@code GET /control?availability=UP|HTTP_503|REFUSED|SLOW[&delay=PT5S]} on loopback. */
    private Reply control(Exchange exchange) {
        try {
            if (exchange.query("delay").isPresent()) {
                setSlowDelay(Duration.parse(exchange.query("delay").get()));
            }
            if (exchange.query("availability").isPresent()) {
                setAvailability(Availability.valueOf(exchange.query("availability").get()));
            }
            return plain(200, "disponibilité : " + availability + " (délai des réponses lentes : " + slowDelay + ")");
        } catch (IllegalArgumentException | java.time.format.DateTimeParseException e) {
            return plain(400, "valeur inconnue : " + e.getMessage() + " (UP, HTTP_503, REFUSED, SLOW ; delay=PT5S)");
        }
    }
}
