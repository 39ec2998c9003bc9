package fr.opaline.app.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import fr.opaline.app.config.OpalineConfig;
import fr.opaline.core.common.Actor;
import fr.opaline.core.common.Json;
import fr.opaline.core.outbox.JobOutcome;
import fr.opaline.core.outbox.JobRequest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The practice server's health endpoint, as a supervision tool reads it. */
class HealthEndpointTest {

    @TempDir
    Path home;
    private final HttpClient http = HttpClient.newHttpClient();

    private ServerRuntime start() throws Exception {
        OpalineConfig config = OpalineConfig.of(home, Map.of(
                "db.url", "jdbc:h2:mem:health" + UUID.randomUUID().toString().replace("-", "") + ";DB_CLOSE_DELAY=-1",
                "health.port", "0", "backup.catchUpDelay", "PT1H", "psc.proxy.port", "0", "psc.proxy.bind", "127.0.0.1",
                "worklist.port", "0", "worklist.bindAddress", "127.0.0.1",
                "api.port", "0", "api.bind", "127.0.0.1"));
        return ServerRuntime.start(config, ServerAssembly.contributions());
    }

    private HttpResponse<String> get(URI uri) throws Exception {
        return http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(20)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void upWithDatabaseSchemaServicesAndBacklog() throws Exception {
        try (ServerRuntime runtime = start()) {
            URI uri = runtime.healthUri().orElseThrow();
            assertThat(uri.getHost()).as("loopback by default").isEqualTo("127.0.0.1");
            HttpResponse<String> response = get(uri);
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).contains("json"));
            JsonNode body = Json.mapper().readTree(response.body());
            assertThat(body.path("status").asText()).isEqualTo("UP");
            assertThat(body.path("database").path("reachable").asBoolean()).isTrue();
            assertThat(body.path("database").path("schemaVersion").asText())
                    .isEqualTo(runtime.core().database.schemaVersion())
                    .isEqualTo(body.path("database").path("expectedSchemaVersion").asText());
            assertThat(body.path("services").findValuesAsText("name")).contains("scheduled-backups")
                    .anyMatch(name -> name.startsWith("outbox-worker"));
            assertThat(body.path("services").findValuesAsText("state")).containsOnly("RUNNING");
            assertThat(body.path("outbox").path("due").asLong()).isZero();
            assertThat(body.path("problems")).isEmpty();

            assertThat(get(uri.resolve("/autre")).statusCode()).isEqualTo(404);
            HttpResponse<String> post = http.send(HttpRequest.newBuilder(uri).POST(HttpRequest.BodyPublishers.noBody()).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(post.statusCode()).isEqualTo(405);
        }
    }

    @Test
    void degradedWhenAJobWasGivenUpAndDownWhenTheDatabaseIsGone() throws Exception {
        try (ServerRuntime runtime = start()) {
            URI uri = runtime.healthUri().orElseThrow();
            var outbox = runtime.core().outbox;
            outbox.enqueue(JobRequest.of("test.unhandled", "{}"), Actor.system("test"));
            var lease = outbox.leaseNext(List.of("test.unhandled"), "test", Duration.ofMinutes(1)).orElseThrow();
            outbox.complete(lease, JobOutcome.failed("refusé par le destinataire"));

            JsonNode degraded = Json.mapper().readTree(get(uri).body());
            assertThat(degraded.path("status").asText()).isEqualTo("DEGRADED");
            assertThat(degraded.path("outbox").path("failed").asLong()).isEqualTo(1);
            assertThat(degraded.path("problems").toString()).contains("en échec");

            runtime.core().database.close(); // the database becomes unreachable
            HttpResponse<String> down = get(uri);
            assertThat(down.statusCode()).isEqualTo(503);
            JsonNode body = Json.mapper().readTree(down.body());
            assertThat(body.path("status").asText()).isEqualTo("DOWN");
            assertThat(body.path("database").path("reachable").asBoolean()).isFalse();
        }
    }

    @Test
    void canBeTurnedOff() throws Exception {
        OpalineConfig config = OpalineConfig.of(home, Map.of(
                "db.url", "jdbc:h2:mem:off" + UUID.randomUUID().toString().replace("-", "") + ";DB_CLOSE_DELAY=-1",
                "health.enabled", "false", "backup.enabled", "false", "psc.proxy.port", "0", "psc.proxy.bind", "127.0.0.1",
                "worklist.port", "0", "worklist.bindAddress", "127.0.0.1",
                "api.port", "0", "api.bind", "127.0.0.1"));
        try (ServerRuntime runtime = ServerRuntime.start(config, ServerAssembly.contributions())) {
            assertThat(runtime.healthUri()).isEmpty();
            assertThat(runtime.server().services()).extracting(s -> s.name()).noneMatch(n -> n.equals("scheduled-backups"));
        }
    }
}
