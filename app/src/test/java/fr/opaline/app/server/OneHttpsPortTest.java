package fr.opaline.app.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.opaline.api.client.ApiClient;
import fr.opaline.app.config.ConfigException;
import fr.opaline.app.config.OpalineConfig;
import fr.opaline.app.wiring.ApiLauncher;
import fr.opaline.app.wiring.ApiWiring;
import fr.opaline.app.wiring.PscProxyLauncher;
import fr.opaline.app.wiring.PscWiring;
import fr.opaline.psc.client.ProxyClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The practice server's one HTTPS port: the application API and the proxy e-santé answer on the
 * same port with the same certificate (the one the workstations pin), the proxy keeping its own
 * request bounds; the API's former port setting is refused in French when it disagrees.
 */
class OneHttpsPortTest {

    @TempDir
    Path home;

    private OpalineConfig config(Map<String, String> extra) {
        Map<String, String> values = new HashMap<>(Map.of(
                "db.url", "jdbc:h2:mem:oneport" + UUID.randomUUID().toString().replace("-", "") + ";DB_CLOSE_DELAY=-1",
                "health.port", "0", "backup.enabled", "false", "psc.proxy.port", "0", "psc.proxy.bind", "127.0.0.1",
                "worklist.enabled", "false"));
        values.putAll(extra);
        return OpalineConfig.of(home, values);
    }

    @Test
    void theApiAndTheProxyShareOnePortAndOneCertificate() throws Exception {
        OpalineConfig config = config(Map.of());
        try (ServerRuntime runtime = ServerRuntime.start(config, ServerAssembly.contributions())) {
            ApiLauncher api = only(runtime, ApiLauncher.class);
            PscProxyLauncher proxy = only(runtime, PscProxyLauncher.class);
            assertThat(proxy.port()).isEqualTo(api.port());

            // A workstation's two clients, both pinning the one fingerprint, reach the same address.
            try (ApiClient client = ApiWiring.connect(config, api.uri(), api.fingerprint())) {
                assertThat(client.serverVersion().api()).isNotBlank();
            }
            ProxyClient psc = PscWiring.client(config, api.uri(), api.fingerprint());
            assertThat(psc.providers()).isEmpty(); // no provider configured: an empty list, from the proxy

            HttpClient http = HttpClient.newBuilder().sslContext(trustAll()).connectTimeout(Duration.ofSeconds(5)).build();
            HttpResponse<String> health = http.send(HttpRequest.newBuilder(api.uri().resolve("/health")).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(health.body()).contains("ok");

            // The proxy's sign-in routes keep their 16 KiB bound on the API's server (1 MiB for the API).
            String large = "{\"nationalId\":\"" + "8".repeat(20_000) + "\"}";
            HttpResponse<String> tooLarge = http.send(HttpRequest.newBuilder(api.uri().resolve("/psc/ciba"))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(large)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(tooLarge.statusCode()).isEqualTo(413);
            assertThat(tooLarge.body()).contains("trop volumineuse");
            HttpResponse<String> apiLarge = http.send(HttpRequest.newBuilder(api.uri().resolve("/api/v1/session/signIn"))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(large)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(apiLarge.statusCode()).as(apiLarge.body()).isNotEqualTo(413);

            // A proxy refusal keeps the proxy's error shape ({error, message} in French).
            HttpResponse<String> noSession = http.send(HttpRequest.newBuilder(api.uri().resolve("/psc/session")).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(noSession.statusCode()).isEqualTo(401);
            assertThat(noSession.body()).contains("session_ended").contains("connectez-vous");
        }
    }

    @Test
    void theApisFormerPortIsRefusedInFrenchWhenItDisagrees() {
        assertThatThrownBy(() -> ServerRuntime.start(config(Map.of("api.port", "8444")), ServerAssembly.contributions())
                .close())
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("api.port=8444").hasMessageContaining("un seul port HTTPS")
                .hasMessageContaining("psc.proxy.port");
    }

    private static <T> T only(ServerRuntime runtime, Class<T> type) {
        return runtime.server().services().stream().filter(type::isInstance).map(type::cast).findFirst().orElseThrow();
    }

    static SSLContext trustAll() throws Exception {
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
        }}, null);
        return context;
    }
}
