package fr.opaline.psc.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.opaline.psc.client.HttpsProxyTransport;
import fr.opaline.psc.client.ProxyTrust;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The proxy's self-signed LAN certificate and the workstation's pinning of it. */
class LanCertificateTest {

    @Test
    void createdOnFirstStartThenReusedAndExportedAsPem(@TempDir Path dir) throws Exception {
        Path store = dir.resolve("proxy/proxy-tls.p12");
        Path password = dir.resolve("proxy/proxy-tls.pass");
        Path pem = dir.resolve("proxy/proxy-tls.crt");

        var first = LanCertificate.loadOrCreate(store, password, pem, List.of("serveur-cabinet.local"), Clock.systemUTC());
        var again = LanCertificate.loadOrCreate(store, password, pem, List.of(), Clock.systemUTC());

        assertThat(LanCertificate.fingerprint(again.certificate())).isEqualTo(LanCertificate.fingerprint(first.certificate()));
        assertThat(first.certificate().getSubjectAlternativeNames()).extracting(n -> n.get(1).toString())
                .contains("localhost", "127.0.0.1", "serveur-cabinet.local");
        assertThat(Files.readString(pem)).startsWith("-----BEGIN CERTIFICATE-----");
        assertThat(ProxyTrust.fromPemFile(pem).fingerprint())
                .isEqualTo(LanCertificate.fingerprint(first.certificate()).replace(":", ""));
        assertThat(Files.getPosixFilePermissions(password)).hasSize(2);
    }

    @Test
    void theWorkstationRefusesAServerWithAnotherCertificate() throws Exception {
        var genuine = LanCertificate.create(Set.of("localhost", "127.0.0.1"), Instant.now());
        var impostor = LanCertificate.create(Set.of("localhost", "127.0.0.1"), Instant.now());
        ProxyHttpServer server = new ProxyHttpServer(null, new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                LanCertificate.serverContext(impostor), Duration.ofHours(1));
        server.start();
        try {
            var trustingGenuine = new HttpsProxyTransport(server.uri("127.0.0.1"), ProxyTrust.pinned(genuine.certificate()),
                    Duration.ofSeconds(5));
            assertThatThrownBy(() -> trustingGenuine.exchange("GET", "/health", null, null))
                    .hasMessageStartingWith("Serveur du cabinet injoignable");
            var trustingImpostor = new HttpsProxyTransport(server.uri("127.0.0.1"),
                    ProxyTrust.pinned(LanCertificate.fingerprint(impostor.certificate())), Duration.ofSeconds(5));
            assertThat(trustingImpostor.exchange("GET", "/health", null, null).body()).contains("ok");
        } finally {
            server.stop(Duration.ZERO);
        }
    }
}
