package fr.opaline.psc.exchange;

import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.TokenErrorResponse;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.token.AccessToken;
import com.nimbusds.oauth2.sdk.token.BearerAccessToken;
import com.nimbusds.oauth2.sdk.token.RefreshToken;
import com.nimbusds.oauth2.sdk.token.TokenTypeURI;
import com.nimbusds.oauth2.sdk.tokenexchange.TokenExchangeGrant;
import fr.opaline.psc.oidc.OidcException;
import fr.opaline.psc.oidc.OidcProvider;
import fr.opaline.psc.oidc.ProviderErrors;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;

/**
 * RFC 8693 token exchange of the PSC access token for a token of a service of the Espace de
 * confiance, as the ANS reference proxy e-Santé does it (ansforge/psc-edc-proxy-esante,
 * {@code TokenExchangeProcess}): grant {@code urn:ietf:params:oauth:grant-type:token-exchange},
 * {@code subject_token} = the PSC access token, {@code subject_token_type}
 * {@code urn:ietf:params:oauth:token-type:access_token}, {@code subject_issuer=psc}, the client
 * authenticated as for PSC; the answer's {@code access_token}, {@code expires_in},
 * {@code refresh_token}, {@code refresh_expires_in}.
 */
public final class TokenExchange {

    /** The {@code subject_issuer} the reference proxy sends. */
    public static final String SUBJECT_ISSUER = "psc";

    /** A token for one service, exchanged for the PSC one; the token values never in {@link #toString()}. */
    public record Exchanged(String accessToken, Instant accessExpiresAt, String refreshToken, Instant refreshExpiresAt) {
        @Override
        public String toString() {
            return "Exchanged[access expires " + accessExpiresAt + ", jetons masqués]";
        }
    }

    private final OidcProvider provider;
    private final Clock clock;

    /** @param provider the PSC provider whose client credentials authenticate the exchange */
    public TokenExchange(OidcProvider provider, Clock clock) {
        this.provider = Objects.requireNonNull(provider, "provider");
        this.clock = clock;
    }

    /**
     * @param endpoint the token endpoint of the service's identity provider
     * @throws OidcException refused (error code of the provider, French message) or unreadable answer
     */
    public Exchanged exchange(URI endpoint, String pscAccessToken) {
        TokenRequest request = new TokenRequest.Builder(endpoint, provider.clientAuthentication(),
                new TokenExchangeGrant(new BearerAccessToken(pscAccessToken), TokenTypeURI.ACCESS_TOKEN))
                .customParameter("subject_issuer", SUBJECT_ISSUER)
                .build();
        Instant sentAt = clock.instant();
        HTTPResponse response = provider.send(request.toHTTPRequest());
        TokenResponse parsed;
        try {
            parsed = TokenResponse.parse(response);
        } catch (ParseException e) {
            throw new OidcException(OidcException.INVALID_RESPONSE, "Échange de jeton : réponse illisible (HTTP "
                    + response.getStatusCode() + ").", e);
        }
        if (!parsed.indicatesSuccess()) {
            TokenErrorResponse error = parsed.toErrorResponse();
            String code = error.getErrorObject() == null ? null : error.getErrorObject().getCode();
            String description = error.getErrorObject() == null ? null : error.getErrorObject().getDescription();
            throw new OidcException(code == null ? OidcException.INVALID_RESPONSE : code,
                    "Échange de jeton refusé : " + ProviderErrors.message(code, description));
        }
        var success = parsed.toSuccessResponse();
        AccessToken access = success.getTokens().getAccessToken();
        RefreshToken refresh = success.getTokens().getRefreshToken();
        Object refreshLifetime = success.getCustomParameters().get("refresh_expires_in");
        Instant refreshExpiresAt = refreshLifetime instanceof Number n ? sentAt.plusSeconds(n.longValue()) : null;
        return new Exchanged(access.getValue(), access.getLifetime() > 0 ? sentAt.plusSeconds(access.getLifetime()) : null,
                refresh == null ? null : refresh.getValue(), refreshExpiresAt);
    }
}
