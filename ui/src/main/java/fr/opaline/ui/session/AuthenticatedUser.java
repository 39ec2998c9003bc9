package fr.opaline.ui.session;

import fr.opaline.core.common.Actor;
import fr.opaline.core.user.UserAccount;
import java.time.Instant;
import java.util.Objects;

/** The user of the session, how they signed in and when. */
public record AuthenticatedUser(UserAccount account, SignInMethod method, Instant signedInAt) {

    public AuthenticatedUser {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(signedInAt, "signedInAt");
    }

    /** Who the audit trail names for this session's actions. */
    public Actor actor() {
        return Actor.user(account.id(), account.login());
    }
}
