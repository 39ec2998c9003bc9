package fr.opaline.api.client;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.opaline.api.ApiEvent;
import fr.opaline.api.ApiVersion;
import fr.opaline.api.Apis;
import fr.opaline.api.SessionInfo;
import fr.opaline.core.common.Json;
import fr.opaline.core.common.NotFoundException;
import fr.opaline.core.scheduling.BookingConflictException;
import fr.opaline.platform.tls.PinnedTrust;
import fr.opaline.platform.tls.TlsIdentity;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.lang.reflect.Proxy;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The desktop's side of the application API: each API interface as a {@link Proxy} whose calls are
 * {@code POST /api/v1/{area}/{operation}} with the named arguments as a JSON object, over HTTPS to
 * the practice server, trusting exactly the server certificate whose SHA-256 fingerprint it was
 * given and presenting the workstation's key as client certificate. It keeps the session handle a
 * sign-in returned and presents it on every call. Calls block: the desktop makes them off the FX thread.
 */
public final class ApiClient implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ApiClient.class);

    private final URI base;
    private final HttpClient http;
    private final Duration timeout;
    private final ObjectMapper mapper = Json.mapper();
    private final Map<Class<?>, Object> proxies = new ConcurrentHashMap<>();
    private final ApiVersion server;
    private volatile String handle;
    private volatile boolean closed;

    private ApiClient(URI base, HttpClient http, Duration timeout) {
        this.base = base.getPath().endsWith("/") ? base : URI.create(base + "/");
        this.http = http;
        this.timeout = timeout;
        this.server = fetchVersion();
    }

    /**
     * How long the JDK's HTTP client keeps an idle connection for reuse: shorter than the server's
     * idle timeout (30 s, platform's {@code HttpSettings}), so the client always closes first. With the
     * JDK's default (1200 s) the server closes a pooled connection while the desktop may be sending on
     * it, and the call fails with "header parser received no bytes". The JDK reads the property once,
     * when its first HTTP client is made: {@link #keepIdleConnectionsShorterThanTheServer()} is called
     * at the start of {@code opaline}, and again here for processes that start otherwise (tests).
     */
    static final String KEEP_ALIVE_SECONDS = "20";

    static {
        keepIdleConnectionsShorterThanTheServer();
    }

    /** Sets {@code jdk.httpclient.keepalive.timeout} unless the operator set it. */
    public static void keepIdleConnectionsShorterThanTheServer() {
        if (System.getProperty("jdk.httpclient.keepalive.timeout") == null) {
            System.setProperty("jdk.httpclient.keepalive.timeout", KEEP_ALIVE_SECONDS);
        }
    }

    /**
     * Connects to the practice server and checks that it speaks this desktop's API version.
     *
     * @throws IncompatibleServerException the server's API is of another major version, or older
     * @throws ApiException                the server cannot be reached or its certificate is not the pinned one
     */
    public static ApiClient connect(URI base, String serverFingerprint, TlsIdentity workstation, Duration timeout) {
        Objects.requireNonNull(workstation, "workstation");
        if (!"https".equals(base.getScheme())) {
            throw new IllegalArgumentException("Le serveur du cabinet s'adresse en https:// (" + base + ").");
        }
        HttpClient http = HttpClient.newBuilder()
                .sslContext(workstation.context(PinnedTrust.server(serverFingerprint)))
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        ApiClient client = new ApiClient(base, http, timeout);
        if (!client.server.accepts(ApiVersion.CURRENT)) {
            throw new IncompatibleServerException("Le serveur du cabinet (Opaline " + client.server.product()
                    + ", API " + client.server.api() + ") n'est pas compatible avec ce poste (API " + ApiVersion.CURRENT
                    + ") : mettez à jour " + (newerMajor(client.server.api()) ? "ce poste" : "le serveur du cabinet")
                    + " pour qu'ils aient la même version.");
        }
        return client;
    }

    private static boolean newerMajor(String serverApi) {
        try {
            return Integer.parseInt(serverApi.split("\\.")[0]) > Integer.parseInt(ApiVersion.CURRENT.split("\\.")[0]);
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** The server's API and product versions, read at connection. */
    public ApiVersion serverVersion() {
        return server;
    }

    public URI base() {
        return base;
    }

    /** The implementation of an API interface over this connection. */
    public <T> T api(Class<T> type) {
        String area = Apis.area(type);
        return type.cast(proxies.computeIfAbsent(type, t -> Proxy.newProxyInstance(t.getClassLoader(),
                new Class<?>[] {t}, new Calls(area))));
    }

    /** Whether a session is open (a sign-in succeeded and no sign-out since). */
    public boolean signedIn() {
        return handle != null;
    }

    /**
     * Presents this credential instead of a session handle: the operator commands' token, read on
     * the server's machine (decision 0310).
     */
    public ApiClient presenting(String credential) {
        this.handle = credential;
        return this;
    }

    /** Forgets the session handle (the server ended it). */
    public void forgetSession() {
        handle = null;
    }

    private final class Calls implements InvocationHandler {
        private final String area;

        Calls(String area) {
            this.area = area;
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            if (method.getDeclaringClass() == Object.class) {
                return switch (method.getName()) {
                    case "toString" -> "ApiClient[" + area + " @ " + base + "]";
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    default -> throw new UnsupportedOperationException(method.getName());
                };
            }
            ObjectNode body = mapper.createObjectNode();
            Parameter[] parameters = method.getParameters();
            for (int i = 0; i < parameters.length; i++) {
                if (!parameters[i].isNamePresent()) {
                    throw new IllegalStateException("compiler sans -parameters : " + method);
                }
                body.set(parameters[i].getName(), mapper.valueToTree(args[i]));
            }
            JsonNode answer = call("api/v1/" + area + "/" + method.getName(), body);
            if (method.getReturnType() == void.class) {
                if (area.equals("session") && method.getName().equals("signOut")) {
                    handle = null;
                }
                return null;
            }
            JavaType type = mapper.getTypeFactory().constructType(method.getGenericReturnType());
            Object result = mapper.treeToValue(answer, type);
            if (result instanceof SessionInfo session && session.handle() != null) {
                handle = session.handle();
                return session.withoutHandle();
            }
            return result;
        }
    }

    private JsonNode call(String path, ObjectNode arguments) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(timeout)
                .header("Accept", "application/json").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(write(arguments)));
        String current = handle;
        if (current != null) {
            request.header("Authorization", "Bearer " + current);
        }
        HttpResponse<byte[]> response = send(request.build());
        if (response.statusCode() == 204) {
            return mapper.nullNode();
        }
        JsonNode node = read(response.body());
        if (response.statusCode() / 100 == 2) {
            return node;
        }
        throw failure(response.statusCode(), node);
    }

    private RuntimeException failure(int status, JsonNode node) {
        String error = node.path("error").asText("server_error");
        String message = node.path("message").asText("Le serveur du cabinet a refusé la demande (" + status + ").");
        if (status == 401 && !error.equals("session_locked")) {
            handle = null;
        }
        if (status == 409 && error.equals("booking_conflict")) {
            return new BookingConflictException(message, List.of());
        }
        if (status == 404 && error.equals("not_found")) {
            return new NotFoundException(message);
        }
        return new ApiException(status, error, message);
    }

    private ApiVersion fetchVersion() {
        HttpResponse<byte[]> response = send(HttpRequest.newBuilder(base.resolve("api/v1/version")).timeout(timeout)
                .header("Accept", "application/json").GET().build());
        if (response.statusCode() != 200) {
            throw new IncompatibleServerException("L'adresse " + base + " ne répond pas comme un serveur du cabinet "
                    + "Opaline (statut " + response.statusCode() + ") : vérifiez l'adresse du serveur.");
        }
        try {
            return mapper.treeToValue(read(response.body()), ApiVersion.class);
        } catch (IOException e) {
            throw new IncompatibleServerException("Réponse de version illisible du serveur " + base + ".");
        }
    }

    private HttpResponse<byte[]> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw unreachable(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiException(0, "interrupted", "Appel au serveur du cabinet interrompu.");
        }
    }

    private ApiException unreachable(IOException e) {
        String detail = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        if (detail.contains("certificat") || e instanceof javax.net.ssl.SSLHandshakeException) {
            return new ApiException(0, "untrusted_server", "Le serveur " + base + " ne présente pas le certificat "
                    + "attendu (empreinte configurée) : vérifiez l'adresse et l'empreinte du serveur du cabinet.");
        }
        return new ApiException(0, "unreachable", "Serveur du cabinet injoignable (" + base + ") : " + detail);
    }

    private byte[] write(Object value) {
        try {
            return mapper.writeValueAsBytes(value);
        } catch (IOException e) {
            throw new IllegalArgumentException("argument non sérialisable : " + e.getMessage(), e);
        }
    }

    private JsonNode read(byte[] body) {
        try {
            return body.length == 0 ? mapper.nullNode() : mapper.readTree(body);
        } catch (IOException e) {
            throw new ApiException(502, "bad_answer", "Réponse illisible du serveur du cabinet.");
        }
    }

    /**
     * Listens to the changes made at the other seats ({@code GET /api/v1/events}) on a daemon thread,
     * reconnecting after a second when the stream breaks, until the returned handle is closed.
     * Needs an open session; the listener runs on that thread.
     */
    public AutoCloseable events(Consumer<ApiEvent> listener) {
        EventStream stream = new EventStream(listener);
        Thread thread = new Thread(stream, "api-events");
        thread.setDaemon(true);
        thread.start();
        return stream;
    }

    private final class EventStream implements Runnable, AutoCloseable {
        private final Consumer<ApiEvent> listener;
        private volatile boolean stopped;
        private volatile InputStream open;

        EventStream(Consumer<ApiEvent> listener) {
            this.listener = listener;
        }

        @Override
        public void run() {
            while (!stopped && !closed) {
                String current = handle;
                if (current != null) {
                    listenOnce(current);
                }
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        private void listenOnce(String current) {
            HttpRequest request = HttpRequest.newBuilder(base.resolve("api/v1/events"))
                    .header("Accept", "text/event-stream").header("Authorization", "Bearer " + current).GET().build();
            try {
                HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
                try (InputStream in = response.body();
                     BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                    if (response.statusCode() != 200) {
                        return;
                    }
                    open = in;
                    String line;
                    while (!stopped && (line = lines.readLine()) != null) {
                        if (line.startsWith("data:")) {
                            deliver(line.substring(5).strip());
                        }
                    }
                }
            } catch (IOException e) {
                LOG.debug("flux d'événements interrompu : {}", e.toString());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                stopped = true;
            }
        }

        private void deliver(String json) {
            try {
                listener.accept(mapper.readValue(json, ApiEvent.class));
            } catch (IOException | RuntimeException e) {
                LOG.warn("événement ignoré : {}", e.toString());
            }
        }

        @Override
        public void close() {
            stopped = true;
            InputStream in = open;
            if (in != null) {
                try {
                    in.close();
                } catch (IOException e) {
                    LOG.debug("fermeture du flux : {}", e.toString());
                }
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        handle = null;
    }
}
