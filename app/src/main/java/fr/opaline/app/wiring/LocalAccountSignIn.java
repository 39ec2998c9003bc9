package fr.opaline.app.wiring;

import fr.opaline.core.common.BusinessRuleException;
import fr.opaline.core.user.AuthenticatedSession;
import fr.opaline.core.user.AuthenticationMethod;
import fr.opaline.core.user.LocalAuthentication;
import fr.opaline.ui.session.AuthenticatedUser;
import fr.opaline.ui.session.AuthenticationException;
import fr.opaline.ui.session.AuthenticationPort;
import fr.opaline.ui.session.SignInMethod;

/**
 * The workstation's sign-in with local accounts only (core checks the password, lockout, expiry
 * and audits every attempt), the TOTP code and the change of a temporary password, in this process
 * (the desktop otherwise signs in through the practice server's API). Pro Santé Connect is not offered.
 */
public final class LocalAccountSignIn implements AuthenticationPort {

    private final LocalAuthentication authentication;

    public LocalAccountSignIn(LocalAuthentication authentication) {
        this.authentication = authentication;
    }

    @Override
    public boolean offersPassword() {
        return true;
    }

    @Override
    public AuthenticatedUser signInWithPassword(String login, char[] password) throws AuthenticationException {
        return signInWithPassword(login, password, null);
    }

    @Override
    public AuthenticatedUser signInWithPassword(String login, char[] password, String totpCode)
            throws AuthenticationException {
        try {
            return user(authentication.login(login, password, totpCode));
        } catch (fr.opaline.core.user.AuthenticationException e) {
            throw refusal(e);
        }
    }

    @Override
    public AuthenticatedUser changePassword(String login, char[] current, char[] next, String totpCode)
            throws AuthenticationException {
        try {
            return user(authentication.changePassword(login, current, next, totpCode));
        } catch (fr.opaline.core.user.AuthenticationException e) {
            throw refusal(e);
        } catch (BusinessRuleException e) {
            throw new AuthenticationException(e.getMessage(), e);
        }
    }

    private static AuthenticatedUser user(AuthenticatedSession session) {
        return new AuthenticatedUser(session.user(), session.method() == AuthenticationMethod.LOCAL_PASSWORD_TOTP
                ? SignInMethod.PASSWORD_TOTP : SignInMethod.PASSWORD, session.authenticatedAt());
    }

    private static AuthenticationException refusal(fr.opaline.core.user.AuthenticationException e) {
        AuthenticationException.Next next = switch (e.reason()) {
            case TOTP_REQUIRED -> AuthenticationException.Next.TOTP_CODE;
            case TOTP_INVALID -> AuthenticationException.Next.ANOTHER_TOTP_CODE;
            case PASSWORD_CHANGE_REQUIRED -> AuthenticationException.Next.NEW_PASSWORD;
            default -> AuthenticationException.Next.RETRY;
        };
        return new AuthenticationException(next, e.getMessage(), e);
    }
}
