package fr.opaline.ui.session;

import fr.opaline.core.common.BusinessRuleException;
import fr.opaline.core.user.UserAccount;
import fr.opaline.psc.api.CibaStarted;
import fr.opaline.psc.api.LoginState;
import fr.opaline.psc.api.LoginStatus;
import fr.opaline.psc.api.ProfessionalView;
import fr.opaline.psc.api.SessionView;
import fr.opaline.psc.client.ProxyClient;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The workstation's sign-in with Pro Santé Connect through the practice server's proxy e-santé
 * (CIBA and browser), local accounts kept as the fallback. The proxy talks to PSC, validates the
 * tokens and links the professional to the local account carrying their RPPS; this adapter only
 * turns its answers into the desktop's session, or into a French refusal.
 */
public final class ProxySignIn implements AuthenticationPort {

    private final ProxyClient proxy;
    private final Function<UUID, Optional<UserAccount>> accounts;
    private final boolean browser;
    private final Consumer<URI> openBrowser;
    private final Duration browserTimeout;
    /** The proxy sessions each account opened (sign-in, then every unlock), ended at sign-out. */
    private final Map<UUID, List<String>> handles = new ConcurrentHashMap<>();

    /**
     * @param accounts    the local account of an id; null on a workstation without database: the account
     *                    as the proxy names it (the practice server checks it again)
     * @param openBrowser shows the authorization address in the system browser; null: no browser flow
     */
    public ProxySignIn(ProxyClient proxy, Function<UUID, Optional<UserAccount>> accounts,
                     Consumer<URI> openBrowser, Duration browserTimeout) {
        this.proxy = proxy;
        this.accounts = accounts;
        this.browser = openBrowser != null;
        this.openBrowser = openBrowser;
        this.browserTimeout = browserTimeout;
    }

    @Override
    public boolean offersPassword() {
        return false; // passwords go to the practice server's API (ApiSignIn), never through the proxy
    }

    @Override
    public boolean offersPscCiba() {
        return true;
    }

    @Override
    public boolean offersPscBrowser() {
        return browser;
    }

    @Override
    public AuthenticatedUser signInWithPassword(String login, char[] password) throws AuthenticationException {
        return AuthenticationPort.none().signInWithPassword(login, password);
    }

    @Override
    public PscCibaSession startPscCiba(String nationalId) throws AuthenticationException {
        CibaStarted started;
        try {
            started = proxy.startCiba(null, nationalId);
        } catch (BusinessRuleException e) {
            throw new AuthenticationException(e.getMessage(), e);
        }
        return new CibaWait(started);
    }

    @Override
    public AuthenticatedUser signInWithPscBrowser() throws AuthenticationException, InterruptedException {
        if (!browser) {
            throw new AuthenticationException("La connexion Pro Santé Connect dans le navigateur n’est pas proposée sur ce poste.");
        }
        LoginStatus status;
        try {
            status = proxy.browserLogin(null, null, openBrowser, browserTimeout);
        } catch (BusinessRuleException e) {
            throw refusal(e);
        }
        return open(status, SignInMethod.PSC_BROWSER);
    }

    /**
     * A workstation without database: the account as the proxy names it; the practice server checks
     * it again (active, linked) when it opens its own session on the proxy's.
     */
    private static Optional<UserAccount> asNamedByTheProxy(SessionView session) {
        fr.opaline.psc.api.AccountView view = session.account();
        fr.opaline.core.user.Role role;
        try {
            role = fr.opaline.core.user.Role.valueOf(view.role());
        } catch (RuntimeException e) {
            return Optional.empty();
        }
        return Optional.of(new UserAccount(view.id(), view.login(), view.displayName(), role,
                session.professional() == null ? null : session.professional().rpps(), null, null, true,
                session.createdAt()));
    }

    /** The proxy's answer as the desktop's session: only an authenticated professional with an active account. */
    private AuthenticatedUser open(LoginStatus status, SignInMethod method) throws AuthenticationException {
        if (status.state() == LoginState.LINK_REQUIRED) {
            String refusal = unlinked(status.session());
            closeQuietly(status.sessionHandle());
            throw new AuthenticationException(refusal);
        }
        if (status.state() != LoginState.AUTHENTICATED) {
            throw new AuthenticationException(status.message() == null || status.message().isBlank()
                    ? "Connexion Pro Santé Connect refusée." : status.message());
        }
        SessionView session = status.session();
        Optional<UserAccount> account = session.account() == null ? Optional.empty()
                : accounts == null ? asNamedByTheProxy(session)
                : accounts.apply(session.account().id()).filter(UserAccount::active);
        if (account.isEmpty()) {
            closeQuietly(status.sessionHandle());
            throw new AuthenticationException("Le compte Opaline lié à " + session.professional().displayName()
                    + " est introuvable ou désactivé : adressez-vous à l’administrateur.");
        }
        handles.computeIfAbsent(account.get().id(), id -> new CopyOnWriteArrayList<>()).add(status.sessionHandle());
        return new AuthenticatedUser(account.get(), method, session.createdAt());
    }

    /** The proxy session the account's last PSC sign-in opened (the practice server's API opens its own on it). */
    public Optional<String> proxySession(UUID accountId) {
        List<String> opened = handles.get(accountId);
        return opened == null || opened.isEmpty() ? Optional.empty() : Optional.of(opened.get(opened.size() - 1));
    }

    @Override
    public void signOut(AuthenticatedUser user) {
        List<String> opened = handles.remove(user.account().id());
        if (opened != null) {
            opened.forEach(this::closeQuietly);
        }
    }

    /** Unknown professional: nobody may open a session on their behalf (SC.PSC.02). */
    private static String unlinked(SessionView session) {
        ProfessionalView who = session.professional();
        String identity = who.displayName() + " (identifiant national " + who.nationalId()
                + (who.rpps() == null ? "" : ", RPPS " + who.rpps()) + ")";
        if (session.candidates() != null && session.candidates().size() > 1) {
            return "Plusieurs comptes Opaline portent le RPPS de " + identity + " : un administrateur doit n’en laisser "
                    + "qu’un actif, ou liez le vôtre une fois avec « opaline psc login --link <identifiant> ».";
        }
        return "Professionnel inconnu du cabinet : " + identity + " est authentifié par Pro Santé Connect, mais aucun "
                + "compte Opaline ne porte son RPPS. Un administrateur doit lui créer un compte "
                + "(« opaline users create … --rpps »), ou connectez-vous avec votre compte local.";
    }

    private void closeQuietly(String handle) {
        if (handle == null) {
            return;
        }
        try {
            proxy.logout(handle);
        } catch (RuntimeException ignored) {
            // the proxy ends unused sessions by itself (psc.session.maxAge)
        }
    }

    /** The client answers an interruption with a "Connexion annulée" refusal and the flag set again. */
    private static AuthenticationException refusal(BusinessRuleException e) throws InterruptedException {
        if (Thread.interrupted()) {
            InterruptedException interrupted = new InterruptedException(e.getMessage());
            interrupted.initCause(e);
            throw interrupted;
        }
        return new AuthenticationException(e.getMessage(), e);
    }

    /** One CIBA request: waits at the interval the proxy gives, which honours PSC's interval and slow_down. */
    private final class CibaWait implements PscCibaSession {

        private final CibaStarted started;

        CibaWait(CibaStarted started) {
            this.started = started;
        }

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
            LoginStatus outcome;
            try {
                outcome = proxy.awaitCiba(started, progress -> {
                    if (progress.state() == LoginState.PENDING && progress.message() != null) {
                        status.accept(progress.message());
                    }
                });
            } catch (BusinessRuleException e) {
                throw refusal(e);
            }
            return open(outcome, SignInMethod.PSC_CIBA);
        }

        @Override
        public void cancel() {
            try {
                proxy.cancelCiba(started.requestId());
            } catch (RuntimeException ignored) {
                // already finished or withdrawn; it expires at PSC by itself anyway
            }
        }
    }
}
