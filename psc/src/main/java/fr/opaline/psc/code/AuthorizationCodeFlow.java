package fr.opaline.psc.code;

import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.openid.connect.sdk.AuthenticationRequest;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.claims.ACR;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import fr.opaline.psc.oidc.ProviderErrors;
import fr.opaline.psc.oidc.IssuedTokens;
import fr.opaline.psc.oidc.OidcException;
import fr.opaline.psc.oidc.OidcProvider;
import fr.opaline.psc.oidc.TokenOutcome;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Authorization code flow with PKCE (RFC 7636, S256) for a login in the workstation's browser:
 * the practice server builds the request and keeps {@code state}, {@code nonce} and the code
 * verifier; the browser comes back to a loopback address on the workstation, which hands the code
 * to the server; the server redeems it with its client secret.
 */
public final class AuthorizationCodeFlow {

    /** How long the professional has to log in within the browser. */
    public static final Duration LIFETIME = Duration.ofMinutes(10);

    private final OidcProvider provider;
    private final Clock clock;

    public AuthorizationCodeFlow(OidcProvider provider, Clock clock) {
        this.provider = provider;
        this.clock = clock;
    }

    /** A browser login under way. Its secrets stay on the server. */
    public record Pending(State state, Nonce nonce, CodeVerifier verifier, URI redirectUri, URI authorizationUri,
                          Instant expiresAt) {
        @Override
        public String toString() {
            return "Pending[" + redirectUri + ", expires " + expiresAt + "]";
        }
    }

    public Pending start(URI redirectUri, String loginHint) {
        LoopbackRedirect.check(redirectUri);
        OIDCProviderMetadata md = provider.metadata();
        if (md.getAuthorizationEndpointURI() == null) {
            throw new OidcException(OidcException.NOT_CONFIGURED,
                    provider.config().label() + " ne propose pas la connexion par navigateur.");
        }
        State state = new State();
        Nonce nonce = new Nonce();
        CodeVerifier verifier = new CodeVerifier();
        AuthenticationRequest.Builder request = new AuthenticationRequest.Builder(ResponseType.CODE,
                Scope.parse(provider.config().scope()), provider.config().clientId(), redirectUri)
                .endpointURI(md.getAuthorizationEndpointURI())
                .state(state)
                .nonce(nonce)
                .codeChallenge(verifier, CodeChallengeMethod.S256);
        if (!provider.config().acrValues().isEmpty()) {
            request.acrValues(provider.config().acrValues().stream().map(ACR::new).toList());
        }
        if (loginHint != null && !loginHint.isBlank()) {
            request.loginHint(loginHint);
        }
        return new Pending(state, nonce, verifier, redirectUri, request.build().toURI(), clock.instant().plus(LIFETIME));
    }

    /** Redeems the code the browser brought back. */
    public IssuedTokens exchange(Pending pending, String code) {
        TokenOutcome outcome = provider.requestToken(new AuthorizationCodeGrant(new AuthorizationCode(code),
                pending.redirectUri(), pending.verifier()));
        if (outcome instanceof TokenOutcome.Refused refused) {
            throw new OidcException(refused.error() == null ? OidcException.INVALID_RESPONSE : refused.error(),
                    ProviderErrors.message(refused.error(), refused.description()));
        }
        return ((TokenOutcome.Issued) outcome).tokens();
    }
}
