package fr.opaline.psc.api;

import java.time.Instant;
import java.util.List;

/**
 * A session of the proxy e-santé, without any token: who, which account (null until linked),
 * the accounts to choose from when several carry the professional's RPPS, and until when.
 *
 * @param method {@code PSC_CIBA} or {@code OIDC_BROWSER} (core {@code AuthenticationMethod})
 */
public record SessionView(String provider, String method, ProfessionalView professional, AccountView account,
                          List<AccountView> candidates, Instant createdAt, Instant accessExpiresAt, Instant endsAt) {
}
