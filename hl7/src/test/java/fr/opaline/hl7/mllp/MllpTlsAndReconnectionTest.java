package fr.opaline.hl7.mllp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.InputStream;
import java.net.BindException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** MLLP over TLS (certificate made by the JDK's keytool), and a client that reconnects. */
class MllpTlsAndReconnectionTest {

    static final MllpHandler ECHO = (frame, remote) -> ("ACK " + new String(frame.content(), StandardCharsets.UTF_8))
            .getBytes(StandardCharsets.UTF_8);

    @Test
    void exchangesOverTls(@TempDir Path dir) throws Exception {
        Path keystore = dir.resolve("mllp.p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "mllp", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
                "-dname", "CN=127.0.0.1", "-ext", "SAN=ip:127.0.0.1", "-storetype", "PKCS12",
                "-keystore", keystore.toString(), "-storepass", "secret", "-keypass", "secret")
                .redirectErrorStream(true).start();
        assertThat(keytool.waitFor()).isZero();
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            store.load(in, "secret".toCharArray());
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(store, "secret".toCharArray());
        SSLContext serverTls = SSLContext.getInstance("TLS");
        serverTls.init(kmf.getKeyManagers(), null, null);
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(store);
        SSLContext clientTls = SSLContext.getInstance("TLS");
        clientTls.init(null, tmf.getTrustManagers(), null);

        try (MllpServer server = new MllpServer("tls", MllpServerSettings.loopback(0).withTls(serverTls, false), ECHO)) {
            server.start();
            try (MllpClient client = new MllpClient(new MllpEndpoint("127.0.0.1", server.port(), null, null, clientTls))) {
                assertThat(new String(client.exchange("MSH|1".getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8))
                        .isEqualTo("ACK MSH|1");
            }
            // A client that does not trust the certificate cannot talk to it.
            try (MllpClient untrusting = new MllpClient(new MllpEndpoint("127.0.0.1", server.port(),
                    Duration.ofSeconds(2), Duration.ofSeconds(2), SSLContext.getDefault()))) {
                org.assertj.core.api.Assertions.assertThatThrownBy(() -> untrusting.exchange("MSH|2".getBytes()))
                        .isInstanceOf(java.io.IOException.class);
            }
        }

        // The client certificate a peer presents reaches the handler as its SHA-256 fingerprint (what an
        // HL7 peer's declared certificate is compared with); none without one.
        SSLContext serverTrusting = SSLContext.getInstance("TLS");
        serverTrusting.init(kmf.getKeyManagers(), tmf.getTrustManagers(), null);
        SSLContext clientWithCertificate = SSLContext.getInstance("TLS");
        clientWithCertificate.init(kmf.getKeyManagers(), tmf.getTrustManagers(), null);
        MllpHandler who = (frame, connection) -> String.valueOf(connection.certificateSha256())
                .getBytes(StandardCharsets.US_ASCII);
        String expected = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest(store.getCertificate("mllp").getEncoded()));
        try (MllpServer server = new MllpServer("tls-who", MllpServerSettings.loopback(0).withTls(serverTrusting, false),
                who)) {
            server.start();
            try (MllpClient client = new MllpClient(new MllpEndpoint("127.0.0.1", server.port(), null, null,
                    clientWithCertificate))) {
                assertThat(new String(client.exchange("MSH|3".getBytes(StandardCharsets.UTF_8)), StandardCharsets.US_ASCII))
                        .isEqualTo(expected);
            }
            try (MllpClient client = new MllpClient(new MllpEndpoint("127.0.0.1", server.port(), null, null, clientTls))) {
                assertThat(new String(client.exchange("MSH|4".getBytes(StandardCharsets.UTF_8)), StandardCharsets.US_ASCII))
                        .isEqualTo("null");
            }
        }
    }

    @Test
    void theClientReconnectsWhenThePeerDroppedTheConnection() throws Exception {
        AtomicInteger served = new AtomicInteger();
        MllpHandler closeAfterEach = (frame, remote) -> {
            served.incrementAndGet();
            return ECHO.onFrame(frame, remote);
        };
        MllpServer first = new MllpServer("r1", MllpServerSettings.loopback(0).withIdleTimeout(Duration.ofMillis(300)),
                closeAfterEach);
        first.start();
        int port = first.port();
        try (MllpClient client = new MllpClient(MllpEndpoint.of("127.0.0.1", port))) {
            assertThat(client.exchange("A".getBytes())).isEqualTo("ACK A".getBytes());
            Thread.sleep(800); // the server closed the idle connection
            assertThat(client.exchange("B".getBytes())).isEqualTo("ACK B".getBytes());
            first.stop(Duration.ofSeconds(1));
            MllpServer second = startAgainOn(port, closeAfterEach);
            try {
                assertThat(client.exchange("C".getBytes())).isEqualTo("ACK C".getBytes());
            } finally {
                second.stop(Duration.ofSeconds(1));
            }
        }
        assertThat(served.get()).isEqualTo(3);
    }

    /** The port was free a moment ago, but another process on the machine may take it in between: retry briefly. */
    private static MllpServer startAgainOn(int port, MllpHandler handler) throws Exception {
        for (int attempt = 0; ; attempt++) {
            MllpServer server = new MllpServer("r2", MllpServerSettings.loopback(port), handler);
            try {
                server.start();
                return server;
            } catch (BindException taken) {
                assumeTrue(attempt < 30, "port " + port + " taken by another process");
                Thread.sleep(100);
            }
        }
    }
}
