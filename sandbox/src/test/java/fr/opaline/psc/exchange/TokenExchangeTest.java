package fr.opaline.psc.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.opaline.core.common.Json;
import fr.opaline.psc.PscTestRig;
import fr.opaline.psc.api.LoginState;
import fr.opaline.psc.api.LoginStatus;
import fr.opaline.psc.api.ProxyException;
import fr.opaline.sandbox.psc.ECpsSimulator;
import fr.opaline.sandbox.psc.SandboxOpenIdProvider;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The RFC 8693 exchange of the PSC access token for a token of the Espace de confiance, with the
 * parameters of the ANS reference proxy (ansforge/psc-edc-proxy-esante,
 * {@code src/main/java/…/service/TokenExchangeProcess.java}), against a sandbox endpoint that checks them.
 */
class TokenExchangeTest {

    private static final SandboxOpenIdProvider.Settings SANDBOX = new SandboxOpenIdProvider.Settings(
            Duration.ofSeconds(60), Duration.ofSeconds(1), Duration.ofSeconds(90), Duration.ofMinutes(30));

    @Test
    void theSessionsPscTokenIsExchangedForATokenOfTheTrustSpace() throws Exception {
        try (PscTestRig rig = new PscTestRig(ECpsSimulator.Mode.AUTO, SANDBOX)) {
            LoginStatus status = rig.client.awaitCiba(rig.client.startCiba(null, "899700000000"), s -> { });
            assertThat(status.state()).isEqualTo(LoginState.AUTHENTICATED);
            Instant before = Instant.now().minusSeconds(1);

            TokenExchange.Exchanged token = rig.proxy.exchange(status.sessionHandle(), "127.0.0.1",
                    rig.sandbox.tokenExchangeEndpoint());

            assertThat(rig.sandbox.exchanges()).containsExactly("899700000000");
            assertThat(token.accessToken()).isNotBlank()
                    .isNotEqualTo(rig.vaultTokens(rig.onlySessionId()).get("accessToken"));
            assertThat(token.accessExpiresAt()).isAfter(before.plusSeconds(80)).isBefore(before.plusSeconds(100));
            assertThat(token.refreshToken()).isNotBlank();
            assertThat(token.refreshExpiresAt()).isAfter(before.plus(Duration.ofMinutes(29)));
            assertThat(token.toString()).doesNotContain(token.accessToken());

            // An ended session exchanges nothing.
            rig.client.logout(status.sessionHandle());
            assertThatThrownBy(() -> rig.proxy.exchange(status.sessionHandle(), "127.0.0.1",
                    rig.sandbox.tokenExchangeEndpoint())).isInstanceOf(ProxyException.class);
            assertThat(rig.sandbox.exchanges()).hasSize(1);
        }
    }

    @Test
    void theSandboxRefusesAnExchangeWithoutTheReferenceParameters() throws Exception {
        try (PscTestRig rig = new PscTestRig(ECpsSimulator.Mode.AUTO, SANDBOX)) {
            LoginStatus status = rig.client.awaitCiba(rig.client.startCiba(null, "899700000000"), s -> { });
            String pscToken = rig.vaultTokens(rig.onlySessionId()).get("accessToken");
            Map<String, String> good = new LinkedHashMap<>();
            good.put("grant_type", "urn:ietf:params:oauth:grant-type:token-exchange");
            good.put("subject_token", pscToken);
            good.put("subject_token_type", "urn:ietf:params:oauth:token-type:access_token");
            good.put("subject_issuer", "psc");
            assertThat(post(rig, good, true)).isEqualTo(200);
            for (String key : good.keySet()) {
                Map<String, String> without = new LinkedHashMap<>(good);
                without.remove(key);
                assertThat(post(rig, without, true)).as("sans " + key).isEqualTo(400);
            }
            Map<String, String> forged = new LinkedHashMap<>(good);
            forged.put("subject_token", pscToken.substring(0, pscToken.length() - 4) + "AAAA");
            assertThat(post(rig, forged, true)).isEqualTo(400);
            assertThat(post(rig, good, false)).isEqualTo(401);
            rig.client.logout(status.sessionHandle());
        }
    }

    private static int post(PscTestRig rig, Map<String, String> form, boolean authenticated) throws Exception {
        String body = form.entrySet().stream().map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest.Builder request = HttpRequest.newBuilder(rig.sandbox.tokenExchangeEndpoint())
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(body));
        if (authenticated) {
            request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString((SandboxOpenIdProvider.CLIENT_ID
                    + ":" + rig.sandbox.clientSecret()).getBytes(StandardCharsets.UTF_8)));
        }
        HttpResponse<String> response = HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            assertThat(Json.read(response.body(), Map.class)).containsKey("error");
        }
        return response.statusCode();
    }
}
