package fr.opaline.api;

import fr.opaline.core.user.AccountAdministration.TotpEnrolment;
import fr.opaline.core.user.Role;
import fr.opaline.core.user.UserAccount;
import java.util.List;
import java.util.UUID;

/**
 * Sessions on the practice server: sign-in with a local account (password, and the TOTP code when
 * the account has a second factor), lock and re-authentication, sign-out. A session is bound to
 * the workstation's TLS key and ends after {@code ui.idleLock} without a call.
 */
@Area("session")
public interface SessionApi {

    /** Opens a session; the answer carries its handle, which the client keeps and presents. */
    @Public
    SessionInfo signIn(String login, char[] password, String totpCode);

    /**
     * Opens a session for the professional a Pro Santé Connect sign-in at the proxy e-santé
     * authenticated (CIBA or browser): the proxy's session handle, checked by the server.
     */
    @Public
    SessionInfo signInWithPsc(String proxySession);

    /**
     * Replaces a temporary (or expired) password by one the user chooses under the policy of their
     * role, proving the current one (and the TOTP code when the account has one), then opens a
     * session.
     */
    @Public
    SessionInfo changePassword(String login, char[] currentPassword, char[] newPassword, String totpCode);

    /**
     * Starts the enrolment of the caller's own TOTP second factor: a new secret, sealed on the server,
     * shown once (text and {@code otpauth://} URI for the QR code); not asked at sign-in before
     * {@link #confirmTotp}. Refused when a confirmed second factor exists (an administrator replaces it).
     */
    @Access(purpose = "enrôler son second facteur (code TOTP)")
    TotpEnrolment enrolTotp();

    /** Confirms the caller's enrolment with a first code of the authenticator application. */
    @Access(purpose = "confirmer son second facteur par un premier code")
    void confirmTotp(String code);

    /**
     * The practice this server serves: the name every workstation shows in its title bar and on its
     * sign-in screen, read from the server, not from the workstation's configuration.
     */
    @Public
    PracticeInfo practice();

    /** Demonstration server only ({@code opaline demo}): the fictitious accounts; 403 elsewhere. */
    @Public
    List<UserAccount> demoAccounts();

    /** Demonstration server only: a session on a fictitious account without authentication; 403 elsewhere. */
    @Public
    SessionInfo signInDemo(UUID accountId);

    /** The session of the caller. */
    @Access(purpose = "afficher l'utilisateur connecté")
    SessionInfo current();

    /** Locks the session: every call but {@link #unlock} is refused until the same user signs in again. */
    @Access(purpose = "verrouiller le poste")
    void lock();

    /** Re-authenticates the session's own user after a lock (or an idle timeout). */
    @Public
    SessionInfo unlock(char[] password, String totpCode);

    /** Ends the session (its handle is refused afterwards). */
    @Access(purpose = "se déconnecter")
    void signOut();

    /** Every open session of the practice (administrators). */
    @Access(roles = Role.ADMINISTRATEUR, purpose = "superviser les sessions ouvertes")
    List<OpenSession> openSessions();

    /** Ends another user's session (administrators). */
    @Access(roles = Role.ADMINISTRATEUR, purpose = "révoquer une session")
    void revoke(UUID sessionId);
}
