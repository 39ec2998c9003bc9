package fr.opaline.core.user;

import fr.opaline.core.common.Actor;
import java.time.Instant;
import java.util.Objects;

/**
 * Who is logged in on a workstation, and how. {@code passwordExpiresAt} (local logins of accounts
 * under an expiring policy) lets the desktop warn before expiry; null otherwise.
 */
public record AuthenticatedSession(UserAccount user, AuthenticationMethod method, Instant authenticatedAt,
                                   Instant passwordExpiresAt) {

    public AuthenticatedSession {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(authenticatedAt, "authenticatedAt");
    }

    /** The actor to pass to audited service calls. */
    public Actor actor() {
        return Actor.user(user.id(), user.login());
    }
}
