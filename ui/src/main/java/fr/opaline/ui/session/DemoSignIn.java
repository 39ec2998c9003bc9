package fr.opaline.ui.session;

import fr.opaline.api.SessionApi;
import fr.opaline.api.SessionInfo;
import fr.opaline.api.client.ApiClient;
import fr.opaline.core.user.UserAccount;
import java.util.List;
import java.util.Objects;

/**
 * Demonstration only ({@code opaline demo}): opens a session on one of the fictitious accounts
 * without authentication, through the demonstration server's API (which refuses it on any other
 * server and writes the login to the audit trail, marked as such). Production wiring never creates
 * this class.
 */
public final class DemoSignIn {

    private final ApiClient api;

    public DemoSignIn(ApiClient api) {
        this.api = Objects.requireNonNull(api, "api");
    }

    /** The active accounts: front desk first, then technologists, radiologists, administrators. */
    public List<UserAccount> accounts() {
        return api.api(SessionApi.class).demoAccounts();
    }

    /** The session opened is the one every screen then uses. */
    public AuthenticatedUser signIn(UserAccount account) {
        SessionInfo session = api.api(SessionApi.class).signInDemo(account.id());
        return new AuthenticatedUser(session.user(), SignInMethod.DEMO, session.signedInAt());
    }
}
