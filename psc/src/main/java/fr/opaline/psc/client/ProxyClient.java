package fr.opaline.psc.client;

import com.fasterxml.jackson.core.type.TypeReference;
import fr.opaline.core.common.BusinessRuleException;
import fr.opaline.core.common.Json;
import fr.opaline.core.user.AuthenticatedSession;
import fr.opaline.core.user.AuthenticationMethod;
import fr.opaline.core.user.UserAccount;
import fr.opaline.psc.api.ApiError;
import fr.opaline.psc.api.BrowserCallback;
import fr.opaline.psc.api.BrowserStartRequest;
import fr.opaline.psc.api.BrowserStarted;
import fr.opaline.psc.api.CibaStartRequest;
import fr.opaline.psc.api.CibaStarted;
import fr.opaline.psc.api.LinkRequest;
import fr.opaline.psc.api.LoginState;
import fr.opaline.psc.api.LoginStatus;
import fr.opaline.psc.api.ProviderView;
import fr.opaline.psc.api.ProxyException;
import fr.opaline.psc.api.SessionView;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The workstation's side of the proxy e-santé, for the desktop (issue 9) and the
 * {@code opaline psc login} command. It never sees a client secret nor a token: a login under way
 * is a request id, a login done is a session handle. Every call blocks on the network: call it
 * from a background thread, never from the JavaFX thread.
 *
 * <pre>{@code
 * CibaStarted started = client.startCiba(null, "899700000000");   // default provider (PSC)
 * show(started.bindingMessage());                                 // same code on the e-CPS
 * LoginStatus status = client.awaitCiba(started, s -> {});        // AUTHENTICATED, LINK_REQUIRED, DENIED, EXPIRED…
 * String handle = status.sessionHandle();                         // keep for refresh/link/logout
 * }</pre>
 */
public final class ProxyClient {

    private final ProxyTransport transport;
    private final Clock clock;

    public ProxyClient(ProxyTransport transport) {
        this(transport, Clock.systemUTC());
    }

    public ProxyClient(ProxyTransport transport, Clock clock) {
        this.transport = transport;
        this.clock = clock;
    }

    /** Over HTTPS to {@code base} (e.g. https://serveur-cabinet:8443/), trusting its pinned certificate. */
    public static ProxyClient https(URI base, ProxyTrust trust) {
        return new ProxyClient(new HttpsProxyTransport(base, trust, Duration.ofSeconds(20)));
    }

    public List<ProviderView> providers() {
        return call("GET", "/psc/providers", null, null, new TypeReference<List<ProviderView>>() { });
    }

    /** Starts a CIBA login: the e-CPS of {@code nationalId} is asked to approve. */
    public CibaStarted startCiba(String provider, String nationalId) {
        return call("POST", "/psc/ciba", null, new CibaStartRequest(provider, nationalId), new TypeReference<>() { });
    }

    public LoginStatus pollCiba(String requestId) {
        return call("GET", "/psc/ciba/" + encode(requestId), null, null, new TypeReference<>() { });
    }

    public void cancelCiba(String requestId) {
        call("DELETE", "/psc/ciba/" + encode(requestId), null, null, null);
    }

    /**
     * Polls until the login finishes (approved, denied, expired, cancelled), waiting between polls
     * as long as the server says. {@code progress} sees every intermediate status.
     *
     * @throws BusinessRuleException when interrupted (the request is then cancelled)
     */
    public LoginStatus awaitCiba(CibaStarted started, Consumer<LoginStatus> progress) {
        Instant giveUp = started.expiresAt().plusSeconds(30);
        long wait = Math.max(1, started.pollAfterSeconds());
        while (true) {
            try {
                Thread.sleep(Duration.ofSeconds(wait).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                try {
                    cancelCiba(started.requestId());
                } catch (RuntimeException ignored) {
                    // the request expires by itself
                }
                throw new BusinessRuleException("Connexion annulée.");
            }
            LoginStatus status = pollCiba(started.requestId());
            progress.accept(status);
            if (status.state().finished()) {
                return status;
            }
            if (clock.instant().isAfter(giveUp)) {
                return new LoginStatus(LoginState.EXPIRED, "Délai dépassé.", 0, null, null);
            }
            wait = Math.max(1, status.pollAfterSeconds());
        }
    }

    public BrowserStarted startBrowserLogin(String provider, URI redirectUri, String loginHint) {
        return call("POST", "/psc/browser", null, new BrowserStartRequest(provider, redirectUri.toString(), loginHint),
                new TypeReference<>() { });
    }

    public LoginStatus completeBrowserLogin(String requestId, BrowserCallback callback) {
        return call("POST", "/psc/browser/" + encode(requestId) + "/callback", null, callback, new TypeReference<>() { });
    }

    /**
     * The whole browser login: listens on a loopback port, asks the server for the authorization
     * address, lets {@code openBrowser} show it (desktop browser), waits for the redirect, and
     * hands it to the server.
     */
    public LoginStatus browserLogin(String provider, String loginHint, Consumer<URI> openBrowser, Duration timeout) {
        try (LoopbackReceiver receiver = LoopbackReceiver.start()) {
            BrowserStarted started = startBrowserLogin(provider, receiver.redirectUri(), loginHint);
            openBrowser.accept(URI.create(started.authorizationUri()));
            BrowserCallback callback = receiver.await(timeout);
            return completeBrowserLogin(started.requestId(), callback);
        }
    }

    public SessionView session(String handle) {
        return call("GET", "/psc/session", handle, null, new TypeReference<>() { });
    }

    public SessionView refresh(String handle) {
        return call("POST", "/psc/session/refresh", handle, "{}", new TypeReference<>() { });
    }

    public SessionView link(String handle, LinkRequest request) {
        return call("POST", "/psc/session/link", handle, request, new TypeReference<>() { });
    }

    public void logout(String handle) {
        call("DELETE", "/psc/session", handle, null, null);
    }

    /**
     * The core session the desktop opens once the proxy has authenticated and linked the
     * professional ({@code view.account()} not null); {@code accounts} looks the account up.
     */
    public static AuthenticatedSession authenticatedSession(SessionView view,
                                                            Function<UUID, Optional<UserAccount>> accounts) {
        if (view.account() == null) {
            throw new BusinessRuleException("Aucun compte local n'est lié à cette connexion.");
        }
        UserAccount user = accounts.apply(view.account().id()).filter(UserAccount::active)
                .orElseThrow(() -> new BusinessRuleException("Compte introuvable ou désactivé : " + view.account().login()));
        return new AuthenticatedSession(user, AuthenticationMethod.valueOf(view.method()), view.createdAt(), null);
    }

    private <T> T call(String method, String path, String bearer, Object body, TypeReference<T> type) {
        String json = body == null ? null : body instanceof String s ? s : Json.write(body);
        ProxyTransport.Response response = transport.exchange(method, path, bearer, json);
        if (response.status() >= 400) {
            ApiError error;
            try {
                error = Json.read(response.body(), ApiError.class);
            } catch (IllegalArgumentException e) {
                error = new ApiError("http_" + response.status(), "Réponse inattendue du serveur du cabinet (HTTP "
                        + response.status() + ").");
            }
            throw new ProxyException(response.status(), error.error(), error.message());
        }
        if (type == null || response.status() == 204) {
            return null;
        }
        try {
            return Json.mapper().readValue(response.body(), type);
        } catch (java.io.IOException e) {
            throw new BusinessRuleException("Réponse illisible du serveur du cabinet.");
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value == null ? "" : value, StandardCharsets.UTF_8);
    }
}
