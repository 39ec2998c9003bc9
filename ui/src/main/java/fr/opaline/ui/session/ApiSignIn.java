package fr.opaline.ui.session;

import fr.opaline.api.SessionApi;
import fr.opaline.api.SessionInfo;
import fr.opaline.api.client.ApiClient;
import fr.opaline.core.common.BusinessRuleException;
import fr.opaline.core.user.AuthenticationMethod;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Sign-in through the practice server's API: the server checks the local account's password (and
 * TOTP code), opens the session every later call presents, locks it after {@code ui.idleLock} and
 * unlocks it only for the same user. A Pro Santé Connect sign-in (at the proxy e-santé, through
 * {@code psc}) is turned into a server session the same way.
 */
public final class ApiSignIn implements AuthenticationPort {

    private final ApiClient client;
    private final ProxySignIn psc;
    /** Who signed in on this desktop: only they may unlock it. */
    private volatile UserAccountRef holder;

    private record UserAccountRef(UUID id, String login) {
    }

    /** @param psc Pro Santé Connect through the proxy e-santé, or null when this workstation has none */
    public ApiSignIn(ApiClient client, ProxySignIn psc) {
        this.client = client;
        this.psc = psc;
    }

    private SessionApi sessions() {
        return client.api(SessionApi.class);
    }

    @Override
    public boolean offersPassword() {
        return true;
    }

    @Override
    public boolean offersPscCiba() {
        return psc != null && psc.offersPscCiba();
    }

    @Override
    public boolean offersPscBrowser() {
        return psc != null && psc.offersPscBrowser();
    }

    @Override
    public AuthenticatedUser signInWithPassword(String login, char[] password) throws AuthenticationException {
        return signInWithPassword(login, password, null);
    }

    /**
     * Opens a session; when one is already open on this desktop (the lock screen), re-authenticates
     * it instead, which the server grants only to the session's own user.
     */
    @Override
    public AuthenticatedUser signInWithPassword(String login, char[] password, String totpCode)
            throws AuthenticationException {
        try {
            SessionInfo session;
            UserAccountRef current = holder;
            if (current != null && (login == null || !current.login().equalsIgnoreCase(login.strip()))) {
                throw new AuthenticationException("Seul " + current.login() + " peut déverrouiller cette session.");
            }
            if (current != null && client.signedIn()) {
                session = sessions().unlock(password, totpCode);
            } else {
                session = sessions().signIn(login, password, totpCode);
            }
            return held(local(session));
        } catch (fr.opaline.api.client.ApiException e) {
            throw refusal(e);
        } catch (BusinessRuleException e) {
            throw new AuthenticationException(e.getMessage(), e);
        }
    }

    @Override
    public AuthenticatedUser changePassword(String login, char[] current, char[] next, String totpCode)
            throws AuthenticationException {
        UserAccountRef holding = holder;
        if (holding != null && (login == null || !holding.login().equalsIgnoreCase(login.strip()))) {
            throw new AuthenticationException("Seul " + holding.login() + " peut déverrouiller cette session.");
        }
        try {
            return held(local(sessions().changePassword(login, current, next, totpCode)));
        } catch (fr.opaline.api.client.ApiException e) {
            throw refusal(e);
        } catch (BusinessRuleException e) {
            throw new AuthenticationException(e.getMessage(), e);
        }
    }

    @Override
    public boolean offersTotpEnrolment() {
        return true;
    }

    @Override
    public TotpSecret enrolTotp() throws AuthenticationException {
        try {
            var enrolment = sessions().enrolTotp();
            return new TotpSecret(enrolment.secret(), enrolment.provisioningUri());
        } catch (BusinessRuleException e) {
            throw new AuthenticationException(e.getMessage(), e);
        }
    }

    @Override
    public void confirmTotp(String code) throws AuthenticationException {
        try {
            sessions().confirmTotp(code);
        } catch (BusinessRuleException e) {
            throw new AuthenticationException(e.getMessage(), e);
        }
    }

    private static AuthenticatedUser local(SessionInfo session) {
        return new AuthenticatedUser(session.user(), session.method() == AuthenticationMethod.LOCAL_PASSWORD_TOTP
                ? SignInMethod.PASSWORD_TOTP : SignInMethod.PASSWORD, session.signedInAt());
    }

    private AuthenticationException refusal(fr.opaline.api.client.ApiException e) {
        if (e.sessionEnded()) {
            client.forgetSession();
        }
        AuthenticationException.Next next = switch (e.error()) {
            case "authentication_totp_required" -> AuthenticationException.Next.TOTP_CODE;
            case "authentication_totp_invalid" -> AuthenticationException.Next.ANOTHER_TOTP_CODE;
            case "authentication_password_change_required" -> AuthenticationException.Next.NEW_PASSWORD;
            default -> AuthenticationException.Next.RETRY;
        };
        return new AuthenticationException(next, e.getMessage(), e);
    }

    @Override
    public PscCibaSession startPscCiba(String nationalId) throws AuthenticationException {
        if (psc == null) {
            throw new AuthenticationException("Pro Santé Connect n’est pas configuré sur ce poste.");
        }
        PscCibaSession started = psc.startPscCiba(nationalId);
        return new PscCibaSession() {
            @Override
            public String bindingMessage() {
                return started.bindingMessage();
            }

            @Override
            public Instant expiresAt() {
                return started.expiresAt();
            }

            @Override
            public AuthenticatedUser await(Consumer<String> status) throws AuthenticationException, InterruptedException {
                return onServer(started.await(status));
            }

            @Override
            public void cancel() {
                started.cancel();
            }
        };
    }

    @Override
    public AuthenticatedUser signInWithPscBrowser() throws AuthenticationException, InterruptedException {
        if (psc == null) {
            throw new AuthenticationException("Pro Santé Connect n’est pas configuré sur ce poste.");
        }
        return onServer(psc.signInWithPscBrowser());
    }

    /** The server's session for the professional the proxy authenticated. */
    private AuthenticatedUser onServer(AuthenticatedUser authenticated) throws AuthenticationException {
        UUID account = authenticated.account().id();
        UserAccountRef current = holder;
        if (current != null && !current.id().equals(account)) {
            psc.signOut(authenticated);
            throw new AuthenticationException("Seul " + current.login() + " peut déverrouiller cette session.");
        }
        Optional<String> proxySession = psc.proxySession(account);
        if (proxySession.isEmpty()) {
            throw new AuthenticationException("Session Pro Santé Connect introuvable : reconnectez-vous.");
        }
        try {
            SessionInfo session = sessions().signInWithPsc(proxySession.get());
            return held(new AuthenticatedUser(session.user(), authenticated.method(), session.signedInAt()));
        } catch (BusinessRuleException e) {
            psc.signOut(authenticated);
            throw new AuthenticationException(e.getMessage(), e);
        }
    }

    private AuthenticatedUser held(AuthenticatedUser user) {
        holder = new UserAccountRef(user.account().id(), user.account().login());
        return user;
    }

    @Override
    public void signOut(AuthenticatedUser user) {
        holder = null;
        try {
            if (client.signedIn()) {
                sessions().signOut();
            }
        } catch (BusinessRuleException e) {
            client.forgetSession();
        }
        if (psc != null) {
            psc.signOut(user);
        }
    }
}
