package fr.opaline.psc.proxy;

import fr.opaline.core.common.BusinessRuleException;
import fr.opaline.core.common.Json;
import fr.opaline.core.lifecycle.ManagedService;
import fr.opaline.core.user.AuthenticationException;
import fr.opaline.platform.http.Exchange;
import fr.opaline.platform.http.HttpError;
import fr.opaline.platform.http.HttpService;
import fr.opaline.platform.http.HttpSettings;
import fr.opaline.platform.http.Reply;
import fr.opaline.platform.http.Routes;
import fr.opaline.psc.api.BrowserCallback;
import fr.opaline.psc.api.BrowserStartRequest;
import fr.opaline.psc.api.CibaStartRequest;
import fr.opaline.psc.api.LinkRequest;
import fr.opaline.psc.api.ProxyException;
import fr.opaline.psc.oidc.OidcException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The proxy e-santé's HTTPS endpoints on the practice LAN (JSON). In the practice server they are
 * {@linkplain #mount mounted} on the application API's HTTPS server (one port, one certificate);
 * standing alone (tests, a server without the API) they run on the one HTTP scaffolding
 * ({@link HttpService}, Jetty): bounded workers and connections, a deadline for each request's
 * headers and body, bounded sizes, so that clients trickling their headers cannot hold a sign-in.
 *
 * <pre>
 * GET    /health                        {"status":"ok"}
 * GET    /psc/providers                 identity providers offered
 * POST   /psc/ciba                      {provider?, nationalId}       → {requestId, bindingMessage, expiresAt, pollAfterSeconds}
 * GET    /psc/ciba/{requestId}          → {state, message, pollAfterSeconds, sessionHandle?, session?}
 * DELETE /psc/ciba/{requestId}          cancel
 * POST   /psc/browser                   {provider?, redirectUri, loginHint?} → {requestId, authorizationUri, expiresAt}
 * POST   /psc/browser/{requestId}/callback  {state, code | error, errorDescription} → like GET /psc/ciba/{id}
 * GET    /psc/session                   Authorization: Bearer handle → session
 * POST   /psc/session/refresh           refresh the tokens now
 * POST   /psc/session/link              {accountId} or {login, password, totpCode}
 * DELETE /psc/session                   logout
 * POST   /connect, DELETE /disconnect, GET /traces   the ANS API proxy e-Santé ({@link EsanteFacade})
 * </pre>
 */
public final class ProxyHttpServer implements ManagedService {

    private static final Logger LOG = LoggerFactory.getLogger(ProxyHttpServer.class);
    /** A sign-in request is a few hundred bytes of JSON. */
    public static final int MAX_BODY = 16 * 1024;

    private final ProxyService service;
    private final HttpSettings settings;
    private final Duration maintenanceEvery;
    private HttpService server;
    private ScheduledExecutorService maintenance;

    public ProxyHttpServer(ProxyService service, InetSocketAddress bind, SSLContext tls, Duration maintenanceEvery) {
        this(service, settings(bind, tls), maintenanceEvery);
    }

    /** @param settings where and within which bounds it listens (TLS required) */
    public ProxyHttpServer(ProxyService service, HttpSettings settings, Duration maintenanceEvery) {
        if (settings.tls() == null) {
            throw new IllegalArgumentException("le proxy e-santé n'écoute qu'en HTTPS");
        }
        this.service = service;
        this.settings = settings;
        this.maintenanceEvery = maintenanceEvery;
    }

    /** The proxy's defaults: the scaffolding's LAN bounds, 16 KiB bodies. */
    public static HttpSettings settings(InetSocketAddress bind, SSLContext tls) {
        return HttpSettings.defaults("proxy e-santé", bind).withMaxBodyBytes(MAX_BODY)
                .withTls(tls, HttpSettings.ClientAuth.NONE);
    }

    @Override
    public String name() {
        return "proxy e-santé (PSC)";
    }

    @Override
    public synchronized void start() throws IOException {
        server = new HttpService(settings, mount(new Routes(), service), Json.mapper(), ProxyHttpServer::error).start();
        maintenance = maintain(service, maintenanceEvery);
    }

    /**
     * Refreshes the sessions' tokens and forgets expired sign-ins every {@code every}, on a daemon
     * thread, until the returned executor is shut down (the proxy mounted on another server runs it too).
     */
    public static ScheduledExecutorService maintain(ProxyService service, Duration every) {
        ScheduledExecutorService maintenance = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "proxy-esante-refresh");
            t.setDaemon(true);
            return t;
        });
        long millis = Math.max(1, every.toMillis());
        maintenance.scheduleWithFixedDelay(() -> maintain(service), millis, millis, TimeUnit.MILLISECONDS);
        return maintenance;
    }

    public int port() {
        return server.port();
    }

    public URI uri(String host) {
        return URI.create("https://" + host + ":" + port() + "/");
    }

    public HttpSettings settings() {
        return settings;
    }

    @Override
    public synchronized void stop(Duration grace) {
        if (maintenance != null) {
            maintenance.shutdownNow();
            maintenance = null;
        }
        if (server != null) {
            server.close();
            server = null;
        }
    }

    private static void maintain(ProxyService service) {
        try {
            service.maintain();
        } catch (RuntimeException e) {
            LOG.warn("Proxy e-santé maintenance: {}", e.toString());
        }
    }

    /**
     * Adds the proxy's routes to {@code routes} (those of the server it shares). Its bodies stay
     * bounded to {@link #MAX_BODY} whatever that server accepts for its own routes.
     */
    public static Routes mount(Routes routes, ProxyService service) {
        new EsanteFacade(service, java.time.Clock.systemUTC()).mount(routes);
        return routes
                .get("/health", x -> Reply.json(Map.of("status", "ok")))
                .get("/psc/providers", x -> Reply.json(service.providers()))
                .post("/psc/ciba", bounded(x -> Reply.json(service.startCiba(x.json(CibaStartRequest.class), client(x)))))
                .get("/psc/ciba/{id}", x -> Reply.json(service.cibaStatus(x.pathParameter("id"), client(x))))
                .delete("/psc/ciba/{id}", x -> {
                    service.cancelCiba(x.pathParameter("id"), client(x));
                    return Reply.noContent();
                })
                .post("/psc/browser", bounded(x -> Reply.json(service.startBrowser(x.json(BrowserStartRequest.class), client(x)))))
                .post("/psc/browser/{id}/callback", bounded(x -> Reply.json(service.browserCallback(x.pathParameter("id"),
                        x.json(BrowserCallback.class), client(x)))))
                .get("/psc/session", x -> Reply.json(service.session(bearer(x), client(x))))
                .delete("/psc/session", x -> {
                    service.logout(bearer(x), client(x));
                    return Reply.noContent();
                })
                .post("/psc/session/refresh", bounded(x -> Reply.json(service.refresh(bearer(x), client(x)))))
                .post("/psc/session/link", bounded(x -> Reply.json(service.link(bearer(x), x.json(LinkRequest.class), client(x)))));
    }

    /** A sign-in route: a body declared larger than {@link #MAX_BODY} gets 413 before it is read. */
    private static Routes.Handler bounded(Routes.Handler handler) {
        return x -> {
            long declared = x.header("Content-Length").map(ProxyHttpServer::length).orElse(0L);
            if (declared > MAX_BODY || x.header("Transfer-Encoding").isPresent() && x.body().length > MAX_BODY) {
                throw new HttpError(413, "too_large", "Requête trop volumineuse (au plus " + MAX_BODY + " octets).");
            }
            return handler.handle(x);
        };
    }

    private static long length(String value) {
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE;
        }
    }

    private static String client(Exchange exchange) {
        return exchange.remoteAddress().getHostAddress();
    }

    private static String bearer(Exchange exchange) {
        return exchange.bearer().orElseThrow(() -> new ProxyException(401, "session_ended",
                "Session absente : connectez-vous."));
    }

    /** The proxy's refusals as the workstation's client reads them ({@code {error, message}}); null: not the proxy's. */
    public static HttpError error(Throwable e) {
        if (e instanceof ProxyException p) {
            return new HttpError(p.status(), p.error(), p.getMessage());
        }
        if (e instanceof OidcException o) {
            return new HttpError(status(o), o.error(), o.getMessage());
        }
        if (e instanceof AuthenticationException a) {
            return new HttpError(401, a.reason().name().toLowerCase(Locale.ROOT), a.getMessage());
        }
        if (e instanceof BusinessRuleException b) {
            return new HttpError(400, "refused", b.getMessage());
        }
        if (e instanceof IllegalArgumentException) {
            return new HttpError(400, "invalid_request", "Requête illisible.");
        }
        return null;
    }

    private static int status(OidcException e) {
        return switch (e.error()) {
            case OidcException.UNREACHABLE -> 502;
            case OidcException.NOT_CONFIGURED -> 503;
            case "session_ended" -> 401;
            default -> 400;
        };
    }
}
