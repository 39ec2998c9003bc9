package fr.opaline.app.wiring;

import static org.assertj.core.api.Assertions.assertThat;

import fr.opaline.api.admin.ConfiguredEndpoint;
import fr.opaline.app.config.OpalineConfig;
import fr.opaline.server.admin.ServerConfiguration;
import fr.opaline.server.admin.ServerConfiguration.CertificateFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Administration screen's view of the server's configuration: endpoints, national services, certificates. */
class AdministrationWiringTest {

    @TempDir
    Path home;

    @Test
    void theConfiguredEndpointsNationalServicesStatesCertificatesAndAnsStatusUrl() throws Exception {
        Path operator = home.resolve("mss-operator.properties");
        Files.writeString(operator, "smtp=smtps://smtp.operateur.test:465\napplicative.keystore=" + home.resolve("bal.p12")
                + "\napplicative.keystorePassword=secret-bal\n");
        Files.writeString(home.resolve(OpalineConfig.FILE_NAME), String.join("\n",
                "dmp.url=https://dmp.test/si-dmp-server/v2/services",
                "dmp.keystore=" + home.resolve("dmp.p12"), "dmp.keystore.password=secret-dmp",
                "dmp.signature.keystore=" + home.resolve("dmp-cachet.p12"),
                "mss.operatorFile=" + operator, "mss.imap=imaps://imap.operateur.test:993",
                "drimbox.source.host=drimbox.test", "drimbox.source.port=2575",
                "ui.ansStatusUrl=https://statut.example.test/", ""));
        // Only described: the files need not exist for the screen (it says when one is missing).
        ServerConfiguration admin = AdministrationWiring.configuration(OpalineConfig.load(home, null),
                Clock.systemUTC());

        Map<String, String> endpoints = admin.endpoints().stream().filter(e -> e.address() != null)
                .collect(Collectors.toMap(ConfiguredEndpoint::key, ConfiguredEndpoint::address));
        assertThat(endpoints).containsEntry("dmp.url", "https://dmp.test/si-dmp-server/v2/services")
                .containsEntry("mss.smtp", "smtps://smtp.operateur.test:465")
                .containsEntry("mss.imap", "imaps://imap.operateur.test:993")
                .containsEntry("drimbox.source.host", "drimbox.test:2575")
                .containsEntry("psc.proxy.url", "https://127.0.0.1:8443/")
                .doesNotContainKey("insi.url");
        Map<String, String> states = admin.endpoints().stream()
                .collect(Collectors.toMap(ConfiguredEndpoint::key, ConfiguredEndpoint::state));
        assertThat(states).containsEntry("dmp.url", "actif").containsEntry("insi.url", "désactivé")
                .containsEntry("mss.directory.url", "désactivé").containsEntry("drimbox.source.host", "configuré")
                .containsEntry("hl7.listener.port", "non configuré");
        // the DMP's two certificates (authentication and signature), each shown with its expiry (issue 25)
        assertThat(admin.certificates()).extracting(CertificateFile::key)
                .containsExactly("dmp.keystore", "dmp.signature.keystore", "mss.applicative.keystore");
        assertThat(admin.certificates().get(1).file()).isEqualTo(home.resolve("dmp-cachet.p12"));
        assertThat(new String(admin.certificates().get(1).password())).as("defaults to dmp.keystore's")
                .isEqualTo("secret-dmp");
        assertThat(admin.certificates().get(2).file()).isEqualTo(home.resolve("bal.p12"));
        assertThat(new String(admin.certificates().get(2).password())).isEqualTo("secret-bal");
        assertThat(admin.certificates().get(0).toString()).doesNotContain("secret-dmp");
        assertThat(admin.ansStatusUrl()).isEqualTo("https://statut.example.test/");
        assertThat(admin.view().certificates()).extracting(c -> c.level().name()).containsOnly("ERROR");
    }

    @Test
    void withoutAnythingConfiguredTheAnsStatusPageHasItsDefaultAndTheServerServesTheArea() throws Exception {
        try (CoreServices core = CoreServices.open(OpalineConfig.load(home, null))) {
            ServerConfiguration admin = AdministrationWiring.configuration(core.config, Clock.systemUTC());
            assertThat(admin.ansStatusUrl()).isEqualTo(ServerConfiguration.DEFAULT_ANS_STATUS_URL);
            assertThat(admin.certificates()).isEmpty();
            assertThat(AdministrationWiring.areas(core, new fr.opaline.server.EventHub()))
                    .as("served by the practice server").containsKeys(fr.opaline.api.AdministrationApi.class,
                            fr.opaline.api.WorklistApi.class, fr.opaline.api.StatisticsApi.class);
        }
    }
}
