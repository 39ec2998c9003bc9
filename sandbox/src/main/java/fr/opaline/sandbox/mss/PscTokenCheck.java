package fr.opaline.sandbox.mss;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import fr.opaline.core.common.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks a Pro Santé Connect access token presented with XOAUTH2, as an operator's API LPS does:
 * RS256 signature by a key the provider publishes (JWKS from its discovery document), issuer,
 * expiry; gives the professional's national identifier ({@code preferred_username}).
 */
final class PscTokenCheck {

    private static final Logger LOG = LoggerFactory.getLogger(PscTokenCheck.class);

    private final Supplier<URI> discovery;
    private final Clock clock;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private volatile JWKSet keys;
    private volatile String issuer;

    PscTokenCheck(Supplier<URI> discovery, Clock clock) {
        this.discovery = discovery;
        this.clock = clock;
    }

    /** The national identifier of a valid token's professional; empty for any invalid token. */
    Optional<String> nationalId(String token) {
        try {
            SignedJWT jwt = SignedJWT.parse(token);
            JWK key = key(jwt.getHeader().getKeyID());
            if (!(key instanceof RSAKey rsa) || !jwt.verify(new RSASSAVerifier(rsa))) {
                return Optional.empty();
            }
            JWTClaimsSet claims = jwt.getJWTClaimsSet();
            Date expiry = claims.getExpirationTime();
            if (expiry == null || !expiry.toInstant().isAfter(clock.instant()) || !issuer.equals(claims.getIssuer())) {
                return Optional.empty();
            }
            String id = claims.getStringClaim("preferred_username");
            return Optional.ofNullable(id);
        } catch (ParseException | JOSEException | IOException | RuntimeException e) {
            LOG.debug("XOAUTH2 token refused: {}", e.getMessage());
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    private JWK key(String keyId) throws IOException, InterruptedException, ParseException {
        JWKSet known = keys;
        JWK key = known == null ? null : known.getKeyByKeyId(keyId);
        if (key == null) {
            load();
            key = keys.getKeyByKeyId(keyId);
        }
        return key;
    }

    private synchronized void load() throws IOException, InterruptedException, ParseException {
        URI where = discovery.get();
        if (where == null) {
            throw new IOException("Pro Santé Connect du bac à sable introuvable");
        }
        JsonNode document = Json.mapper().readTree(get(where));
        issuer = document.path("issuer").asText();
        keys = JWKSet.parse(get(URI.create(document.path("jwks_uri").asText())));
    }

    private String get(URI uri) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException(uri + " : HTTP " + response.statusCode());
        }
        return response.body();
    }
}
