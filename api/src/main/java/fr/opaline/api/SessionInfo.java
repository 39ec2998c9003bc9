package fr.opaline.api;

import fr.opaline.core.user.AuthenticationMethod;
import fr.opaline.core.user.UserAccount;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * An open session as its holder sees it.
 *
 * @param handle   the secret the client presents ({@code Authorization: Bearer}); only in the answer
 *                 to a sign-in or an unlock, null otherwise
 * @param idleTimeout inactivity after which the server ends the session
 */
public record SessionInfo(UUID sessionId, String handle, UserAccount user, AuthenticationMethod method,
                          Instant signedInAt, Duration idleTimeout, Instant passwordExpiresAt) {

    /** The same without the handle. */
    public SessionInfo withoutHandle() {
        return new SessionInfo(sessionId, null, user, method, signedInAt, idleTimeout, passwordExpiresAt);
    }

    @Override
    public String toString() {
        return "SessionInfo[" + sessionId + ", " + (user == null ? "?" : user.login()) + "]";
    }
}
