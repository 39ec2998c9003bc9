package fr.opaline.app.wiring;

import static org.assertj.core.api.Assertions.assertThat;

import fr.opaline.app.config.OpalineConfig;
import fr.opaline.ui.AdministrationServices;
import fr.opaline.ui.AdministrationServices.CertificateFile;
import fr.opaline.ui.AdministrationServices.Endpoint;
import fr.opaline.ui.session.AuthenticationPort;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The desktop's Administration section as the configuration describes the practice's services. */
class DesktopWiringTest {

    @TempDir
    Path home;

    @Test
    void theAdministrationShowsTheConfiguredEndpointsCertificatesAndAnsStatusUrl() throws Exception {
        Path operator = home.resolve("mss-operator.properties");
        Files.writeString(operator, "smtp=smtps://smtp.operateur.test:465\napplicative.keystore=" + home.resolve("bal.p12")
                + "\napplicative.keystorePassword=secret-bal\n");
        Files.writeString(home.resolve(OpalineConfig.FILE_NAME), String.join("\n",
                "dmp.url=https://dmp.test/si-dmp-server/v2/services",
                "dmp.keystore=" + home.resolve("dmp.p12"), "dmp.keystore.password=secret-dmp",
                "mss.operatorFile=" + operator, "mss.imap=imaps://imap.operateur.test:993",
                "drimbox.source.host=drimbox.test", "drimbox.source.port=2575",
                "ui.ansStatusUrl=https://statut.example.test/", ""));
        // Only described: the files need not exist for the screen (it says when one is missing).
        try (CoreServices core = CoreServices.open(OpalineConfig.load(home, null))) {
            AdministrationServices admin = DesktopWiring.administrationServices(core);

            Map<String, String> endpoints = admin.endpoints().stream().filter(e -> e.address() != null)
                    .collect(Collectors.toMap(Endpoint::key, Endpoint::address));
            assertThat(endpoints).containsEntry("dmp.url", "https://dmp.test/si-dmp-server/v2/services")
                    .containsEntry("mss.smtp", "smtps://smtp.operateur.test:465")
                    .containsEntry("mss.imap", "imaps://imap.operateur.test:993")
                    .containsEntry("drimbox.source.host", "drimbox.test:2575")
                    .containsEntry("psc.proxy.url", "https://127.0.0.1:8443/")
                    .doesNotContainKey("insi.url");
            assertThat(admin.endpoints()).extracting(Endpoint::key).contains("insi.url", "hl7.listener.port");
            assertThat(admin.certificates()).extracting(CertificateFile::key)
                    .containsExactly("dmp.keystore", "mss.applicative.keystore");
            assertThat(admin.certificates().get(1).file()).isEqualTo(home.resolve("bal.p12"));
            assertThat(new String(admin.certificates().get(1).password())).isEqualTo("secret-bal");
            assertThat(admin.certificates().get(0).toString()).doesNotContain("secret-dmp");
            assertThat(admin.ansStatusUrl()).isEqualTo("https://statut.example.test/");

        }
    }

    @Test
    void withoutAnythingConfiguredTheAnsStatusPageHasItsDefault() throws Exception {
        try (CoreServices core = CoreServices.open(OpalineConfig.load(home, null))) {
            AdministrationServices admin = DesktopWiring.administrationServices(core);
            assertThat(admin.ansStatusUrl()).isEqualTo(AdministrationServices.DEFAULT_ANS_STATUS_URL);
            assertThat(admin.certificates()).isEmpty();
            assertThat(DesktopWiring.context(core, "test", AuthenticationPort.none(), false).administration())
                    .as("wired into the desktop").isNotNull();
        }
    }
}
