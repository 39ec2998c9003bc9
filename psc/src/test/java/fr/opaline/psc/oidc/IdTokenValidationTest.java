package fr.opaline.psc.oidc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.sun.net.httpserver.HttpServer;
import fr.opaline.core.common.Json;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Bad ID tokens are refused: wrong issuer, wrong audience, expired, bad signature, {@code alg=none},
 * a MAC keyed with the client secret, a missing or wrong nonce (SC.PSC.01).
 */
class IdTokenValidationTest {

    private static final String SECRET = "secret-de-test-assez-long-pour-hs256-0123456789";
    private static HttpServer op;
    private static RSAKey key;
    private static String issuer;
    private static OidcProvider provider;

    @BeforeAll
    static void startProvider() throws Exception {
        key = new RSAKeyGenerator(2048).keyID("k1").generate();
        op = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 8);
        issuer = "http://127.0.0.1:" + op.getAddress().getPort() + "/realms/test";
        op.createContext("/realms/test/.well-known/openid-configuration", exchange -> send(exchange, Json.write(Map.of(
                "issuer", issuer,
                "authorization_endpoint", issuer + "/auth",
                "token_endpoint", issuer + "/token",
                "jwks_uri", issuer + "/certs",
                "response_types_supported", List.of("code"),
                "subject_types_supported", List.of("public"),
                "id_token_signing_alg_values_supported", List.of("RS256", "HS256", "none")))));
        op.createContext("/realms/test/certs", exchange -> send(exchange, new JWKSet(key.toPublicJWK()).toString()));
        op.start();
        provider = new OidcProvider(new OidcProviderConfig("psc", "PSC de test",
                URI.create(issuer + "/.well-known/openid-configuration"), new com.nimbusds.oauth2.sdk.id.ClientID("opaline"),
                new Secret(SECRET), "openid", List.of(), true, true, null, null, null, null), Clock.systemUTC());
    }

    @AfterAll
    static void stop() {
        op.stop(0);
    }

    private static void send(com.sun.net.httpserver.HttpExchange exchange, String body) throws java.io.IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static JWTClaimsSet.Builder claims() {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder().issuer(issuer).audience("opaline").subject("f:lambert")
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(300)))
                .claim("SubjectNameID", "899700000000");
    }

    private static SignedJWT signed(JWTClaimsSet claims, RSAKey with) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("k1").build(), claims);
        jwt.sign(new RSASSASigner(with));
        return jwt;
    }

    @Test
    void aWellFormedTokenPassesAndCarriesItsClaims() throws Exception {
        var validated = provider.validateIdToken(signed(claims().build(), key), null);
        assertThat(validated.getSubject().getValue()).isEqualTo("f:lambert");
        assertThat(validated.getStringClaim("SubjectNameID")).isEqualTo("899700000000");
    }

    @Test
    void wrongIssuerIsRefused() throws Exception {
        refused(signed(claims().issuer("https://pirate.example/realms/test").build(), key));
    }

    @Test
    void wrongAudienceIsRefused() throws Exception {
        refused(signed(claims().audience("autre-client").build(), key));
    }

    @Test
    void expiredTokenIsRefusedBeyondTheClockSkew() throws Exception {
        Instant past = Instant.now().minusSeconds(3600);
        refused(signed(claims().issueTime(Date.from(past)).expirationTime(Date.from(past.plusSeconds(300))).build(), key));
    }

    @Test
    void aSignatureByAnotherKeyIsRefused() throws Exception {
        RSAKey impostor = new RSAKeyGenerator(2048).keyID("k1").generate();
        refused(signed(claims().build(), impostor));
    }

    @Test
    void unsignedAlgNoneIsRefusedEvenIfTheProviderAdvertisesIt() {
        refused(new PlainJWT(claims().build()));
    }

    @Test
    void aMacKeyedWithTheClientSecretIsRefused() throws Exception {
        SignedJWT mac = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims().build());
        mac.sign(new MACSigner(SECRET.getBytes(StandardCharsets.UTF_8)));
        refused(mac);
    }

    @Test
    void theNonceOfABrowserLoginMustMatch() throws Exception {
        Nonce nonce = new Nonce();
        assertThat(provider.validateIdToken(signed(claims().claim("nonce", nonce.getValue()).build(), key), nonce))
                .isNotNull();
        refused(signed(claims().claim("nonce", "autre").build(), key), nonce);
        refused(signed(claims().build(), key), nonce);
    }

    @Test
    void aTamperedPayloadIsRefused() throws Exception {
        String[] parts = signed(claims().build(), key).serialize().split("\\.");
        String forged = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
                claims().claim("SubjectNameID", "899700000009").build().toString().getBytes(StandardCharsets.UTF_8));
        refused(SignedJWT.parse(parts[0] + "." + forged + "." + parts[2]));
    }

    private static void refused(com.nimbusds.jwt.JWT jwt) {
        refused(jwt, null);
    }

    private static void refused(com.nimbusds.jwt.JWT jwt, Nonce nonce) {
        assertThatThrownBy(() -> provider.validateIdToken(jwt, nonce)).isInstanceOfSatisfying(OidcException.class, e -> {
            assertThat(e.error()).isEqualTo(OidcException.INVALID_TOKEN);
            assertThat(e.getMessage()).startsWith("Jeton d'identité refusé");
        });
    }
}
