package fr.opaline.server;

import fr.opaline.api.OpenSession;
import fr.opaline.api.SessionApi;
import fr.opaline.api.SessionInfo;
import fr.opaline.core.common.NotFoundException;
import fr.opaline.core.user.AccountAdministration.TotpEnrolment;
import fr.opaline.core.user.AuthenticatedSession;
import fr.opaline.core.user.LocalAuthentication;
import fr.opaline.core.audit.AuditAction;
import fr.opaline.core.audit.AuditEntry;
import fr.opaline.core.persistence.Database;
import fr.opaline.core.user.AuthenticationMethod;
import fr.opaline.core.user.UserAccount;
import fr.opaline.core.user.UserRepository;
import fr.opaline.platform.http.HttpError;
import java.time.Clock;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/**
 * Sign-in with a local account (core checks the password, the TOTP code, the lockout and audits
 * every attempt), lock and re-authentication by the same user, sign-out and revocation.
 */
final class SessionEndpoint implements SessionApi {

    private final LocalAuthentication authentication;
    private final Sessions sessions;
    private final PracticeApi.SignInOptions options;
    private final Database database;
    private final Clock clock;

    SessionEndpoint(LocalAuthentication authentication, Sessions sessions, PracticeApi.SignInOptions options,
                    Database database, Clock clock) {
        this.authentication = authentication;
        this.sessions = sessions;
        this.options = options;
        this.database = database;
        this.clock = clock;
    }

    @Override
    public SessionInfo signInWithPsc(String proxySession) {
        if (options.psc() == null) {
            throw Call.forbidden("Pro Santé Connect n'est pas relié à ce serveur du cabinet.");
        }
        if (proxySession == null || proxySession.isBlank()) {
            throw HttpError.badRequest("Session Pro Santé Connect non précisée.");
        }
        Call call = Call.current();
        AuthenticatedSession authenticated = options.psc().verify(proxySession, call.clientAddress());
        return info(sessions.open(authenticated, call.workstation()), true);
    }

    @Override
    public fr.opaline.api.PracticeInfo practice() {
        return new fr.opaline.api.PracticeInfo(new fr.opaline.core.practice.PracticeSettings(database)
                .get(fr.opaline.core.practice.PracticeSettings.NAME).filter(name -> !name.isBlank()).orElse(null));
    }

    @Override
    public List<UserAccount> demoAccounts() {
        demoOnly();
        return new UserRepository(database.dsl()).findAll().stream().filter(UserAccount::active)
                .sorted(Comparator.comparing(UserAccount::role).thenComparing(UserAccount::displayName)).toList();
    }

    @Override
    public SessionInfo signInDemo(UUID accountId) {
        demoOnly();
        UserAccount account = accountId == null ? null : new UserRepository(database.dsl()).findById(accountId)
                .filter(UserAccount::active).orElse(null);
        if (account == null) {
            throw new NotFoundException("Compte fictif introuvable ou désactivé.");
        }
        AuthenticatedSession authenticated = new AuthenticatedSession(account, AuthenticationMethod.LOCAL_PASSWORD,
                clock.instant(), null);
        options.demoAudit().record(AuditEntry.of(authenticated.actor(), AuditAction.LOGIN, null)
                .on("user_account", account.login())
                .withDetail("mode démonstration : compte fictif choisi sans authentification"));
        return info(sessions.open(authenticated, Call.current().workstation()), true);
    }

    private void demoOnly() {
        if (options.demoAudit() == null) {
            throw Call.forbidden("Connexion sans authentification réservée à la démonstration (opaline demo).");
        }
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
    public SessionInfo changePassword(String login, char[] currentPassword, char[] newPassword, String totpCode) {
        try {
            if (newPassword == null || newPassword.length == 0) {
                throw HttpError.badRequest("Nouveau mot de passe non saisi.");
            }
            AuthenticatedSession authenticated = authentication.changePassword(login,
                    currentPassword == null ? new char[0] : currentPassword, newPassword, totpCode);
            return info(sessions.open(authenticated, Call.current().workstation()), true);
        } finally {
            if (currentPassword != null) {
                Arrays.fill(currentPassword, '\0');
            }
            if (newPassword != null) {
                Arrays.fill(newPassword, '\0');
            }
        }
    }

    @Override
    public TotpEnrolment enrolTotp() {
        return authentication.enrolOwnTotp(Call.signedIn().user());
    }

    @Override
    public void confirmTotp(String code) {
        authentication.confirmOwnTotp(Call.signedIn().user(), code);
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
