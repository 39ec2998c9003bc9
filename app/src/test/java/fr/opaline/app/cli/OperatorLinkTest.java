package fr.opaline.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import fr.opaline.app.config.OpalineConfig;
import fr.opaline.app.wiring.OperatorWiring;
import fr.opaline.server.operator.OperatorCredential;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Where an operator command runs: no token file, or a token file left by a server that did not
 * stop cleanly (nothing answers at its address), and the command opens the database itself.
 */
class OperatorLinkTest {

    @TempDir
    Path home;

    @Test
    void withoutATokenFileTheCommandOpensTheDatabaseItself() {
        OpalineConfig config = OpalineConfig.of(home, Map.of());
        assertThat(OperatorWiring.tokenFile(config)).isEqualTo(config.vaultKeyFile().toAbsolutePath()
                .resolveSibling("operator.token"));
        assertThat(OperatorLink.running(config)).isEmpty();
    }

    @Test
    void aTokenLeftByAServerThatIsGoneIsIgnored() throws Exception {
        OpalineConfig config = OpalineConfig.of(home, Map.of());
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        OperatorCredential.generate().publish(OperatorWiring.tokenFile(config),
                URI.create("https://127.0.0.1:" + closed), fr.opaline.platform.tls.TlsIdentity.create("parti",
                        java.util.List.of("127.0.0.1"), fr.opaline.platform.tls.TlsIdentity.Usage.SERVER,
                        java.time.Duration.ofHours(1)).fingerprint());
        assertThat(OperatorLink.running(config)).isEmpty();
    }
}
