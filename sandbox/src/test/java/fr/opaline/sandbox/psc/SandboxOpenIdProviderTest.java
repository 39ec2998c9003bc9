package fr.opaline.sandbox.psc;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.ciba.BackChannelTokenDeliveryMode;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import fr.opaline.core.common.Json;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Properties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sandbox PSC speaks standard OpenID Connect, as a stand-in must (what Nimbus reads, PKCE enforced). */
class SandboxOpenIdProviderTest {

    @TempDir
    static Path state;
    private static SandboxOpenIdProvider sandbox;
    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @BeforeAll
    static void start() throws Exception {
        sandbox = new SandboxOpenIdProvider(0, state, "secret-du-bac", new ECpsSimulator(ECpsSimulator.Mode.AUTO,
                Duration.ZERO, System.out, System.in), SandboxOpenIdProvider.Settings.defaults(), Clock.systemUTC());
        sandbox.start();
    }

    @AfterAll
    static void stop() {
        sandbox.stop(Duration.ZERO);
    }

    private static HttpResponse<String> get(URI uri) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void discoveryAtPscsPathAndTheStandardOneReadsAsOpenIdProviderMetadata() throws Exception {
        OIDCProviderMetadata psc = OIDCProviderMetadata.parse(get(sandbox.discovery()).body());
        OIDCProviderMetadata standard = OIDCProviderMetadata.parse(
                get(URI.create(sandbox.issuer() + "/.well-known/openid-configuration")).body());

        assertThat(psc.getIssuer().getValue()).isEqualTo(sandbox.issuer().toString()).isEqualTo(standard.getIssuer().getValue());
        assertThat(psc.getBackChannelAuthenticationEndpointURI()).isNotNull();
        assertThat(psc.getBackChannelTokenDeliveryModes()).containsExactly(BackChannelTokenDeliveryMode.POLL);
        assertThat(get(psc.getJWKSetURI()).body()).contains("\"kty\":\"RSA\"").doesNotContain("\"d\":");
    }

    @Test
    void theServerFindsTheSandboxThroughItsProviderFile() throws Exception {
        Properties file = new Properties();
        try (var in = Files.newInputStream(state.resolve(SandboxOpenIdProvider.PROVIDER_FILE))) {
            file.load(in);
        }
        assertThat(file.getProperty("discovery")).isEqualTo(sandbox.discovery().toString());
        assertThat(file.getProperty("clientId")).isEqualTo(SandboxOpenIdProvider.CLIENT_ID);
        assertThat(file.getProperty("clientSecret")).isEqualTo("secret-du-bac");
    }

    @Test
    void browserLoginsWithoutPkceAreTurnedAway() throws Exception {
        HttpResponse<String> response = get(URI.create(sandbox.issuer() + "/protocol/openid-connect/auth?client_id="
                + SandboxOpenIdProvider.CLIENT_ID + "&response_type=code&scope=openid&state=s1"
                + "&redirect_uri=http://127.0.0.1:9/cb&login_hint=899700000000"));

        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location").orElseThrow())
                .startsWith("http://127.0.0.1:9/cb?").contains("error=invalid_request", "state=s1");
    }

    @Test
    void aCodeRedeemedWithTheWrongVerifierIsRefused() throws Exception {
        CodeVerifier verifier = new CodeVerifier();
        String challenge = com.nimbusds.oauth2.sdk.pkce.CodeChallenge.compute(
                com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod.S256, verifier).getValue();
        HttpResponse<String> redirect = get(URI.create(sandbox.issuer() + "/protocol/openid-connect/auth?client_id="
                + SandboxOpenIdProvider.CLIENT_ID + "&response_type=code&scope=openid&state=s2&nonce=n2"
                + "&code_challenge_method=S256&code_challenge=" + challenge
                + "&redirect_uri=http://127.0.0.1:9/cb&login_hint=899700000000"));
        String code = URI.create(redirect.headers().firstValue("Location").orElseThrow()).getQuery()
                .replaceAll(".*code=([^&]+).*", "$1");

        TokenResponse wrong = OIDCTokenResponseParser.parse(new TokenRequest(
                URI.create(sandbox.issuer() + "/protocol/openid-connect/token"),
                new ClientSecretBasic(new ClientID(SandboxOpenIdProvider.CLIENT_ID), new Secret("secret-du-bac")),
                new AuthorizationCodeGrant(new AuthorizationCode(code), URI.create("http://127.0.0.1:9/cb"),
                        new CodeVerifier())).toHTTPRequest().send());

        assertThat(wrong.indicatesSuccess()).isFalse();
        assertThat(wrong.toErrorResponse().getErrorObject().getCode()).isEqualTo("invalid_grant");
    }

    @Test
    void userinfoNeedsAValidBearerToken() throws Exception {
        assertThat(get(URI.create(sandbox.issuer() + "/protocol/openid-connect/userinfo")).statusCode()).isEqualTo(401);
        HttpResponse<String> forged = HTTP.send(HttpRequest.newBuilder(URI.create(sandbox.issuer()
                + "/protocol/openid-connect/userinfo")).header("Authorization", "Bearer eyJhbGciOiJub25lIn0.e30.").build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(forged.statusCode()).isEqualTo(401);
    }

    @Test
    void theInspectionShowsRequestsButNoSecret() {
        String inspection = Json.write(sandbox.inspect());
        assertThat(inspection).contains("899700000000", "opaline-proxy").doesNotContain("secret-du-bac");
    }
}
