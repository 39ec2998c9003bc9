package fr.opaline.ui.session;

import fr.opaline.api.SessionApi;
import fr.opaline.api.SessionInfo;
import fr.opaline.api.client.ApiClient;
import fr.opaline.core.common.BusinessRuleException;
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

    /**
     * Opens a session; when one is already open on this desktop (the lock screen), re-authenticates
     * it instead, which the server grants only to the session's own user.
     */
    @Override
    public AuthenticatedUser signInWithPassword(String login, char[] password) throws AuthenticationException {
        try {
            SessionInfo session;
            UserAccountRef current = holder;
            if (current != null && (login == null || !current.login().equalsIgnoreCase(login.strip()))) {
                throw new AuthenticationException("Seul " + current.login() + " peut déverrouiller cette session.");
            }
            if (current != null && client.signedIn()) {
                session = sessions().unlock(password, null);
            } else {
                session = sessions().signIn(login, password, null);
            }
            return held(new AuthenticatedUser(session.user(), SignInMethod.PASSWORD, session.signedInAt()));
        } catch (fr.opaline.api.client.ApiException e) {
            if (e.sessionEnded()) {
                client.forgetSession();
            }
            throw new AuthenticationException(message(e), e);
        } catch (BusinessRuleException e) {
            throw new AuthenticationException(e.getMessage(), e);
        }
    }

    private static String message(fr.opaline.api.client.ApiException e) {
        return switch (e.error()) {
            case "authentication_totp_required" -> "Ce compte a un second facteur (code TOTP), que ce poste ne sait pas "
                    + "encore demander : connectez-vous avec Pro Santé Connect ou un autre compte.";
            case "authentication_password_change_required" -> e.getMessage()
                    + " Ce poste ne sait pas encore changer un mot de passe : connectez-vous avec Pro Santé Connect.";
            default -> e.getMessage();
        };
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
