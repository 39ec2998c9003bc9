package fr.opaline.app.wiring;

import static org.assertj.core.api.Assertions.assertThat;

import fr.opaline.app.config.OpalineConfig;
import fr.opaline.platform.tls.Certificates;
import fr.opaline.platform.tls.KeyStores;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A module's services are built once per process: one DMP client, one set of INS services. */
class SharedServiceGraphsTest {

    @TempDir
    Path home;

    @Test
    void theDmpAndInsGraphsAreBuiltOnceAndSharedByTheServerAndTheDesktop() throws Exception {
        KeyPair keys = Certificates.ecKeyPair();
        Instant now = Instant.now();
        var certificate = Certificates.selfSigned(keys, "CN=1690000013,O=Cabinet,C=FR", List.of(), now,
                now.plus(Duration.ofDays(1)), Certificates.Usage.CLIENT);
        KeyStores.write(KeyStores.keyStore("cabinet", keys.getPrivate(), "secret".toCharArray(), certificate),
                home.resolve("dmp.p12"), "secret".toCharArray());
        Files.writeString(home.resolve(OpalineConfig.FILE_NAME), String.join("\n",
                "dmp.url=https://dmp.test/si-dmp-server/v2/services", "dmp.keystore=" + home.resolve("dmp.p12"),
                "dmp.keystore.password=secret", ""));
        try (CoreServices core = CoreServices.open(OpalineConfig.load(home, null))) {
            DmpWiring wiring = new DmpWiring();
            assertThat(wiring.services(core)).hasSize(1);
            assertThat(wiring.jobHandlers(core)).hasSize(4); // feed, received feed (teleradiology CRs), visibility, authorisation renewal
            DmpWiring.DmpServices dmp = DmpWiring.dmpServices(core);
            assertThat(dmp.client()).isNotNull().isSameAs(DmpWiring.dmpServices(core).client());
            assertThat(dmp.client().signer().structure().structureId()).as("the certificate's IDNST")
                    .isEqualTo("1690000013");

            assertThat(InsWiring.insServices(core)).isSameAs(InsWiring.insServices(core));
        }
    }
}
