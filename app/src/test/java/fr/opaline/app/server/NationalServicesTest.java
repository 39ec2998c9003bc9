package fr.opaline.app.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import fr.opaline.app.config.ConfigException;
import fr.opaline.app.config.OpalineConfig;
import fr.opaline.app.wiring.NationalServices;
import fr.opaline.core.common.Json;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * The practice server never puts a sandbox in place of a national service: an unset service is
 * off and says so (log, health endpoint); a sandbox address outside demonstration mode stops the
 * start, in French.
 */
class NationalServicesTest {

    @TempDir
    Path home;

    private OpalineConfig config(String... pairs) {
        Map<String, String> values = new HashMap<>(Map.of(
                "db.url", "jdbc:h2:mem:national" + UUID.randomUUID().toString().replace("-", "") + ";DB_CLOSE_DELAY=-1",
                "health.port", "0", "backup.catchUpDelay", "PT1H", "psc.proxy.port", "0", "psc.proxy.bind", "127.0.0.1",
                "worklist.port", "0", "worklist.bindAddress", "127.0.0.1", "api.port", "0", "api.bind", "127.0.0.1"));
        for (int i = 0; i < pairs.length; i += 2) {
            values.put(pairs[i], pairs[i + 1]);
        }
        return OpalineConfig.of(home, values);
    }

    @Test
    void aServerWithoutADmpEndpointStartsWithTheDmpOffAndSaysSo() throws Exception {
        Logger logger = (Logger) LoggerFactory.getLogger(NationalServices.class);
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        log.start();
        logger.addAppender(log);
        try (ServerRuntime runtime = ServerRuntime.start(config(), ServerAssembly.contributions())) {
            assertThat(log.list).extracting(ILoggingEvent::getFormattedMessage)
                    .contains("DMP désactivé : dmp.url non renseigné", "INSi désactivé : insi.url non renseigné",
                            "Pro Santé Connect désactivé : psc.provider.psc.discovery non renseigné");

            URI uri = runtime.healthUri().orElseThrow();
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri)
                    .timeout(Duration.ofSeconds(20)).GET().build(), HttpResponse.BodyHandlers.ofString());
            JsonNode body = Json.mapper().readTree(response.body());
            JsonNode dmp = null;
            for (JsonNode service : body.path("nationalServices")) {
                if (service.path("key").asText().equals("dmp.url")) {
                    dmp = service;
                }
            }
            assertThat(dmp).isNotNull();
            assertThat(dmp.path("state").asText()).isEqualTo("désactivé");
            assertThat(body.path("status").asText()).isEqualTo("UP");
        } finally {
            logger.detachAppender(log);
        }
    }

    @Test
    void aSandboxAddressOutsideDemoModeIsAStartUpErrorInFrench() {
        assertThatThrownBy(() -> ServerRuntime.start(config("insi.url", "http://127.0.0.1:41234/lps"),
                ServerAssembly.contributions()))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("Adresse de bac à sable configurée hors mode démonstration : "
                        + "insi.url = http://127.0.0.1:41234/lps.")
                .hasMessageContaining("opaline demo");
    }

    @Test
    void inDemoModeTheSandboxIsAcceptedAndShownAsSuch() throws Exception {
        OpalineConfig demo = NationalServices.demoMode(config("insi.url", "http://127.0.0.1:41234/lps"));
        assertThat(NationalServices.checkAndLog(demo)).filteredOn(s -> s.key().equals("insi.url"))
                .singleElement().satisfies(s -> assertThat(s.state()).isEqualTo("bac à sable"));
        OpalineConfig real = config("insi.url", "https://qualiflps.services-ps.ameli.fr/lps");
        assertThat(NationalServices.checkAndLog(real)).filteredOn(s -> s.key().equals("insi.url"))
                .singleElement().satisfies(s -> assertThat(s.state()).isEqualTo("actif"));
    }
}
