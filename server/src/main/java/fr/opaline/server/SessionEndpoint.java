package fr.opaline.server;

import fr.opaline.api.OpenSession;
import fr.opaline.api.SessionApi;
import fr.opaline.api.SessionInfo;
import fr.opaline.core.common.NotFoundException;
import fr.opaline.core.user.AuthenticatedSession;
import fr.opaline.core.user.LocalAuthentication;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * Sign-in with a local account (core checks the password, the TOTP code, the lockout and audits
 * every attempt), lock and re-authentication by the same user, sign-out and revocation.
 */
final class SessionEndpoint implements SessionApi {

    private final LocalAuthentication authentication;
    private final Sessions sessions;

    SessionEndpoint(LocalAuthentication authentication, Sessions sessions) {
        this.authentication = authentication;
        this.sessions = sessions;
    }

    @Override
    public SessionInfo signIn(String login, char[] password, String totpCode) {
        try {
            AuthenticatedSession authenticated = authentication.login(login, password == null ? new char[0] : password,
                    totpCode);
            ServerSession session = sessions.open(authenticated, Call.current().workstation());
            return info(session, true);
        } finally {
            if (password != null) {
                Arrays.fill(password, '\0');
            }
        }
    }

    @Override
    public SessionInfo current() {
        return info(Call.signedIn(), false);
    }

    @Override
    public void lock() {
        sessions.lock(Call.signedIn());
    }

    @Override
    public SessionInfo unlock(char[] password, String totpCode) {
        Call call = Call.current();
        ServerSession session = sessions.resolve(call.handle(), call.workstation(), true);
        try {
            AuthenticatedSession again = authentication.login(session.user().login(),
                    password == null ? new char[0] : password, totpCode);
            sessions.unlock(session, again);
            return info(session, true);
        } finally {
            if (password != null) {
                Arrays.fill(password, '\0');
            }
        }
    }

    @Override
    public void signOut() {
        ServerSession session = Call.signedIn();
        sessions.end(session);
        authentication.logout(session.authentication(), "déconnexion");
    }

    @Override
    public List<OpenSession> openSessions() {
        return sessions.all().stream().map(s -> new OpenSession(s.id(), s.user().login(), s.user().displayName(),
                s.user().role().name(), s.signedInAt(), s.lastCall(), s.locked(), s.workstation())).toList();
    }

    @Override
    public void revoke(UUID sessionId) {
        ServerSession session = sessions.byId(sessionId)
                .orElseThrow(() -> new NotFoundException("Aucune session ouverte n'a cet identifiant."));
        sessions.end(session);
        authentication.logout(session.authentication(), "session révoquée par " + Call.signedIn().user().login());
    }

    private SessionInfo info(ServerSession session, boolean withHandle) {
        AuthenticatedSession authenticated = session.authentication();
        return new SessionInfo(session.id(), withHandle ? session.handle() : null, authenticated.user(),
                authenticated.method(), session.signedInAt(), sessions.idleTimeout(),
                authenticated.passwordExpiresAt());
    }
}
