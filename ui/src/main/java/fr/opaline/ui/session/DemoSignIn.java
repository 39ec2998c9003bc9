package fr.opaline.ui.session;

import fr.opaline.core.audit.AuditAction;
import fr.opaline.core.audit.AuditEntry;
import fr.opaline.core.audit.AuditTrail;
import fr.opaline.core.persistence.Database;
import fr.opaline.core.user.UserAccount;
import fr.opaline.core.user.UserRepository;
import java.time.Clock;
import java.util.List;

/**
 * Demonstration only ({@code opaline demo}): opens a session on one of the fictitious accounts
 * without authentication. The login still goes to the audit trail, marked as such. Production
 * wiring never creates this class.
 */
public final class DemoSignIn {

    private final Database database;
    private final AuditTrail audit;
    private final Clock clock;

    private final fr.opaline.api.client.ApiClient api;

    public DemoSignIn(Database database, AuditTrail audit, Clock clock) {
        this(database, audit, clock, null);
    }

    /** The picker through the demonstration server's API (its session is the one every screen then uses). */
    public DemoSignIn(Database database, AuditTrail audit, Clock clock, fr.opaline.api.client.ApiClient api) {
        this.database = database;
        this.audit = audit;
        this.clock = clock;
        this.api = api;
    }

    /** The active accounts: front desk first, then technologists, radiologists, administrators. */
    public List<UserAccount> accounts() {
        if (api != null) {
            return api.api(fr.opaline.api.SessionApi.class).demoAccounts();
        }
        return new UserRepository(database.dsl()).findAll().stream().filter(UserAccount::active)
                .sorted(java.util.Comparator.comparing(UserAccount::role).thenComparing(UserAccount::displayName))
                .toList();
    }

    public AuthenticatedUser signIn(UserAccount account) {
        if (api != null) {
            fr.opaline.api.SessionInfo session = api.api(fr.opaline.api.SessionApi.class).signInDemo(account.id());
            return new AuthenticatedUser(session.user(), SignInMethod.DEMO, session.signedInAt());
        }
        AuthenticatedUser user = new AuthenticatedUser(account, SignInMethod.DEMO, clock.instant());
        audit.record(AuditEntry.of(user.actor(), AuditAction.LOGIN, null).on("user_account", account.login())
                .withDetail("mode démonstration : compte fictif choisi sans authentification"));
        return user;
    }
}
