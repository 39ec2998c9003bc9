package fr.opaline.psc.proxy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import fr.opaline.core.common.BusinessRuleException;
import fr.opaline.core.common.Json;
import fr.opaline.core.lifecycle.ManagedService;
import fr.opaline.core.user.AuthenticationException;
import fr.opaline.psc.api.ApiError;
import fr.opaline.psc.api.BrowserCallback;
import fr.opaline.psc.api.BrowserStartRequest;
import fr.opaline.psc.api.CibaStartRequest;
import fr.opaline.psc.api.LinkRequest;
import fr.opaline.psc.api.ProxyException;
import fr.opaline.psc.oidc.OidcException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The proxy e-santé's HTTPS endpoints on the practice LAN (JSON). The JDK's HTTPS server is
 * enough: a few requests per login, no servlet container to configure or patch.
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
 * </pre>
 */
public final class ProxyHttpServer implements ManagedService {

    private static final Logger LOG = LoggerFactory.getLogger(ProxyHttpServer.class);
    private static final int MAX_BODY = 16 * 1024;

    private final ProxyService service;
    private final InetSocketAddress bind;
    private final SSLContext tls;
    private final Duration maintenanceEvery;
    private HttpsServer server;
    private ExecutorService workers;
    private ScheduledExecutorService maintenance;

    public ProxyHttpServer(ProxyService service, InetSocketAddress bind, SSLContext tls, Duration maintenanceEvery) {
        this.service = service;
        this.bind = bind;
        this.tls = tls;
        this.maintenanceEvery = maintenanceEvery;
    }

    @Override
    public String name() {
        return "proxy e-santé (PSC)";
    }

    @Override
    public synchronized void start() throws IOException {
        server = HttpsServer.create(bind, 64);
        server.setHttpsConfigurator(new HttpsConfigurator(tls) {
            @Override
            public void configure(HttpsParameters params) {
                SSLParameters parameters = tls.getDefaultSSLParameters();
                parameters.setProtocols(new String[] {"TLSv1.3", "TLSv1.2"});
                params.setSSLParameters(parameters);
            }
        });
        server.createContext("/", this::handle);
        AtomicInteger n = new AtomicInteger();
        workers = Executors.newFixedThreadPool(8, r -> daemon(r, "proxy-esante-" + n.incrementAndGet()));
        server.setExecutor(workers);
        server.start();
        maintenance = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "proxy-esante-refresh"));
        long every = Math.max(1, maintenanceEvery.toMillis());
        maintenance.scheduleWithFixedDelay(this::maintain, every, every, TimeUnit.MILLISECONDS);
        LOG.info("Proxy e-santé listening on https://{}:{}/", bind.getHostString(), port());
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public URI uri(String host) {
        return URI.create("https://" + host + ":" + port() + "/");
    }

    @Override
    public synchronized void stop(Duration grace) {
        if (maintenance != null) {
            maintenance.shutdownNow();
        }
        if (server != null) {
            server.stop((int) Math.min(Math.max(grace.toSeconds(), 0), 5));
            workers.shutdownNow();
            server = null;
        }
    }

    private void maintain() {
        try {
            service.maintain();
        } catch (RuntimeException e) {
            LOG.warn("Proxy e-santé maintenance: {}", e.toString());
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            String path = exchange.getRequestURI().getPath();
            String client = exchange.getRemoteAddress().getAddress().getHostAddress();
            try {
                Object body = route(exchange, method, path, client);
                respond(exchange, body == null ? 204 : 200, body);
            } catch (ProxyException e) {
                respond(exchange, e.status(), new ApiError(e.error(), e.getMessage()));
            } catch (OidcException e) {
                respond(exchange, status(e), new ApiError(e.error(), e.getMessage()));
            } catch (AuthenticationException e) {
                respond(exchange, 401, new ApiError(e.reason().name().toLowerCase(java.util.Locale.ROOT), e.getMessage()));
            } catch (BusinessRuleException e) {
                respond(exchange, 400, new ApiError("refused", e.getMessage()));
            } catch (JsonProcessingException | IllegalArgumentException e) {
                respond(exchange, 400, new ApiError("invalid_request", "Requête illisible."));
            } catch (RuntimeException e) {
                LOG.error("Proxy e-santé: {} {} failed: {}", method, path, e.toString());
                respond(exchange, 500, new ApiError("server_error", "Erreur interne du serveur du cabinet."));
            }
        }
    }

    private Object route(HttpExchange exchange, String method, String path, String client) throws IOException {
        String[] parts = path.replaceAll("/+$", "").split("/");
        if (path.equals("/health") && method.equals("GET")) {
            return Map.of("status", "ok");
        }
        if (parts.length < 3 || !parts[1].equals("psc")) {
            throw new ProxyException(404, "not_found", "Adresse inconnue : " + path);
        }
        String resource = parts[2];
        switch (resource) {
            case "providers":
                expect(method, "GET");
                return service.providers();
            case "ciba":
                if (parts.length == 3) {
                    expect(method, "POST");
                    return service.startCiba(read(exchange, CibaStartRequest.class), client);
                }
                if (parts.length == 4 && method.equals("GET")) {
                    return service.cibaStatus(parts[3], client);
                }
                if (parts.length == 4 && method.equals("DELETE")) {
                    service.cancelCiba(parts[3], client);
                    return null;
                }
                break;
            case "browser":
                if (parts.length == 3) {
                    expect(method, "POST");
                    return service.startBrowser(read(exchange, BrowserStartRequest.class), client);
                }
                if (parts.length == 5 && parts[4].equals("callback")) {
                    expect(method, "POST");
                    return service.browserCallback(parts[3], read(exchange, BrowserCallback.class), client);
                }
                break;
            case "session":
                String handle = bearer(exchange);
                if (parts.length == 3 && method.equals("GET")) {
                    return service.session(handle, client);
                }
                if (parts.length == 3 && method.equals("DELETE")) {
                    service.logout(handle, client);
                    return null;
                }
                if (parts.length == 4 && parts[3].equals("refresh")) {
                    expect(method, "POST");
                    return service.refresh(handle, client);
                }
                if (parts.length == 4 && parts[3].equals("link")) {
                    expect(method, "POST");
                    return service.link(handle, read(exchange, LinkRequest.class), client);
                }
                break;
            default:
                break;
        }
        throw new ProxyException(404, "not_found", "Adresse inconnue : " + method + " " + path);
    }

    private static void expect(String method, String expected) {
        if (!method.equals(expected)) {
            throw new ProxyException(405, "method_not_allowed", "Méthode " + method + " non prise en charge ici.");
        }
    }

    private static String bearer(HttpExchange exchange) {
        String header = exchange.getRequestHeaders().getFirst("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw new ProxyException(401, "session_ended", "Session absente : connectez-vous.");
        }
        return header.substring(7).trim();
    }

    private static <T> T read(HttpExchange exchange, Class<T> type) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            byte[] body = in.readNBytes(MAX_BODY + 1);
            if (body.length > MAX_BODY) {
                throw new ProxyException(413, "too_large", "Requête trop volumineuse.");
            }
            if (body.length == 0) {
                throw new ProxyException(400, "invalid_request", "Requête vide.");
            }
            return Json.mapper().readValue(body, type);
        }
    }

    private static void respond(HttpExchange exchange, int status, Object body) throws IOException {
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        if (status == 204) {
            exchange.sendResponseHeaders(204, -1);
            return;
        }
        byte[] bytes = Json.mapper().writeValueAsString(body).getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static int status(OidcException e) {
        return switch (e.error()) {
            case OidcException.UNREACHABLE -> 502;
            case OidcException.NOT_CONFIGURED -> 503;
            case "session_ended" -> 401;
            default -> 400;
        };
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }
}
