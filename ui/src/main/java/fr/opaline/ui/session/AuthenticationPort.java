package fr.opaline.ui.session;

/**
 * What the desktop needs to sign a user in, implemented outside the client: local accounts
 * (password checked by core, never by the UI) and Pro Santé Connect through the practice server
 * (proxy e-santé: the workstation never holds PSC secrets). Every call may block on the
 * network or the database: the UI calls them off the FX thread.
 */
public interface AuthenticationPort {

    /** The refusal of a Pro Santé Connect call where it is not offered. */
    String NO_PSC = "Pro Santé Connect n’est pas configuré sur ce poste.";

    boolean offersPassword();

    /** Pro Santé Connect by CIBA (e-CPS approval); off unless the implementation offers it. */
    default boolean offersPscCiba() {
        return false;
    }

    /** Pro Santé Connect in the browser (code + PKCE); off unless the implementation offers it. */
    default boolean offersPscBrowser() {
        return false;
    }

    /** Checks a local account's password; failures are traced by the implementation. */
    AuthenticatedUser signInWithPassword(String login, char[] password) throws AuthenticationException;

    /**
     * Checks a local account's password and, when the account has a second factor, its TOTP code.
     * A refusal says through {@link AuthenticationException#next()} whether to ask for the code or
     * for a new password.
     *
     * @param totpCode null on the first try
     */
    default AuthenticatedUser signInWithPassword(String login, char[] password, String totpCode)
            throws AuthenticationException {
        if (totpCode == null) {
            return signInWithPassword(login, password);
        }
        throw new AuthenticationException("Ce poste ne sait pas demander le code du second facteur.");
    }

    /**
     * Replaces a temporary or expired password by one the user chooses (the server applies the
     * policy of the role), then signs in.
     */
    default AuthenticatedUser changePassword(String login, char[] current, char[] next, String totpCode)
            throws AuthenticationException {
        throw new AuthenticationException("Ce poste ne sait pas changer un mot de passe.");
    }

    /** Whether the signed-in user can enrol a TOTP second factor from this desktop. */
    default boolean offersTotpEnrolment() {
        return false;
    }

    /** Starts the signed-in user's TOTP enrolment: the secret and its {@code otpauth://} URI, shown once. */
    default TotpSecret enrolTotp() throws AuthenticationException {
        throw new AuthenticationException("Ce poste ne sait pas enrôler un second facteur.");
    }

    /** Confirms the enrolment with a first code: the second factor is then asked at every sign-in. */
    default void confirmTotp(String code) throws AuthenticationException {
        throw new AuthenticationException("Ce poste ne sait pas enrôler un second facteur.");
    }

    /** A new TOTP secret, as text and as the URI an authenticator application reads from a QR code. */
    record TotpSecret(String secret, String provisioningUri) {
        @Override
        public String toString() {
            return "TotpSecret[masqué]";
        }
    }

    /**
     * Starts a CIBA request for the professional whose national identifier is given
     * ({@code login_hint}, e.g. "8" + RPPS).
     */
    default PscCibaSession startPscCiba(String nationalId) throws AuthenticationException {
        throw new AuthenticationException(NO_PSC);
    }

    /** Opens the system browser on PSC and waits for the loopback redirect; interrupt to cancel. */
    default AuthenticatedUser signInWithPscBrowser() throws AuthenticationException, InterruptedException {
        throw new AuthenticationException(NO_PSC);
    }

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
