package fr.opaline.ui.session;

/**
 * What the desktop needs to sign a user in, implemented outside the client: local accounts
 * (password checked by core, never by the UI) and Pro Santé Connect through the practice server
 * (proxy e-santé: the workstation never holds PSC secrets). Every call may block on the
 * network or the database: the UI calls them off the FX thread.
 */
public interface AuthenticationPort {

    boolean offersPassword();

    boolean offersPscCiba();

    boolean offersPscBrowser();

    /** Checks a local account's password; failures are traced by the implementation. */
    AuthenticatedUser signInWithPassword(String login, char[] password) throws AuthenticationException;

    /**
     * Starts a CIBA request for the professional whose national identifier is given
     * ({@code login_hint}, e.g. "8" + RPPS).
     */
    PscCibaSession startPscCiba(String nationalId) throws AuthenticationException;

    /** Opens the system browser on PSC and waits for the loopback redirect; interrupt to cancel. */
    AuthenticatedUser signInWithPscBrowser() throws AuthenticationException, InterruptedException;

    /**
     * The user leaves the desktop: ends what their sign-ins opened outside it (Pro Santé Connect
     * sessions at the proxy, whose tokens it revokes). May block: call it off the FX thread.
     */
    default void signOut(AuthenticatedUser user) {
    }

    /** No sign-in method wired (yet): only the demonstration picker, when given, can open a session. */
    static AuthenticationPort none() {
        return NoAuthentication.INSTANCE;
    }
}
