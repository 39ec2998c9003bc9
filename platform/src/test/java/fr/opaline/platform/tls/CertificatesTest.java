package fr.opaline.platform.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CertificatesTest {

    private static final char[] PASSWORD = "secret".toCharArray();
    private final Instant now = Instant.now();

    private Certificates.Issuer authority(KeyPair keys, String name) throws Exception {
        X509Certificate ca = Certificates.selfSigned(keys, "CN=" + name + ",O=Test,C=FR", List.of(),
                now.minus(Duration.ofHours(1)), now.plus(Duration.ofDays(10)), Certificates.Usage.AUTHORITY);
        return new Certificates.Issuer(ca, keys.getPrivate());
    }

    @Test
    void issuesCertificatesWithNamesUsagesAndValidity() throws Exception {
        Certificates.Issuer ca = authority(Certificates.rsaKeyPair(), "AC");
        assertThat(ca.certificate().getBasicConstraints()).isGreaterThanOrEqualTo(0);
        KeyPair leafKeys = Certificates.ecKeyPair();
        X509Certificate leaf = Certificates.issue(ca, leafKeys.getPublic(), "CN=localhost,O=Test",
                List.of("localhost", "127.0.0.1", "bal@cabinet.mssante.fr"), now, now.plus(Duration.ofDays(2)),
                Certificates.Usage.SERVER);
        leaf.verify(ca.certificate().getPublicKey());
        assertThat(leaf.getIssuerX500Principal()).isEqualTo(ca.certificate().getSubjectX500Principal());
        assertThat(leaf.getBasicConstraints()).isEqualTo(-1);
        assertThat(leaf.getExtendedKeyUsage()).containsExactly("1.3.6.1.5.5.7.3.1");
        assertThat(leaf.getSubjectAlternativeNames()).extracting(n -> n.get(0) + "=" + n.get(1))
                .containsExactly("2=localhost", "7=127.0.0.1", "1=bal@cabinet.mssante.fr");
        assertThat(leaf.getNotAfter().toInstant()).isBefore(now.plus(Duration.ofDays(2)).plusSeconds(1));
        assertThat(Certificates.fingerprint(leaf)).matches("([0-9A-F]{2}:){31}[0-9A-F]{2}")
                .isNotEqualTo(Certificates.fingerprint(ca.certificate()));
    }

    @Test
    void pemWrittenIsReadBackAsATrustStore(@TempDir Path dir) throws Exception {
        Certificates.Issuer ca = authority(Certificates.ecKeyPair(), "AC PEM");
        Path pem = Pem.write(ca.certificate(), dir.resolve("sub/ac.pem"));
        assertThat(Files.readString(pem)).startsWith("-----BEGIN CERTIFICATE-----\n")
                .endsWith("-----END CERTIFICATE-----\n");
        assertThat(Pem.readCertificates(pem)).containsExactly(ca.certificate());
        KeyStore trust = KeyStores.readTrustStore(pem, null);
        assertThat(trust.size()).isEqualTo(1);
        Path empty = Files.writeString(dir.resolve("vide.pem"), "");
        assertThatThrownBy(() -> KeyStores.readTrustStore(empty, null)).isInstanceOf(IOException.class)
                .hasMessageContaining("aucun certificat");
    }

    @Test
    void aTrustStoreIsReadByItsContentWhateverItsName(@TempDir Path dir) throws Exception {
        Certificates.Issuer ca = authority(Certificates.ecKeyPair(), "AC contenu");
        Path store = dir.resolve("truststore");
        KeyStores.write(KeyStores.trustStore(List.of(ca.certificate())), store, PASSWORD);
        assertThat(KeyStores.readTrustStore(store, PASSWORD).size()).isEqualTo(1);
        Path der = Files.write(dir.resolve("ac.cer"), ca.certificate().getEncoded());
        assertThat(Collections.list(KeyStores.readTrustStore(der, null).aliases())).hasSize(1);
        Path p12 = dir.resolve("ac.p12");
        KeyStores.write(KeyStores.trustStore(List.of(ca.certificate())), p12, PASSWORD);
        assertThatThrownBy(() -> KeyStores.readTrustStore(p12, "faux".toCharArray())).isInstanceOf(IOException.class);
    }

    @Test
    void aPkcs12WrittenIsReadBackWithItsChain(@TempDir Path dir) throws Exception {
        Certificates.Issuer ca = authority(Certificates.rsaKeyPair(), "AC P12");
        KeyPair keys = Certificates.rsaKeyPair();
        X509Certificate client = Certificates.issue(ca, keys.getPublic(), "CN=1690000013,O=Cabinet", List.of(),
                now, now.plus(Duration.ofDays(1)), Certificates.Usage.CLIENT);
        Path file = dir.resolve("practice.p12");
        KeyStores.write(KeyStores.keyStore("practice", keys.getPrivate(), PASSWORD, client, ca.certificate()), file,
                PASSWORD);
        KeyStore read = KeyStores.readPkcs12(file, PASSWORD);
        String alias = KeyStores.firstKeyAlias(read);
        assertThat(alias).isEqualTo("practice");
        assertThat(KeyStores.chain(read, alias)).containsExactly(client, ca.certificate());
        assertThat(KeyStores.firstKeyAlias(KeyStores.trustStore(List.of(ca.certificate())))).isNull();
        assertThatThrownBy(() -> KeyStores.readPkcs12(file, "faux".toCharArray())).isInstanceOf(IOException.class);
    }

    /** A server and a client built from this material complete a mutual TLS handshake; a stranger does not. */
    @Test
    void contextsMadeOfTheMaterialShakeHands() throws Exception {
        Certificates.Issuer ca = authority(Certificates.ecKeyPair(), "AC TLS");
        KeyStore trust = KeyStores.trustStore(List.of(ca.certificate()));
        SSLContext server = KeyStores.sslContext(leaf(ca, Certificates.Usage.SERVER), PASSWORD, trust);
        SSLContext client = KeyStores.sslContext(leaf(ca, Certificates.Usage.CLIENT), PASSWORD, trust);
        assertThat(handshake(server, client)).isEqualTo("ok");
        Certificates.Issuer stranger = authority(Certificates.ecKeyPair(), "AC inconnue");
        SSLContext foreign = KeyStores.sslContext(leaf(stranger, Certificates.Usage.CLIENT), PASSWORD,
                KeyStores.trustStore(List.of(stranger.certificate())));
        assertThatThrownBy(() -> handshake(server, foreign)).isInstanceOf(IOException.class);
    }

    private KeyStore leaf(Certificates.Issuer ca, Certificates.Usage usage) throws Exception {
        KeyPair keys = Certificates.ecKeyPair();
        X509Certificate cert = Certificates.issue(ca, keys.getPublic(), "CN=localhost", List.of("localhost", "127.0.0.1"),
                now.minusSeconds(60), now.plus(Duration.ofDays(1)), usage);
        return KeyStores.keyStore("leaf", keys.getPrivate(), PASSWORD, cert, ca.certificate());
    }

    private static String handshake(SSLContext server, SSLContext client) throws Exception {
        try (SSLServerSocket listener = (SSLServerSocket) server.getServerSocketFactory().createServerSocket(0, 1,
                InetAddress.getLoopbackAddress())) {
            listener.setNeedClientAuth(true);
            CompletableFuture<Void> accepted = CompletableFuture.runAsync(() -> {
                try (SSLSocket s = (SSLSocket) listener.accept(); OutputStream out = s.getOutputStream()) {
                    s.setSoTimeout(5000);
                    out.write("ok".getBytes());
                } catch (IOException ignored) {
                    // the client sees the failure
                }
            });
            try (SSLSocket socket = (SSLSocket) client.getSocketFactory().createSocket()) {
                socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), listener.getLocalPort()), 5000);
                socket.setSoTimeout(5000);
                socket.startHandshake();
                InputStream in = socket.getInputStream();
                String read = new String(in.readNBytes(2));
                if (read.isEmpty()) {
                    throw new SSLException("connexion fermée par le serveur");
                }
                return read;
            } finally {
                accepted.get();
            }
        }
    }
}
