package fr.opaline.app.wiring;

import fr.opaline.core.user.AuthenticatedSession;
import fr.opaline.core.user.LocalAuthentication;
import fr.opaline.ui.session.AuthenticatedUser;
import fr.opaline.ui.session.AuthenticationException;
import fr.opaline.ui.session.AuthenticationPort;
import fr.opaline.ui.session.PscCibaSession;
import fr.opaline.ui.session.SignInMethod;

/**
 * The workstation's sign-in with local accounts only (core checks the password, lockout, expiry
 * and audits every attempt). Pro Santé Connect through the practice server's proxy, the TOTP code
 * and the change of a temporary password are the desktop's to add; until then they are not offered.
 */
public final class LocalAccountSignIn implements AuthenticationPort {

    private static final String NO_PSC = "Pro Santé Connect n’est pas configuré sur ce poste.";

    private final LocalAuthentication authentication;

    public LocalAccountSignIn(LocalAuthentication authentication) {
        this.authentication = authentication;
    }

    @Override
    public boolean offersPassword() {
        return true;
    }

    @Override
    public boolean offersPscCiba() {
        return false;
    }

    @Override
    public boolean offersPscBrowser() {
        return false;
    }

    @Override
    public AuthenticatedUser signInWithPassword(String login, char[] password) throws AuthenticationException {
        try {
            AuthenticatedSession session = authentication.login(login, password, null);
            return new AuthenticatedUser(session.user(), SignInMethod.PASSWORD, session.authenticatedAt());
        } catch (fr.opaline.core.user.AuthenticationException e) {
            String message = switch (e.reason()) {
                case TOTP_REQUIRED -> "Ce compte a un second facteur (code TOTP), que ce poste ne sait pas encore "
                        + "demander : connectez-vous avec Pro Santé Connect ou un autre compte.";
                case PASSWORD_CHANGE_REQUIRED -> e.getMessage()
                        + " Ce poste ne sait pas encore changer un mot de passe : connectez-vous avec Pro Santé Connect.";
                default -> e.getMessage();
            };
            throw new AuthenticationException(message, e);
        }
    }

    @Override
    public PscCibaSession startPscCiba(String nationalId) throws AuthenticationException {
        throw new AuthenticationException(NO_PSC);
    }

    @Override
    public AuthenticatedUser signInWithPscBrowser() throws AuthenticationException {
        throw new AuthenticationException(NO_PSC);
    }
}
