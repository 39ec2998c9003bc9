package fr.opaline.it.attack;

import static org.assertj.core.api.Assertions.assertThat;

import fr.opaline.app.Main;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The DICOM worklist and the HTTPS proxy e-santé of {@code opaline server}, in its own JVM with
 * {@code -Xmx512m}, attacked on loopback as a LAN attacker would (issue 20), the MLLP listener
 * having its own suite ({@link MllpAttackTest}): an unknown calling AE title, 100 half-open DICOM
 * connections, DICOM PDU fuzzing (truncated, oversize lengths, wrong types, random bytes), 40 TLS
 * clients that never finish their headers. After each attack a declared modality's association and
 * an HTTPS request are served within 10 s, the process still runs, and no OutOfMemoryError shows.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ListenerAttackTest {

    static final String MODALITY = "CT_ATTAQUE";
    static final Duration SERVED_WITHIN = Duration.ofSeconds(10);

    Path dir;
    Process server;
    final List<String> output = new CopyOnWriteArrayList<>();
    int dicomPort;
    int httpsPort;
    final HttpClient https = HttpClient.newBuilder().sslContext(trustAll()).connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    void startServer() throws Exception {
        dir = Files.createTempDirectory("opaline-listener-attack-");
        Path config = Files.writeString(dir.resolve("opaline.properties"), String.join("\n",
                "db.url=jdbc:h2:file:" + dir.resolve("db").resolve("opaline").toAbsolutePath(),
                "health.port=0", "psc.proxy.port=0", "psc.proxy.bind=127.0.0.1", "api.port=0", "api.bind=127.0.0.1",
                "backup.enabled=false", "worklist.port=0", "worklist.bindAddress=127.0.0.1",
                "worklist.acceptedCallingAeTitles=" + MODALITY, "worklist.artimTimeout=PT30S",
                "server.name=listener-attack", "server.shutdownGrace=PT5S", ""));
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        server = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
                "-Dopaline.systemConfig=", "-cp", classpath, Main.class.getName(), "--home", dir.toString(),
                "--config", config.toString(), "server").redirectErrorStream(true).start();
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    output.add(line);
                }
            } catch (IOException ignored) {
                // process gone
            }
        }, "listener-attack-output");
        reader.setDaemon(true);
        reader.start();
        Pattern dicom = Pattern.compile("Serveur DICOM \\S+ à l'écoute sur [^:]+:(\\d+)");
        Pattern proxy = Pattern.compile("proxy e-santé listening on https://[^/]+:(\\d+)/");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while ((dicomPort == 0 || httpsPort == 0) && System.nanoTime() < deadline) {
            for (String line : output) {
                Matcher d = dicom.matcher(line);
                if (d.find()) {
                    dicomPort = Integer.parseInt(d.group(1));
                }
                Matcher p = proxy.matcher(line);
                if (p.find()) {
                    httpsPort = Integer.parseInt(p.group(1));
                }
            }
            assertThat(server.isAlive()).as(String.join("\n", output)).isTrue();
            Thread.sleep(100);
        }
        assertThat(dicomPort).as(String.join("\n", output)).isPositive();
        assertThat(httpsPort).as(String.join("\n", output)).isPositive();
        legitimateTrafficIsServed();
    }

    @AfterAll
    void stopServer() throws Exception {
        if (server != null && server.isAlive()) {
            server.destroy();
            server.waitFor(60, TimeUnit.SECONDS);
        }
        assertThat(output).noneMatch(l -> l.contains("OutOfMemoryError"));
    }

    @Test
    @Order(1)
    void anUnknownCallingAeTitleIsRejected() throws Exception {
        try (Socket socket = dicom()) {
            socket.getOutputStream().write(associateRequest("INCONNU"));
            int type = socket.getInputStream().read();
            assertThat(type).as("A-ASSOCIATE-RJ").isEqualTo(0x03);
        }
        legitimateTrafficIsServed();
    }

    @Test
    @Order(2)
    void hundredHalfOpenDicomConnectionsDoNotKeepAModalityOut() throws Exception {
        List<Socket> halfOpen = new ArrayList<>();
        try {
            for (int i = 0; i < 100; i++) {
                Socket socket = new Socket();
                socket.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.77"), 0)); // another host of the LAN
                halfOpen.add(socket);
                try {
                    socket.connect(new InetSocketAddress("127.0.0.1", dicomPort), 2000);
                } catch (IOException refused) {
                    // past its per-address limit the server may refuse outright
                }
            }
            legitimateTrafficIsServed();
        } finally {
            for (Socket socket : halfOpen) {
                socket.close();
            }
        }
    }

    @Test
    @Order(3)
    void fuzzedDicomPdusChangeNothing() throws Exception {
        Random random = new Random(20);
        byte[] valid = associateRequest(MODALITY);
        for (int i = 0; i < 300; i++) {
            byte[] pdu = switch (i % 5) {
                case 0 -> java.util.Arrays.copyOf(valid, random.nextInt(valid.length)); // truncated
                case 1 -> withLength(valid, 0x7FFFFFF0); // oversize length
                case 2 -> withType(valid, 7 + random.nextInt(200)); // wrong PDU type
                case 3 -> mutated(valid, random);
                default -> randomBytes(random, 1 + random.nextInt(512));
            };
            try (Socket socket = dicom()) {
                socket.setSoTimeout(3000);
                socket.getOutputStream().write(pdu);
                socket.shutdownOutput();
                drain(socket.getInputStream());
            } catch (IOException expected) {
                // the server closed or reset the connection: what it should do
            }
        }
        legitimateTrafficIsServed();
    }

    @Test
    @Order(4)
    void tlsClientsThatNeverFinishTheirHeadersDoNotBlockTheProxy() throws Exception {
        List<SSLSocket> slow = new ArrayList<>();
        try {
            for (int i = 0; i < 40; i++) {
                SSLSocket socket = (SSLSocket) trustAll().getSocketFactory().createSocket("127.0.0.1", httpsPort);
                socket.startHandshake();
                socket.getOutputStream().write("GET /health HTTP/1.1\r\nHost: a\r\n".getBytes(StandardCharsets.US_ASCII));
                socket.getOutputStream().flush();
                slow.add(socket);
            }
            legitimateTrafficIsServed();
        } finally {
            for (SSLSocket socket : slow) {
                socket.close();
            }
        }
    }

    /** A declared modality's association and an HTTPS request, each served within 10 s, by a live process. */
    void legitimateTrafficIsServed() throws Exception {
        assertThat(server.isAlive()).as(String.join("\n", output)).isTrue();
        long start = System.nanoTime();
        try (Socket socket = dicom()) {
            socket.setSoTimeout((int) SERVED_WITHIN.toMillis());
            socket.getOutputStream().write(associateRequest(MODALITY));
            assertThat(socket.getInputStream().read()).as("A-ASSOCIATE-AC for the declared modality").isEqualTo(0x02);
            socket.getOutputStream().write(new byte[] {0x07, 0, 0, 0, 0, 4, 0, 0, 0, 0}); // A-ABORT
        }
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(SERVED_WITHIN);
        start = System.nanoTime();
        HttpResponse<String> health = https.send(HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + httpsPort + "/health"))
                .timeout(SERVED_WITHIN).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(SERVED_WITHIN);
        assertThat(output).noneMatch(l -> l.contains("OutOfMemoryError"));
    }

    private Socket dicom() throws IOException {
        Socket socket = new Socket();
        socket.connect(new InetSocketAddress("127.0.0.1", dicomPort), 5000);
        socket.setSoTimeout((int) SERVED_WITHIN.toMillis());
        return socket;
    }

    /** PS3.8 §9.3.2: A-ASSOCIATE-RQ for Verification in implicit VR little endian, called OPALINE. */
    static byte[] associateRequest(String callingAe) {
        ByteArrayOutputStream items = new ByteArrayOutputStream();
        item(items, 0x10, ascii("1.2.840.10008.3.1.1.1"));
        ByteArrayOutputStream context = new ByteArrayOutputStream();
        context.writeBytes(new byte[] {1, 0, 0, 0});
        item(context, 0x30, ascii("1.2.840.10008.1.1"));
        item(context, 0x40, ascii("1.2.840.10008.1.2"));
        item(items, 0x20, context.toByteArray());
        ByteArrayOutputStream user = new ByteArrayOutputStream();
        item(user, 0x51, ByteBuffer.allocate(4).putInt(16384).array());
        item(items, 0x50, user.toByteArray());
        ByteBuffer body = ByteBuffer.allocate(68 + items.size());
        body.putShort((short) 1).putShort((short) 0).put(ae("OPALINE")).put(ae(callingAe)).put(new byte[32])
                .put(items.toByteArray());
        ByteBuffer pdu = ByteBuffer.allocate(6 + body.capacity());
        pdu.put((byte) 0x01).put((byte) 0).putInt(body.capacity()).put(body.array());
        return pdu.array();
    }

    private static void item(ByteArrayOutputStream out, int type, byte[] value) {
        out.write(type);
        out.write(0);
        out.write(value.length >> 8);
        out.write(value.length & 0xFF);
        out.writeBytes(value);
    }

    private static byte[] ae(String title) {
        return String.format("%-16s", title).getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] withLength(byte[] pdu, int length) {
        byte[] copy = pdu.clone();
        ByteBuffer.wrap(copy).putInt(2, length);
        return copy;
    }

    private static byte[] withType(byte[] pdu, int type) {
        byte[] copy = pdu.clone();
        copy[0] = (byte) type;
        return copy;
    }

    private static byte[] mutated(byte[] pdu, Random random) {
        byte[] copy = pdu.clone();
        for (int i = 0; i < 1 + random.nextInt(8); i++) {
            copy[random.nextInt(copy.length)] = (byte) random.nextInt(256);
        }
        return copy;
    }

    private static byte[] randomBytes(Random random, int n) {
        byte[] bytes = new byte[n];
        random.nextBytes(bytes);
        return bytes;
    }

    private static void drain(InputStream in) throws IOException {
        byte[] buffer = new byte[4096];
        long total = 0;
        for (int n = in.read(buffer); n >= 0 && total < 1 << 20; n = in.read(buffer)) {
            total += n;
        }
    }

    private static SSLContext trustAll() {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {new X509TrustManager() {
                @Override
                public void checkClientTrusted(X509Certificate[] chain, String authType) {
                }

                @Override
                public void checkServerTrusted(X509Certificate[] chain, String authType) {
                }

                @Override
                public X509Certificate[] getAcceptedIssuers() {
                    return new X509Certificate[0];
                }
            }}, new SecureRandom());
            return context;
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
