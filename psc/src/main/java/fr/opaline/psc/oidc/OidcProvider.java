package fr.opaline.psc.oidc;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import com.nimbusds.oauth2.sdk.AccessTokenResponse;
import com.nimbusds.oauth2.sdk.AuthorizationGrant;
import com.nimbusds.oauth2.sdk.ErrorObject;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.token.Tokens;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser;
import com.nimbusds.openid.connect.sdk.token.OIDCTokens;
import com.nimbusds.oauth2.sdk.auth.ClientAuthentication;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.id.Subject;
import com.nimbusds.oauth2.sdk.token.BearerAccessToken;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.UserInfoErrorResponse;
import com.nimbusds.openid.connect.sdk.UserInfoRequest;
import com.nimbusds.openid.connect.sdk.UserInfoResponse;
import com.nimbusds.openid.connect.sdk.UserInfoSuccessResponse;
import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import com.nimbusds.openid.connect.sdk.validators.IDTokenValidator;
import java.io.IOException;
import java.net.MalformedURLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One configured OpenID Connect provider at run time: its discovery document (fetched, then
 * refreshed hourly), its signing keys, and the checks every token it issues must pass: signature
 * by one of its published asymmetric keys (never {@code alg=none}, never a MAC), issuer, audience,
 * expiry and, for browser logins, the nonce.
 */
public final class OidcProvider {

    /** Asymmetric algorithms accepted for ID tokens and signed userinfo. */
    static final Set<JWSAlgorithm> ACCEPTED_ALGORITHMS = Set.of(JWSAlgorithm.RS256, JWSAlgorithm.RS384,
            JWSAlgorithm.RS512, JWSAlgorithm.PS256, JWSAlgorithm.PS384, JWSAlgorithm.PS512, JWSAlgorithm.ES256,
            JWSAlgorithm.ES384, JWSAlgorithm.ES512);
    private static final Duration METADATA_TTL = Duration.ofHours(1);
    private static final int MAX_CLOCK_SKEW_SECONDS = 60;

    private final OidcProviderConfig config;
    private final Clock clock;
    private OIDCProviderMetadata metadata;
    private Instant fetchedAt;
    private JWKSource<SecurityContext> keys;

    public OidcProvider(OidcProviderConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
    }

    public OidcProviderConfig config() {
        return config;
    }

    public String id() {
        return config.id();
    }

    /** The discovery document, fetched on first use and refreshed after an hour. */
    public synchronized OIDCProviderMetadata metadata() {
        if (metadata == null || clock.instant().isAfter(fetchedAt.plus(METADATA_TTL))) {
            HTTPResponse response = send(new HTTPRequest(HTTPRequest.Method.GET, config.discovery()));
            if (response.getStatusCode() != 200) {
                throw new OidcException(OidcException.UNREACHABLE, config.label()
                        + " : document de découverte indisponible (HTTP " + response.getStatusCode() + ").");
            }
            try {
                OIDCProviderMetadata parsed = OIDCProviderMetadata.parse(response.getBodyAsJSONObject());
                if (parsed.getTokenEndpointURI() == null || parsed.getJWKSetURI() == null) {
                    throw new OidcException(OidcException.INVALID_RESPONSE, config.label()
                            + " : le document de découverte n'indique pas les points d'accès attendus.");
                }
                DefaultResourceRetriever retriever = new DefaultResourceRetriever(timeoutMillis(), timeoutMillis(),
                        512 * 1024, true, config.tlsSocketFactory());
                keys = JWKSourceBuilder.create(parsed.getJWKSetURI().toURL(), retriever).build();
                metadata = parsed;
                fetchedAt = clock.instant();
            } catch (ParseException | MalformedURLException e) {
                throw new OidcException(OidcException.INVALID_RESPONSE, config.label()
                        + " : document de découverte illisible (" + e.getMessage() + ").", e);
            }
        }
        return metadata;
    }

    public ClientAuthentication clientAuthentication() {
        return new ClientSecretBasic(config.clientId(), config.clientSecret());
    }

    /** Sends a request to the provider with the configured timeout and client certificate. */
    public HTTPResponse send(HTTPRequest request) {
        request.setConnectTimeout(timeoutMillis());
        request.setReadTimeout(timeoutMillis());
        if (config.tlsSocketFactory() != null) {
            request.setSSLSocketFactory(config.tlsSocketFactory());
        }
        try {
            return request.send();
        } catch (IOException e) {
            throw new OidcException(OidcException.UNREACHABLE, config.label() + " injoignable ("
                    + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " : " + e.getMessage())
                    + "). Réessayez ; si cela persiste, consultez la page d'état des services de l'ANS.", e);
        }
    }

    /** Calls the token endpoint with a grant (authorization code, CIBA, refresh token). */
    public TokenOutcome requestToken(AuthorizationGrant grant) {
        OIDCProviderMetadata md = metadata();
        Instant sentAt = clock.instant();
        HTTPResponse response = send(new TokenRequest(md.getTokenEndpointURI(), clientAuthentication(), grant)
                .toHTTPRequest());
        TokenResponse parsed;
        try {
            parsed = OIDCTokenResponseParser.parse(response);
        } catch (ParseException e) {
            throw new OidcException(OidcException.INVALID_RESPONSE, config.label()
                    + " : réponse du point d'accès aux jetons illisible (HTTP " + response.getStatusCode() + ").", e);
        }
        if (!parsed.indicatesSuccess()) {
            ErrorObject error = parsed.toErrorResponse().getErrorObject();
            return new TokenOutcome.Refused(error == null ? null : error.getCode(),
                    error == null ? null : error.getDescription());
        }
        AccessTokenResponse success = parsed.toSuccessResponse();
        Tokens tokens = success.getTokens();
        JWT idToken = tokens instanceof OIDCTokens oidc ? oidc.getIDToken() : null;
        long lifetime = tokens.getAccessToken().getLifetime() > 0 ? tokens.getAccessToken().getLifetime() : 300;
        Object refreshIn = success.getCustomParameters().get("refresh_expires_in");
        Instant refreshExpiresAt = null;
        if (tokens.getRefreshToken() != null && refreshIn instanceof Number seconds && seconds.longValue() > 0) {
            refreshExpiresAt = sentAt.plusSeconds(seconds.longValue());
        }
        return new TokenOutcome.Issued(new IssuedTokens(tokens.getAccessToken(), tokens.getRefreshToken(), idToken,
                sentAt.plusSeconds(lifetime), refreshExpiresAt));
    }

    /**
     * Validates an ID token: signature, issuer, audience, expiry (60 s of clock skew), and the
     * nonce when one was sent (browser flow; CIBA has none).
     */
    public IDTokenClaimsSet validateIdToken(JWT idToken, Nonce expectedNonce) {
        if (idToken == null) {
            throw new OidcException(OidcException.INVALID_TOKEN, config.label() + " n'a pas renvoyé de jeton d'identité.");
        }
        OIDCProviderMetadata md = metadata();
        IDTokenValidator validator = new IDTokenValidator(md.getIssuer(), config.clientId(),
                new JWSVerificationKeySelector<>(algorithms(md.getIDTokenJWSAlgs()), keys), null);
        validator.setMaxClockSkew(MAX_CLOCK_SKEW_SECONDS);
        try {
            return validator.validate(idToken, expectedNonce);
        } catch (BadJOSEException | JOSEException e) {
            throw new OidcException(OidcException.INVALID_TOKEN, "Jeton d'identité refusé (" + e.getMessage() + ").", e);
        }
    }

    /**
     * Who the tokens belong to: the ID token is validated (with the nonce of a browser login), then
     * userinfo is read and the professional extracted from both.
     */
    public Professional identify(IssuedTokens tokens, Nonce expectedNonce) {
        IDTokenClaimsSet idClaims = validateIdToken(tokens.idToken(), expectedNonce);
        Map<String, Object> userInfo = tokens.accessToken() instanceof BearerAccessToken bearer
                ? userInfo(bearer, idClaims.getSubject()) : Map.of();
        return ProfessionalClaims.read(config, idClaims.toJSONObject(), userInfo);
    }

    /**
     * The userinfo claims for the access token. Signed responses (PSC returns a JWT) are checked
     * like ID tokens; in every case the subject must be the ID token's (OpenID Connect Core §5.3.2).
     */
    public Map<String, Object> userInfo(BearerAccessToken accessToken, Subject expectedSubject) {
        OIDCProviderMetadata md = metadata();
        if (md.getUserInfoEndpointURI() == null) {
            return Map.of();
        }
        HTTPResponse response = send(new UserInfoRequest(md.getUserInfoEndpointURI(), accessToken).toHTTPRequest());
        UserInfoResponse parsed;
        try {
            parsed = UserInfoResponse.parse(response);
        } catch (ParseException e) {
            throw new OidcException(OidcException.INVALID_RESPONSE, config.label() + " : réponse userinfo illisible.", e);
        }
        if (!parsed.indicatesSuccess()) {
            UserInfoErrorResponse error = parsed.toErrorResponse();
            throw new OidcException(OidcException.INVALID_TOKEN, config.label() + " refuse de donner l'identité ("
                    + (error.getErrorObject() == null ? "HTTP " + response.getStatusCode() : error.getErrorObject().getCode())
                    + ").");
        }
        UserInfoSuccessResponse success = parsed.toSuccessResponse();
        Map<String, Object> claims;
        if (success.getUserInfoJWT() != null) {
            claims = validateSignedUserInfo(success.getUserInfoJWT(), md).toJSONObject();
        } else {
            claims = success.getUserInfo().toJSONObject();
        }
        Object sub = claims.get("sub");
        if (sub == null || !sub.equals(expectedSubject.getValue())) {
            throw new OidcException(OidcException.INVALID_TOKEN,
                    "Réponse userinfo refusée : elle ne concerne pas la personne authentifiée.");
        }
        return claims;
    }

    private JWTClaimsSet validateSignedUserInfo(JWT jwt, OIDCProviderMetadata md) {
        if (!(jwt instanceof SignedJWT)) {
            throw new OidcException(OidcException.INVALID_TOKEN, "Réponse userinfo refusée : JWT non signé.");
        }
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(algorithms(md.getUserInfoJWSAlgs()), keys));
        DefaultJWTClaimsVerifier<SecurityContext> verifier = new DefaultJWTClaimsVerifier<>(config.clientId().getValue(),
                new JWTClaimsSet.Builder().issuer(md.getIssuer().getValue()).build(), Set.of("sub"));
        verifier.setMaxClockSkew(MAX_CLOCK_SKEW_SECONDS);
        processor.setJWTClaimsSetVerifier(verifier);
        try {
            return processor.process(jwt, null);
        } catch (BadJOSEException | JOSEException e) {
            throw new OidcException(OidcException.INVALID_TOKEN, "Réponse userinfo refusée (" + e.getMessage() + ").", e);
        }
    }

    private static Set<JWSAlgorithm> algorithms(List<JWSAlgorithm> advertised) {
        Set<JWSAlgorithm> accepted = new HashSet<>();
        if (advertised != null) {
            advertised.stream().filter(ACCEPTED_ALGORITHMS::contains).forEach(accepted::add);
        }
        if (accepted.isEmpty()) {
            accepted.add(JWSAlgorithm.RS256);
        }
        return accepted;
    }

    private int timeoutMillis() {
        return (int) config.httpTimeout().toMillis();
    }
}
