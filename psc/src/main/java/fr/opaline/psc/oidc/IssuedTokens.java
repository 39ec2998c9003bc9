package fr.opaline.psc.oidc;

import com.nimbusds.jwt.JWT;
import com.nimbusds.oauth2.sdk.token.AccessToken;
import com.nimbusds.oauth2.sdk.token.RefreshToken;
import java.time.Instant;

/**
 * Tokens a provider issued. They stay in the practice server's vault; {@link #toString()} never
 * shows them, so that they cannot end up in a log.
 *
 * @param refreshExpiresAt when the refresh token stops working, if the provider says so
 *                         (Keycloak and PSC send {@code refresh_expires_in}); null if unknown
 */
public record IssuedTokens(AccessToken accessToken, RefreshToken refreshToken, JWT idToken, Instant accessExpiresAt,
                           Instant refreshExpiresAt) {

    @Override
    public String toString() {
        return "IssuedTokens[access expires " + accessExpiresAt + ", refresh " + (refreshToken == null ? "none"
                : "expires " + refreshExpiresAt) + ", tokens masqués]";
    }
}
