package fr.opaline.psc.proxy;

import fr.opaline.core.audit.AuditAction;
import fr.opaline.core.audit.AuditEntry;
import fr.opaline.core.audit.AuditTrail;
import fr.opaline.core.common.Actor;
import fr.opaline.core.common.BusinessRuleException;
import fr.opaline.core.persistence.Database;
import fr.opaline.core.user.AccountReconciliation;
import fr.opaline.core.user.AccountReconciliation.ChooseAccount;
import fr.opaline.core.user.AccountReconciliation.ExternalLogin;
import fr.opaline.core.user.AccountReconciliation.Linked;
import fr.opaline.core.user.AccountReconciliation.Outcome;
import fr.opaline.core.user.AuthenticationMethod;
import fr.opaline.core.user.UserAccount;
import fr.opaline.core.user.UserRepository;
import fr.opaline.psc.api.AccountView;
import fr.opaline.psc.api.BrowserCallback;
import fr.opaline.psc.api.BrowserStartRequest;
import fr.opaline.psc.api.BrowserStarted;
import fr.opaline.psc.api.CibaStartRequest;
import fr.opaline.psc.api.CibaStarted;
import fr.opaline.psc.api.LinkRequest;
import fr.opaline.psc.api.LoginState;
import fr.opaline.psc.api.LoginStatus;
import fr.opaline.psc.api.ProfessionalView;
import fr.opaline.psc.api.ProviderView;
import fr.opaline.psc.api.ProxyException;
import fr.opaline.psc.api.SessionView;
import fr.opaline.psc.ciba.BindingMessages;
import fr.opaline.psc.ciba.CibaClient;
import fr.opaline.psc.code.AuthorizationCodeFlow;
import fr.opaline.psc.oidc.IssuedTokens;
import fr.opaline.psc.oidc.OidcException;
import fr.opaline.psc.oidc.OidcProvider;
import fr.opaline.psc.oidc.OidcProviders;
import fr.opaline.psc.oidc.Professional;
import fr.opaline.psc.vault.PscSession;
import fr.opaline.psc.vault.TokenVault;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Base64;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The proxy e-santé: what the practice server does for the workstations with Pro Santé Connect
 * (and any other configured provider). It alone holds the client credentials and the tokens; a
 * workstation gets a request id while a login is under way, then an opaque session handle, bound
 * to the workstation's address. Logins are reconciled with local accounts (SC.PSC.02) and audited.
 *
 * <p>Sign-ins under way are bounded ({@link ProxyLimits}): one pending CIBA request per national id
 * (a second start, from the same workstation, gets the same request back: never a second push to the
 * e-CPS), so many CIBA starts per minute per workstation, so many sign-ins held in all, each given
 * up after a few minutes.
 */
public final class ProxyService {

    private static final Logger LOG = LoggerFactory.getLogger(ProxyService.class);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Duration KEEP_FINISHED = Duration.ofMinutes(2);
    /**
     * A national identifier typed at sign-in: 8 + RPPS, or a structure-scoped one with "/" as the
     * ANS proxy e-Santé's tests use ({@code 500000001815646/CPAT00045}, ansforge/psc-edc-proxy-esante,
     * {@code AbstractProxyIntegrationTest.ID_NAT}).
     */
    static final String NATIONAL_ID = "[0-9]{1,2}[0-9A-Za-z]{5,18}(/[0-9A-Za-z]{1,19})?";

    private final Database database;
    private final OidcProviders providers;
    private final TokenVault vault;
    private final AccountReconciliation reconciliation;
    private final AuditTrail audit;
    private final Clock clock;
    private final boolean bindToAddress;
    private final ProxyLimits limits;
    private final Map<String, PendingCiba> cibaRequests = new ConcurrentHashMap<>();
    private final Map<String, PendingBrowser> browserRequests = new ConcurrentHashMap<>();
    /** provider|national id → the request id of its CIBA request, completed once the e-CPS was asked. */
    private final Map<String, CompletableFuture<String>> cibaByProfessional = new HashMap<>();
    /** source address → times of its recent CIBA starts. */
    private final Map<String, Deque<Instant>> cibaStartsByClient = new HashMap<>();
    /** Guards the two maps above and the count of sign-ins under way. */
    private final Object admission = new Object();
    private int reserved;

    public ProxyService(Database database, OidcProviders providers, TokenVault vault,
                        AccountReconciliation reconciliation, AuditTrail audit, Clock clock, boolean bindToAddress) {
        this(database, providers, vault, reconciliation, audit, clock, bindToAddress, ProxyLimits.defaults());
    }

    public ProxyService(Database database, OidcProviders providers, TokenVault vault,
                        AccountReconciliation reconciliation, AuditTrail audit, Clock clock, boolean bindToAddress,
                        ProxyLimits limits) {
        this.limits = java.util.Objects.requireNonNull(limits, "limits");
        this.database = database;
        this.providers = providers;
        this.vault = vault;
        this.reconciliation = reconciliation;
        this.audit = audit;
        this.clock = clock;
        this.bindToAddress = bindToAddress;
    }

    /** The id of the CIBA provider this proxy reaches with that OAuth client id, if any. */
    public java.util.Optional<String> cibaProviderOfClient(String clientId) {
        return providers.all().stream().filter(p -> p.config().ciba())
                .filter(p -> p.config().clientId().getValue().equals(clientId)).map(OidcProvider::id).findFirst();
    }

    /** A stable identifier of the PSC session behind a handle (not the handle: it may be shown and logged). */
    public String sessionState(String handle, String clientAddress) {
        return openSession(handle, clientAddress).id().toString();
    }

    /**
     * Exchanges the session's PSC access token for a token of a service of the Espace de confiance
     * (RFC 8693, {@link fr.opaline.psc.exchange.TokenExchange}).
     *
     * @param endpoint the service's token endpoint
     */
    public fr.opaline.psc.exchange.TokenExchange.Exchanged exchange(String handle, String clientAddress, URI endpoint) {
        PscSession session = openSession(handle, clientAddress);
        return new fr.opaline.psc.exchange.TokenExchange(providers.get(session.provider()), clock)
                .exchange(endpoint, vault.accessToken(session.id()));
    }

    public List<ProviderView> providers() {
        return providers.all().stream().map(p -> new ProviderView(p.id(), p.config().label(), p.config().ciba(),
                p.config().browser(), p.id().equals(providers.defaultId()))).toList();
    }

    // ---------------------------------------------------------------- CIBA

    public CibaStarted startCiba(CibaStartRequest request, String clientAddress) {
        return startCiba(request, clientAddress, BindingMessages.next(), null);
    }

    /**
     * Starts a CIBA login with the binding message and channel the caller chose (the ANS proxy
     * e-Santé's {@code /connect}: the software generates the two digits and names the channel).
     *
     * @param channel null: the provider's configured channel
     */
    public CibaStarted startCiba(CibaStartRequest request, String clientAddress, String bindingMessage,
                                 fr.opaline.psc.ciba.CibaChannel channel) {
        String nationalId = request.nationalId() == null ? "" : request.nationalId().trim();
        if (!nationalId.matches(NATIONAL_ID)) {
            throw new ProxyException(400, "invalid_request",
                    "Identifiant national invalide : saisissez celui de la carte CPS ou de l'e-CPS (ex. 899700000000).");
        }
        OidcProvider provider = providers.get(request.provider());
        if (!provider.config().ciba()) {
            throw new ProxyException(400, "invalid_request", provider.config().label() + " n'est pas configuré pour CIBA.");
        }
        String key = provider.id() + "|" + nationalId;
        CompletableFuture<String> under;
        boolean mine = false;
        synchronized (admission) {
            Instant now = clock.instant();
            countCibaStart(clientAddress, now);
            under = cibaByProfessional.get(key);
            if (under != null && under.isDone()) {
                PendingCiba previous = under.isCompletedExceptionally() ? null : cibaRequests.get(under.join());
                if (previous == null || previous.over(now)) {
                    cibaByProfessional.remove(key);
                    under = null;
                }
            }
            if (under == null) {
                admit(now);
                under = new CompletableFuture<>();
                cibaByProfessional.put(key, under);
                reserved++;
                mine = true;
            }
        }
        if (!mine) {
            return sameRequest(under, clientAddress, nationalId);
        }
        CibaClient.Ticket ticket;
        try {
            ticket = new CibaClient(provider, clock).start(nationalId, bindingMessage, null, channel);
        } catch (RuntimeException e) {
            synchronized (admission) {
                reserved--;
                cibaByProfessional.remove(key, under);
            }
            under.completeExceptionally(e);
            if (e instanceof OidcException oidc) {
                audit.record(AuditEntry.of(professionalActor(nationalId), AuditAction.LOGIN_FAILED, null)
                        .withDetail(provider.config().label() + " (CIBA) : " + oidc.error() + " — " + oidc.getMessage()));
            }
            throw e;
        }
        String requestId = randomId();
        Instant now = clock.instant();
        Instant giveUp = earliest(ticket.expiresAt(), now.plus(limits.loginExpiry()));
        synchronized (admission) {
            reserved--;
            cibaRequests.put(requestId, new PendingCiba(provider, nationalId, clientAddress, ticket,
                    now.plus(ticket.interval()), bindingMessage, giveUp, now));
        }
        under.complete(requestId);
        LOG.info("CIBA request started with {} for {} (expires {})", provider.id(), nationalId, giveUp);
        return new CibaStarted(requestId, bindingMessage, giveUp, (int) ticket.interval().toSeconds());
    }

    /** A second start for a national id whose CIBA request is under way: the same request, no new push. */
    private CibaStarted sameRequest(CompletableFuture<String> under, String clientAddress, String nationalId) {
        String requestId;
        try {
            requestId = under.get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } catch (TimeoutException e) {
            throw new ProxyException(503, "busy", "Pro Santé Connect ne répond pas : réessayez dans un instant.");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProxyException(503, "busy", "Connexion interrompue : réessayez.");
        }
        PendingCiba pending = cibaRequests.get(requestId);
        if (pending == null) {
            throw new ProxyException(409, "login_pending",
                    "Une connexion vient de se terminer pour cet identifiant : relancez la connexion.");
        }
        if (bindToAddress && !pending.clientAddress.equals(clientAddress)) {
            LOG.warn("CIBA start for {} from {} while one from {} is pending: refused", nationalId, clientAddress,
                    pending.clientAddress);
            throw new ProxyException(409, "login_pending", "Une demande de connexion est déjà en cours pour cet "
                    + "identifiant sur un autre poste : validez-la ou laissez-la expirer (au plus "
                    + limits.loginExpiry().toMinutes() + " min) avant d'en lancer une autre.");
        }
        LOG.info("CIBA start for {} reuses the request under way (no new push to the e-CPS)", nationalId);
        return new CibaStarted(requestId, pending.bindingMessage, pending.giveUp,
                (int) pending.ticket.interval().toSeconds());
    }

    /** Counts a CIBA start of the workstation; refuses it beyond the limit per minute. Holds {@link #admission}. */
    private void countCibaStart(String clientAddress, Instant now) {
        Instant windowStart = now.minus(Duration.ofMinutes(1));
        if (cibaStartsByClient.size() > 1000) {
            cibaStartsByClient.values().removeIf(times -> times.isEmpty() || !times.peekLast().isAfter(windowStart));
        }
        Deque<Instant> times = cibaStartsByClient.computeIfAbsent(clientAddress, a -> new ArrayDeque<>());
        while (!times.isEmpty() && !times.peekFirst().isAfter(windowStart)) {
            times.pollFirst();
        }
        if (times.size() >= limits.cibaStartsPerMinute()) {
            LOG.warn("CIBA start refused for {}: {} starts in the last minute", clientAddress, times.size());
            throw new ProxyException(429, "too_many_requests", "Trop de demandes de connexion e-CPS depuis ce poste ("
                    + limits.cibaStartsPerMinute() + " par minute au plus) : patientez une minute.");
        }
        times.addLast(now);
    }

    /**
     * Makes room for one more sign-in: forgets finished or expired ones (oldest first) when the limit
     * is reached; refuses when every one held is still under way. Holds {@link #admission}.
     */
    private void admit(Instant now) {
        if (held() < limits.maxPendingLogins()) {
            return;
        }
        List<Map.Entry<String, ? extends Pending>> over = new java.util.ArrayList<>();
        cibaRequests.entrySet().stream().filter(e -> e.getValue().over(now)).forEach(over::add);
        browserRequests.entrySet().stream().filter(e -> e.getValue().over(now)).forEach(over::add);
        over.sort(Comparator.comparing(e -> e.getValue().startedAt()));
        for (Map.Entry<String, ? extends Pending> entry : over) {
            if (held() < limits.maxPendingLogins()) {
                break;
            }
            cibaRequests.remove(entry.getKey());
            browserRequests.remove(entry.getKey());
        }
        if (held() >= limits.maxPendingLogins()) {
            LOG.warn("Sign-in refused: {} sign-ins under way (limit {})", held(), limits.maxPendingLogins());
            throw new ProxyException(503, "too_many_logins", "Trop de connexions en cours sur le serveur du cabinet ("
                    + limits.maxPendingLogins() + " au plus) : réessayez dans quelques minutes.");
        }
    }

    private int held() {
        return cibaRequests.size() + browserRequests.size() + reserved;
    }

    private static Instant earliest(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    /** Polls the provider at most once per interval; returns where the login stands. */
    public LoginStatus cibaStatus(String requestId, String clientAddress) {
        PendingCiba pending = pendingCiba(requestId, clientAddress);
        synchronized (pending) {
            if (pending.result != null) {
                return pending.result;
            }
            Instant now = clock.instant();
            if (!now.isBefore(pending.giveUp)) {
                return pending.finish(failure(pending.provider, pending.nationalId, "CIBA", LoginState.EXPIRED,
                        "expired_token", "Délai dépassé : la demande n'a pas été validée à temps sur l'e-CPS. Relancez la connexion."));
            }
            if (now.isBefore(pending.nextPollAt)) {
                return pendingStatus(pending, now, "En attente de votre validation sur l'application e-CPS.");
            }
            CibaClient.Poll poll;
            try {
                poll = new CibaClient(pending.provider, clock).poll(pending.ticket);
            } catch (OidcException e) {
                if (OidcException.UNREACHABLE.equals(e.error())) {
                    pending.nextPollAt = now.plus(pending.ticket.interval());
                    return pendingStatus(pending, now, e.getMessage());
                }
                return pending.finish(failure(pending.provider, pending.nationalId, "CIBA", LoginState.FAILED,
                        e.error(), e.getMessage()));
            }
            if (poll instanceof CibaClient.Pending) {
                pending.nextPollAt = now.plus(pending.ticket.interval());
                return pendingStatus(pending, now, "En attente de votre validation sur l'application e-CPS.");
            }
            if (poll instanceof CibaClient.SlowDown slow) {
                pending.ticket = slow.ticket();
                pending.nextPollAt = now.plus(pending.ticket.interval());
                return pendingStatus(pending, now, "En attente de votre validation sur l'application e-CPS.");
            }
            if (poll instanceof CibaClient.Refused refused) {
                LoginState state = refused.denied() ? LoginState.DENIED
                        : refused.expired() ? LoginState.EXPIRED : LoginState.FAILED;
                return pending.finish(failure(pending.provider, pending.nationalId, "CIBA", state, refused.error(),
                        refused.message()));
            }
            IssuedTokens tokens = ((CibaClient.Issued) poll).tokens();
            return pending.finish(authenticatedOrFailure(pending.provider, PscSession.Flow.CIBA, tokens, null,
                    pending.clientAddress, pending.nationalId));
        }
    }

    public void cancelCiba(String requestId, String clientAddress) {
        PendingCiba pending = pendingCiba(requestId, clientAddress);
        synchronized (pending) {
            if (pending.result == null) {
                pending.finish(new LoginStatus(LoginState.CANCELLED, "Connexion annulée.", 0, null, null));
            }
        }
    }

    // ---------------------------------------------------------------- browser (code + PKCE)

    public BrowserStarted startBrowser(BrowserStartRequest request, String clientAddress) {
        OidcProvider provider = providers.get(request.provider());
        if (!provider.config().browser()) {
            throw new ProxyException(400, "invalid_request",
                    provider.config().label() + " n'est pas configuré pour la connexion par navigateur.");
        }
        URI redirect;
        try {
            redirect = URI.create(request.redirectUri() == null ? "" : request.redirectUri());
        } catch (IllegalArgumentException e) {
            throw new ProxyException(400, "invalid_request", "Adresse de retour illisible.");
        }
        AuthorizationCodeFlow.Pending flow = new AuthorizationCodeFlow(provider, clock).start(redirect, request.loginHint());
        String requestId = randomId();
        Instant now = clock.instant();
        Instant giveUp = earliest(flow.expiresAt(), now.plus(limits.loginExpiry()));
        synchronized (admission) {
            admit(now);
            browserRequests.put(requestId, new PendingBrowser(provider, flow, clientAddress, giveUp, now));
        }
        return new BrowserStarted(requestId, flow.authorizationUri().toString(), giveUp);
    }

    /** What the browser brought back to the workstation's loopback address. */
    public LoginStatus browserCallback(String requestId, BrowserCallback callback, String clientAddress) {
        PendingBrowser pending = browserRequests.get(requestId == null ? "" : requestId);
        if (pending == null || (bindToAddress && !pending.clientAddress.equals(clientAddress))) {
            throw new ProxyException(404, "unknown_request", "Demande de connexion inconnue ou terminée.");
        }
        synchronized (pending) {
            if (pending.result != null) {
                return pending.result;
            }
            String label = pending.provider.config().label();
            if (!clock.instant().isBefore(pending.giveUp)) {
                return pending.finish(failure(pending.provider, null, "navigateur", LoginState.EXPIRED, "expired",
                        "Délai dépassé pour la connexion dans le navigateur. Relancez la connexion."));
            }
            if (callback.state() == null || !constantTimeEquals(callback.state(), pending.flow.state().getValue())) {
                return pending.finish(failure(pending.provider, null, "navigateur", LoginState.FAILED, "invalid_state",
                        "Retour du navigateur refusé : il ne correspond pas à la connexion demandée."));
            }
            if (callback.error() != null) {
                LoginState state = "access_denied".equals(callback.error()) ? LoginState.DENIED : LoginState.FAILED;
                return pending.finish(failure(pending.provider, null, "navigateur", state, callback.error(),
                        state == LoginState.DENIED ? "Connexion refusée dans le navigateur (" + label + ")."
                                : fr.opaline.psc.oidc.ProviderErrors.message(callback.error(), callback.errorDescription())));
            }
            if (callback.code() == null || callback.code().isBlank()) {
                return pending.finish(failure(pending.provider, null, "navigateur", LoginState.FAILED, "invalid_request",
                        "Le navigateur n'a pas rapporté de code d'autorisation."));
            }
            try {
                IssuedTokens tokens = new AuthorizationCodeFlow(pending.provider, clock).exchange(pending.flow, callback.code());
                return pending.finish(authenticatedOrFailure(pending.provider, PscSession.Flow.BROWSER, tokens,
                        pending.flow, pending.clientAddress, null));
            } catch (OidcException e) {
                return pending.finish(failure(pending.provider, null, "navigateur", LoginState.FAILED, e.error(),
                        e.getMessage()));
            }
        }
    }

    // ---------------------------------------------------------------- sessions

    public SessionView session(String handle, String clientAddress) {
        return view(openSession(handle, clientAddress));
    }

    /** Refreshes the session's tokens now (the workstation's "prolonger la session"). */
    public SessionView refresh(String handle, String clientAddress) {
        PscSession session = openSession(handle, clientAddress);
        return view(vault.refresh(session.id()));
    }

    public SessionView link(String handle, LinkRequest request, String clientAddress) {
        PscSession session = openSession(handle, clientAddress);
        if (session.userId() != null) {
            throw new ProxyException(409, "already_linked", "Cette session est déjà liée à un compte.");
        }
        ExternalLogin login = externalLogin(session.professional());
        UserAccount account;
        if (request.accountId() != null) {
            account = reconciliation.linkChosen(login, request.accountId());
        } else if (request.login() != null && request.password() != null) {
            char[] password = request.password().toCharArray();
            try {
                account = reconciliation.linkWithLocalCredentials(login, request.login(), password, request.totpCode());
            } finally {
                java.util.Arrays.fill(password, '\0');
            }
        } else {
            throw new ProxyException(400, "invalid_request", "Choisissez un compte, ou saisissez l'identifiant et le mot de passe du compte à lier.");
        }
        PscSession linked = vault.attachUser(session.id(), account.id());
        recordLogin(linked, account);
        return view(linked);
    }

    public void logout(String handle, String clientAddress) {
        PscSession session = openSession(handle, clientAddress);
        if (vault.end(session.id(), "logout")) {
            Actor actor = session.userId() == null ? professionalActor(session.professional().nationalId())
                    : accountActor(session.userId());
            audit.record(AuditEntry.of(actor, AuditAction.LOGOUT, null).on("psc_session", session.id())
                    .withDetail(providers.get(session.provider()).config().label() + " : déconnexion"));
        }
    }

    /** Background work: refresh tokens before they expire, forget finished login requests. */
    public void maintain() {
        vault.refreshDue();
        Instant now = clock.instant();
        synchronized (admission) {
            cibaRequests.values().removeIf(p -> now.isAfter(p.giveUp.plus(KEEP_FINISHED)));
            browserRequests.values().removeIf(p -> now.isAfter(p.giveUp.plus(KEEP_FINISHED)));
            cibaByProfessional.values().removeIf(f -> f.isDone()
                    && (f.isCompletedExceptionally() || !cibaRequests.containsKey(f.join())));
            Instant windowStart = now.minus(Duration.ofMinutes(1));
            cibaStartsByClient.values().removeIf(times -> times.isEmpty() || !times.peekLast().isAfter(windowStart));
        }
    }

    // ---------------------------------------------------------------- internals

    /** A refused token or a disabled account ends the login with a clear message, never a 500. */
    private LoginStatus authenticatedOrFailure(OidcProvider provider, PscSession.Flow flow, IssuedTokens tokens,
                                               AuthorizationCodeFlow.Pending browser, String clientAddress,
                                               String expectedNationalId) {
        try {
            return authenticated(provider, flow, tokens, browser, clientAddress, expectedNationalId);
        } catch (OidcException e) {
            return failure(provider, expectedNationalId, flow == PscSession.Flow.CIBA ? "CIBA" : "navigateur",
                    LoginState.FAILED, e.error(), e.getMessage());
        } catch (BusinessRuleException e) {
            return failure(provider, expectedNationalId, flow == PscSession.Flow.CIBA ? "CIBA" : "navigateur",
                    LoginState.FAILED, "account_refused", e.getMessage());
        }
    }

    private LoginStatus authenticated(OidcProvider provider, PscSession.Flow flow, IssuedTokens tokens,
                                      AuthorizationCodeFlow.Pending browser, String clientAddress, String expectedNationalId) {
        Professional professional = provider.identify(tokens, browser == null ? null : browser.nonce());
        if (expectedNationalId != null && professional.nationalId() != null
                && !expectedNationalId.equals(professional.nationalId())) {
            return failure(provider, expectedNationalId, "CIBA", LoginState.FAILED, "identity_mismatch",
                    "L'identité authentifiée ne correspond pas à l'identifiant national demandé.");
        }
        Outcome outcome = reconciliation.reconcile(externalLogin(professional));
        UUID userId = outcome instanceof Linked linked ? linked.account().id() : null;
        TokenVault.Opened opened = vault.open(provider.id(), flow, professional, userId, clientAddress, tokens);
        SessionView view = view(opened.session(), outcome instanceof ChooseAccount choose ? choose.candidates() : List.of());
        if (outcome instanceof Linked linked) {
            recordLogin(opened.session(), linked.account());
            return new LoginStatus(LoginState.AUTHENTICATED, "Connecté : " + professional.displayName() + ".", 0,
                    opened.handle(), view);
        }
        audit.record(AuditEntry.of(professionalActor(professional.nationalId()), AuditAction.LOGIN, null)
                .on("psc_session", opened.session().id())
                .withDetail(method(opened.session()) + " " + provider.config().label()
                        + " : authentifié, aucun compte local lié (rapprochement à faire)"));
        return new LoginStatus(LoginState.LINK_REQUIRED, outcome instanceof ChooseAccount
                ? "Plusieurs comptes portent votre RPPS : choisissez celui à ouvrir."
                : "Aucun compte local ne porte votre RPPS : liez votre compte avec son mot de passe, ou adressez-vous à l'administrateur.",
                0, opened.handle(), view);
    }

    private void recordLogin(PscSession session, UserAccount account) {
        audit.record(AuditEntry.of(Actor.user(account.id(), account.login()), AuditAction.LOGIN, null)
                .on("psc_session", session.id())
                .withDetail(method(session) + " " + providers.get(session.provider()).config().label() + ", "
                        + (session.professional().nationalId() == null ? session.professional().subject()
                        : session.professional().nationalId())));
    }

    private LoginStatus failure(OidcProvider provider, String nationalId, String flow, LoginState state, String error,
                                String message) {
        audit.record(AuditEntry.of(professionalActor(nationalId), AuditAction.LOGIN_FAILED, null)
                .withDetail(provider.config().label() + " (" + flow + ") : " + error + " — " + message));
        return new LoginStatus(state, message, 0, null, null);
    }

    private PscSession openSession(String handle, String clientAddress) {
        PscSession session = vault.find(handle).orElseThrow(() -> new ProxyException(401, "session_ended",
                "Session inconnue ou terminée : reconnectez-vous."));
        if (bindToAddress && session.clientAddress() != null && !session.clientAddress().equals(clientAddress)) {
            LOG.warn("PSC session {} used from {} instead of {}", session.id(), clientAddress, session.clientAddress());
            throw new ProxyException(401, "session_ended", "Session inconnue ou terminée : reconnectez-vous.");
        }
        return session;
    }

    private PendingCiba pendingCiba(String requestId, String clientAddress) {
        PendingCiba pending = cibaRequests.get(requestId == null ? "" : requestId);
        if (pending == null || (bindToAddress && !pending.clientAddress.equals(clientAddress))) {
            throw new ProxyException(404, "unknown_request", "Demande de connexion inconnue ou terminée.");
        }
        return pending;
    }

    private LoginStatus pendingStatus(PendingCiba pending, Instant now, String message) {
        long wait = Math.max(1, Duration.between(now, pending.nextPollAt).toSeconds());
        return new LoginStatus(LoginState.PENDING, message, (int) wait, null, null);
    }

    private SessionView view(PscSession session) {
        return view(session, List.of());
    }

    private SessionView view(PscSession session, List<UserAccount> candidates) {
        Professional p = session.professional();
        AccountView account = session.userId() == null ? null
                : new UserRepository(database.dsl()).findById(session.userId()).map(ProxyService::accountView).orElse(null);
        return new SessionView(session.provider(), method(session),
                new ProfessionalView(p.provider(), p.nationalId(), p.rpps(), p.familyName(), p.givenName(),
                        p.displayName(), p.professionCode(), p.specialtyCode()),
                account, candidates.stream().map(ProxyService::accountView).toList(), session.createdAt(),
                session.accessExpiresAt(), session.endsAt());
    }

    private static String method(PscSession session) {
        return (session.flow() == PscSession.Flow.CIBA ? AuthenticationMethod.PSC_CIBA : AuthenticationMethod.OIDC_BROWSER)
                .name();
    }

    private static AccountView accountView(UserAccount u) {
        return new AccountView(u.id(), u.login(), u.displayName(), u.role().name());
    }

    private static ExternalLogin externalLogin(Professional p) {
        return new ExternalLogin(p.provider(), p.subject(), p.nationalId(), p.rpps());
    }

    private Actor accountActor(UUID userId) {
        return new UserRepository(database.dsl()).findById(userId).map(u -> Actor.user(u.id(), u.login()))
                .orElse(Actor.system("proxy-e-sante"));
    }

    private static Actor professionalActor(String nationalId) {
        return new Actor(null, "psc:" + (nationalId == null || nationalId.isBlank() ? "inconnu" : nationalId));
    }

    private static String randomId() {
        byte[] raw = new byte[24];
        RANDOM.nextBytes(raw);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
    }

    private static boolean constantTimeEquals(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }

    /** A sign-in held by the proxy: under way until it has a result or its time is up. */
    private abstract static class Pending {
        final OidcProvider provider;
        final String clientAddress;
        final Instant giveUp;
        final Instant startedAt;
        volatile LoginStatus result;

        Pending(OidcProvider provider, String clientAddress, Instant giveUp, Instant startedAt) {
            this.provider = provider;
            this.clientAddress = clientAddress;
            this.giveUp = giveUp;
            this.startedAt = startedAt;
        }

        Instant startedAt() {
            return startedAt;
        }

        /** Finished, or past its time: its place may be given to another sign-in. */
        boolean over(Instant now) {
            return result != null || !now.isBefore(giveUp);
        }

        LoginStatus finish(LoginStatus status) {
            result = status;
            return status;
        }
    }

    private static final class PendingCiba extends Pending {
        final String nationalId;
        final String bindingMessage;
        CibaClient.Ticket ticket;
        Instant nextPollAt;

        PendingCiba(OidcProvider provider, String nationalId, String clientAddress, CibaClient.Ticket ticket,
                    Instant nextPollAt, String bindingMessage, Instant giveUp, Instant startedAt) {
            super(provider, clientAddress, giveUp, startedAt);
            this.nationalId = nationalId;
            this.ticket = ticket;
            this.nextPollAt = nextPollAt;
            this.bindingMessage = bindingMessage;
        }
    }

    private static final class PendingBrowser extends Pending {
        final AuthorizationCodeFlow.Pending flow;

        PendingBrowser(OidcProvider provider, AuthorizationCodeFlow.Pending flow, String clientAddress, Instant giveUp,
                       Instant startedAt) {
            super(provider, clientAddress, giveUp, startedAt);
            this.flow = flow;
        }
    }

    /** Kept for the inspection of the sandbox and for tests: how many logins the proxy holds (under way or just finished). */
    public int pendingLogins() {
        return cibaRequests.size() + browserRequests.size();
    }
}
