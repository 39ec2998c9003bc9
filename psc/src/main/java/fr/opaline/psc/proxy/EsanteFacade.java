package fr.opaline.psc.proxy;

import fr.opaline.platform.http.Exchange;
import fr.opaline.platform.http.Reply;
import fr.opaline.platform.http.Routes;
import fr.opaline.psc.api.CibaStartRequest;
import fr.opaline.psc.api.CibaStarted;
import fr.opaline.psc.api.LoginState;
import fr.opaline.psc.api.LoginStatus;
import fr.opaline.psc.api.ProxyException;
import fr.opaline.psc.ciba.CibaChannel;
import fr.opaline.psc.oidc.OidcException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;

/**
 * The ANS "API proxy e-Santé" (ansforge/psc-edc-proxy-esante, {@code openapi/API-Proxy-eSante.json})
 * over the one server session: {@code POST /connect}, {@code DELETE /disconnect}, {@code GET /traces}.
 * The session cookie {@code proxy_session_id} carries the same opaque handle as {@code /psc/…}'s
 * bearer; {@code /connect} answers once the professional has approved (or refused) the CIBA request.
 * {@code /send} is not offered yet: the reference relays {@code /send/<service>/<endpoint>} with a
 * token exchanged for each service (RFC 8693), which Opaline does not do yet.
 */
public final class EsanteFacade {

    /** The cookie of the OpenAPI's {@code securitySchemes.cookieAuth}. */
    public static final String COOKIE = "proxy_session_id";
    private static final String TWO_DIGITS = "[0-9]{2}";
    private static final int MAX_TRACES = 1000;
    /** {@code /connect} calls waiting for the e-CPS at once: each holds a worker of the shared port. */
    public static final int MAX_WAITING = 16;

    private final ProxyService service;
    private final Clock clock;
    private final Deque<Map<String, Object>> traces = new ArrayDeque<>();
    private final Semaphore waiting;
    private final int maxWaiting;

    public EsanteFacade(ProxyService service, Clock clock) {
        this(service, clock, MAX_WAITING);
    }

    /** @param maxWaiting {@code /connect} calls that may wait for the e-CPS at once; beyond, 503 */
    public EsanteFacade(ProxyService service, Clock clock, int maxWaiting) {
        this.service = service;
        this.clock = clock;
        this.maxWaiting = maxWaiting;
        this.waiting = new Semaphore(maxWaiting);
    }

    public Routes mount(Routes routes) {
        return routes.post("/connect", this::connect)
                .delete("/disconnect", this::disconnect)
                .get("/traces", this::traces);
    }

    /** The OpenAPI's schema {@code connection}. */
    public record Connection(String nationalId, String bindingMessage, String clientId, String channel) {
    }

    private Reply connect(Exchange x) throws Exception {
        String client = x.remoteAddress().getHostAddress();
        Connection c;
        try {
            c = x.json(Connection.class);
        } catch (RuntimeException | java.io.IOException e) {
            return error(400, "Requête illisible : un objet JSON connection est attendu.", null);
        }
        if (c == null) {
            return error(400, "Requête illisible : un objet JSON connection est attendu.", null);
        }
        List<String> missing = new ArrayList<>();
        if (blank(c.nationalId())) {
            missing.add("nationalId absent");
        }
        if (blank(c.bindingMessage()) || !c.bindingMessage().matches(TWO_DIGITS)) {
            missing.add("bindingMessage : deux chiffres de 00 à 99");
        }
        if (blank(c.clientId())) {
            missing.add("clientId absent");
        }
        if (c.channel() == null || !List.of("CARD", "MOBILE").contains(c.channel())) {
            missing.add("channel : CARD ou MOBILE");
        }
        if (!missing.isEmpty()) {
            return error(400, String.join(", ", missing), c);
        }
        String current = x.cookie(COOKIE).orElse(null);
        if (current != null && alive(current, client)) {
            trace("CONNECT_REPLAY", c, client, service.sessionState(current, client));
            return Reply.bytes(304, null, new byte[0]);
        }
        String provider = service.cibaProviderOfClient(c.clientId()).orElse(null);
        if (provider == null) {
            trace("CONNECT_FAILURE", c, client, null);
            return error(404, "User National ID or Software Client ID Not Found : identifiant national ou client inconnu.", c);
        }
        if (!waiting.tryAcquire()) {
            trace("CONNECT_FAILURE", c, client, null);
            return error(503, "Trop de connexions en attente de validation sur le serveur du cabinet ("
                    + maxWaiting + " au plus) : réessayez dans un instant.", c);
        }
        LoginStatus status;
        try {
            CibaStarted started = service.startCiba(new CibaStartRequest(provider, c.nationalId().trim()), client,
                    c.bindingMessage(), CibaChannel.valueOf(c.channel()));
            status = await(started, client);
        } catch (ProxyException e) {
            trace("CONNECT_FAILURE", c, client, null);
            return error(e.status() >= 500 || e.status() == 429 ? 503 : 400, e.getMessage(), c);
        } catch (OidcException e) {
            trace("CONNECT_FAILURE", c, client, null);
            boolean down = OidcException.UNREACHABLE.equals(e.error()) || OidcException.NOT_CONFIGURED.equals(e.error());
            return error(down ? 503 : 400, e.getMessage(), c);
        } finally {
            waiting.release();
        }
        if (status.sessionHandle() == null) {
            trace("CONNECT_FAILURE", c, client, null);
            return error(400, status.message(), c);
        }
        String state = service.sessionState(status.sessionHandle(), client);
        trace("CONNECT_SUCCESS", c, client, state);
        Map<String, Object> session = new LinkedHashMap<>();
        session.put("proxy_session_id", status.sessionHandle());
        session.put("session_state", state);
        return Reply.json(200, session).header("Set-Cookie",
                COOKIE + "=" + status.sessionHandle() + "; Path=/; Secure; HttpOnly");
    }

    /** Polls the CIBA request at the provider's pace until it is over (the request's own expiry bounds it). */
    private LoginStatus await(CibaStarted started, String client) throws InterruptedException {
        while (true) {
            LoginStatus status = service.cibaStatus(started.requestId(), client);
            if (status.state() != LoginState.PENDING) {
                return status;
            }
            Thread.sleep(Math.max(200L, status.pollAfterSeconds() * 1000L));
        }
    }

    private Reply disconnect(Exchange x) {
        String client = x.remoteAddress().getHostAddress();
        String handle = x.cookie(COOKIE).orElse(null);
        if (handle == null || !alive(handle, client)) {
            return Reply.json(401, Map.of("code", "401", "message", "Session ID not found : session inconnue ou terminée."));
        }
        String state = service.sessionState(handle, client);
        service.logout(handle, client);
        trace("DISCONNECT", null, client, state);
        return Reply.bytes(200, null, new byte[0]).header("Set-Cookie", COOKIE + "=; Path=/; Max-Age=0; Secure; HttpOnly");
    }

    private Reply traces(Exchange x) {
        OffsetDateTime start;
        OffsetDateTime end;
        try {
            start = OffsetDateTime.parse(x.query("start").orElseThrow(() -> new DateTimeParseException("absent", "", 0)));
            end = x.query("end").map(OffsetDateTime::parse).orElse(OffsetDateTime.now(clock));
        } catch (DateTimeParseException e) {
            return error(400, "start (obligatoire) et end : date-heure ISO 8601, ex. 2026-12-08T00:00:00Z.", null);
        }
        List<Map<String, Object>> found = new ArrayList<>();
        synchronized (traces) {
            for (Map<String, Object> t : traces) {
                OffsetDateTime at = (OffsetDateTime) t.get("timestamp");
                if (at.isAfter(start) && at.isBefore(end)) {
                    found.add(t);
                }
            }
        }
        return Reply.json(200, found);
    }

    private boolean alive(String handle, String client) {
        try {
            service.session(handle, client);
            return true;
        } catch (ProxyException e) {
            return false;
        }
    }

    /** One trace, with the fields of the reference proxy's traces but never the session handle (a secret). */
    private void trace(String type, Connection c, String client, String sessionState) {
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("type", type);
        t.put("clientId", c == null ? null : c.clientId());
        t.put("IdRPPS", c == null ? null : c.nationalId());
        t.put("ipAddress", client);
        t.put("session_state", sessionState);
        t.put("timestamp", OffsetDateTime.now(clock));
        synchronized (traces) {
            traces.addLast(t);
            while (traces.size() > MAX_TRACES) {
                traces.removeFirst();
            }
        }
    }

    /** The error body of the OpenAPI's 400 and 404 ({@code code, message, metadata{nationalId, clientId}}). */
    private static Reply error(int status, String message, Connection c) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", Integer.toString(status));
        body.put("message", message);
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("nationalId", c == null ? null : c.nationalId());
        metadata.put("clientId", c == null ? null : c.clientId());
        body.put("metadata", metadata);
        return Reply.json(status, body);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
