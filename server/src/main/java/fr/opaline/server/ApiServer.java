package fr.opaline.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.opaline.api.Apis;
import fr.opaline.api.ApiEvent;
import fr.opaline.api.ApiVersion;
import fr.opaline.core.common.Json;
import fr.opaline.platform.http.HttpService;
import fr.opaline.platform.http.HttpSettings;
import fr.opaline.platform.http.Reply;
import fr.opaline.platform.http.Routes;
import fr.opaline.platform.tls.PinnedTrust;
import fr.opaline.platform.tls.TlsIdentity;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;

/**
 * The application API over HTTPS: the dispatcher's {@code POST /api/v1/{area}/{operation}}, and
 * {@code GET /api/v1/version}, {@code /events}, {@code /openapi}. TLS always, asking each
 * workstation for its client certificate (any self-made one: sessions are bound to it, it proves
 * nothing else).
 */
public final class ApiServer implements AutoCloseable {

    /** How long an event stream waits before a keep-alive comment. */
    static final long HEARTBEAT_MILLIS = 15_000;

    private final HttpService http;
    private final Dispatcher dispatcher;
    private final EventHub events;
    private final Sessions sessions;
    private final TlsIdentity identity;
    private final Routes routes;

    public ApiServer(HttpSettings settings, TlsIdentity identity, PracticeApi api, String productVersion) {
        this(settings, identity, api, productVersion, Mounted.NONE);
    }

    /**
     * Other routes served on the same port (the proxy e-santé's), outside {@code /api/v1}, and how
     * their exceptions become HTTP refusals (null: not theirs). The API's own routes map their errors
     * themselves.
     */
    public record Mounted(java.util.function.UnaryOperator<Routes> routes,
                          java.util.function.Function<Throwable, fr.opaline.platform.http.HttpError> errors) {
        public static final Mounted NONE = new Mounted(r -> r, e -> null);
    }

    public ApiServer(HttpSettings settings, TlsIdentity identity, PracticeApi api, String productVersion, Mounted mounted) {
        this.identity = identity;
        this.dispatcher = api.dispatcher();
        this.events = api.events();
        this.sessions = api.sessions();
        ObjectMapper mapper = Json.mapper();
        this.routes = routes(dispatcher, events, sessions, new ApiVersion(ApiVersion.CURRENT, productVersion));
        Routes served = routes(dispatcher, events, sessions, new ApiVersion(ApiVersion.CURRENT, productVersion));
        this.http = new HttpService(settings.withTls(identity.context(PinnedTrust.anyClient()),
                HttpSettings.ClientAuth.WANT), mounted.routes().apply(served), mapper, mounted.errors());
    }

    static Routes routes(Dispatcher dispatcher, EventHub events, Sessions sessions, ApiVersion version) {
        byte[] openapi = openapi();
        return new Routes()
                .get("/api/v1/version", exchange -> Reply.json(version))
                .get("/api/v1/openapi", exchange -> Reply.bytes(200, "application/json; charset=utf-8", openapi))
                .get("/api/v1/events", exchange -> {
                    ServerSession session = sessions.resolve(exchange.bearer().orElse(null),
                            Dispatcher.workstation(exchange), false);
                    return stream(events, sessions, session);
                })
                .post("/api/v1/{area}/{operation}", dispatcher::handle);
    }

    /**
     * The OpenAPI description kept with the code: {@code openapi/base.json} (the document, its
     * components and the routes outside the areas) and one {@code openapi/<area>.json} per API area,
     * whose {@code paths} (and {@code components.schemas}, if any) are merged in; an area file may
     * not redefine a path or a schema.
     */
    static byte[] openapi() {
        return openapi(Apis.ALL.stream().map(Apis::area).toList());
    }

    static byte[] openapi(java.util.Collection<String> areas) {
        ObjectMapper mapper = Json.mapper();
        ObjectNode document = (ObjectNode) read(mapper, "base");
        ObjectNode paths = document.with("paths");
        ObjectNode schemas = document.with("components").with("schemas");
        for (String area : new java.util.TreeSet<>(areas)) {
            JsonNode fragment = read(mapper, area);
            merge(paths, fragment.path("paths"), area);
            merge(schemas, fragment.path("components").path("schemas"), area);
        }
        try {
            return mapper.writerWithDefaultPrettyPrinter().writeValueAsBytes(document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void merge(ObjectNode into, JsonNode fragment, String area) {
        fragment.fields().forEachRemaining(entry -> {
            if (into.has(entry.getKey())) {
                throw new IllegalStateException("openapi/" + area + ".json redéfinit " + entry.getKey());
            }
            into.set(entry.getKey(), entry.getValue());
        });
    }

    private static JsonNode read(ObjectMapper mapper, String name) {
        try (InputStream in = ApiServer.class.getResourceAsStream("/openapi/" + name + ".json")) {
            if (in == null) {
                throw new IllegalStateException("openapi/" + name + ".json absent du module server");
            }
            return mapper.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Reply stream(EventHub events, Sessions sessions, ServerSession session) {
        return Reply.stream("text/event-stream; charset=utf-8", out -> {
            BlockingQueue<ApiEvent> queue = events.subscribe();
            try {
                write(out, ": ouvert\n\n");
                while (sessions.alive(session)) {
                    ApiEvent event = EventHub.next(queue, HEARTBEAT_MILLIS);
                    if (event == null) {
                        write(out, ": \n\n");
                    } else if (EventHub.isEnd(event)) {
                        return;
                    } else {
                        write(out, "event: " + event.type() + "\ndata: " + Json.write(event) + "\n\n");
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                events.unsubscribe(queue);
            }
        }).header("X-Accel-Buffering", "no");
    }

    private static void write(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    public ApiServer start() throws IOException {
        http.start();
        return this;
    }

    public int port() {
        return http.port();
    }

    /** The address a client on this machine uses. */
    public URI uri() {
        return http.uri();
    }

    /** What the workstations pin. */
    public String fingerprint() {
        return identity.fingerprint();
    }

    public Dispatcher dispatcher() {
        return dispatcher;
    }

    /** Every route of the API, "METHOD /path" (the OpenAPI check; mounted routes are not the API's). */
    public java.util.List<String> routeList() {
        return routes.describe();
    }

    @Override
    public void close() {
        events.close();
        http.close();
    }
}
