package fr.opaline.platform.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.ByteBuffer;
import java.security.cert.X509Certificate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.ConnectionLimit;
import org.eclipse.jetty.server.ConnectionMetaData;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.util.thread.Scheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An HTTP(S) server on Jetty 12, the one server library of Opaline: bounded worker threads and
 * connections, bounded header and body sizes, a deadline for a new connection's first request
 * header (a client that trickles its headers is cut off, it does not hold a worker: Jetty reads
 * without a thread), a deadline for each body, JSON errors in French.
 */
public final class HttpService implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(HttpService.class);

    private final HttpSettings settings;
    private final Routes routes;
    private final ObjectMapper mapper;
    private final Function<Throwable, HttpError> errors;
    private Server server;
    private ServerConnector connector;

    /**
     * @param errors maps a route's exception to an {@link HttpError} (null: not one of the caller's,
     *               then a 500); {@link HttpError} itself needs no mapping
     */
    public HttpService(HttpSettings settings, Routes routes, ObjectMapper mapper,
                       Function<Throwable, HttpError> errors) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.routes = Objects.requireNonNull(routes, "routes");
        this.mapper = Objects.requireNonNull(mapper, "mapper");
        this.errors = errors == null ? e -> null : errors;
    }

    public HttpService(HttpSettings settings, Routes routes, ObjectMapper mapper) {
        this(settings, routes, mapper, null);
    }

    public synchronized HttpService start() throws IOException {
        if (server != null) {
            return this;
        }
        QueuedThreadPool threads = new QueuedThreadPool(settings.maxThreads(), Math.min(4, settings.maxThreads()));
        threads.setName(settings.name().replaceAll("[^A-Za-z0-9-]", "-").toLowerCase(Locale.ROOT));
        threads.setDaemon(true);
        Server jetty = new Server(threads);
        jetty.setStopTimeout(2000);

        HttpConfiguration http = new HttpConfiguration();
        http.setRequestHeaderSize(settings.maxHeaderBytes());
        http.setSendServerVersion(false);
        http.setSendDateHeader(false);
        HttpConnectionFactory h1 = new HttpConnectionFactory(http);
        ServerConnector serverConnector;
        if (settings.tls() != null) {
            SecureRequestCustomizer secure = new SecureRequestCustomizer();
            secure.setSniHostCheck(false);
            http.addCustomizer(secure);
            SslContextFactory.Server ssl = new SslContextFactory.Server();
            ssl.setSslContext(settings.tls());
            ssl.setIncludeProtocols("TLSv1.3", "TLSv1.2");
            ssl.setWantClientAuth(settings.clientAuth() == HttpSettings.ClientAuth.WANT);
            ssl.setNeedClientAuth(settings.clientAuth() == HttpSettings.ClientAuth.NEED);
            serverConnector = new ServerConnector(jetty, 1, 1, new SslConnectionFactory(ssl, "http/1.1"), h1);
        } else {
            serverConnector = new ServerConnector(jetty, 1, 1, h1);
        }
        serverConnector.setHost(settings.bind().getHostString());
        serverConnector.setPort(settings.bind().getPort());
        serverConnector.setIdleTimeout(settings.idleTimeout().toMillis());
        serverConnector.setAcceptQueueSize(64);
        serverConnector.addEventListener(new HeaderDeadline(jetty.getScheduler(), settings.headerDeadline().toMillis()));
        jetty.addConnector(serverConnector);
        jetty.addBean(new ConnectionLimit(settings.maxConnections(), serverConnector));
        jetty.setHandler(new Dispatch());
        try {
            jetty.start();
        } catch (IOException e) {
            stopQuietly(jetty);
            throw e;
        } catch (Exception e) {
            stopQuietly(jetty);
            throw new IOException(settings.name() + " : démarrage impossible : " + e.getMessage(), e);
        }
        this.server = jetty;
        this.connector = serverConnector;
        LOG.info("{} listening on {}://{}:{}/", settings.name(), settings.tls() == null ? "http" : "https",
                settings.bind().getHostString(), port());
        return this;
    }

    public synchronized int port() {
        if (connector == null) {
            throw new IllegalStateException(settings.name() + " not started");
        }
        return connector.getLocalPort();
    }

    /** The server's base address as a client on this machine reaches it. */
    public URI uri() {
        String host = settings.bind().getAddress() == null || settings.bind().getAddress().isAnyLocalAddress()
                ? "127.0.0.1" : settings.bind().getAddress().getHostAddress();
        if (host.contains(":")) {
            host = "[" + host + "]";
        }
        return URI.create((settings.tls() == null ? "http" : "https") + "://" + host + ":" + port() + "/");
    }

    public HttpSettings settings() {
        return settings;
    }

    @Override
    public synchronized void close() {
        if (server != null) {
            stopQuietly(server);
            server = null;
            connector = null;
        }
    }

    private static void stopQuietly(Server jetty) {
        try {
            jetty.stop();
        } catch (Exception e) {
            LOG.debug("stopping HTTP server: {}", e.toString());
        }
    }

    /** Closes a connection that has not delivered a complete first request header in time. */
    private static final class HeaderDeadline implements Connection.Listener {
        private final Scheduler scheduler;
        private final long millis;

        HeaderDeadline(Scheduler scheduler, long millis) {
            this.scheduler = scheduler;
            this.millis = millis;
        }

        @Override
        public void onOpened(Connection connection) {
            if (connection instanceof ConnectionMetaData) {
                scheduler.schedule(() -> {
                    if (connection.getMessagesIn() == 0 && connection.getEndPoint().isOpen()) {
                        connection.getEndPoint().close();
                    }
                }, millis, TimeUnit.MILLISECONDS);
            }
        }
    }

    private final class Dispatch extends Handler.Abstract {
        @Override
        public boolean handle(Request request, Response response, Callback callback) {
            String method = request.getMethod().toUpperCase(Locale.ROOT);
            String path = request.getHttpURI().getDecodedPath();
            Reply reply;
            try {
                Routes.Match match = routes.match(method, path == null ? "/" : path);
                reply = match.route().handler().handle(exchange(request, method, path, match.parameters()));
                if (reply == null) {
                    reply = Reply.noContent();
                }
            } catch (Throwable e) {
                reply = failure(method, path, e);
            }
            if (reply.stream == null && !drained(request)) {
                response.getHeaders().put(HttpHeader.CONNECTION, "close");
            }
            send(request, response, callback, method, reply);
            return true;
        }
    }

    /**
     * Reads and drops what the route left of the request body (a refusal decided before reading it, an
     * operation without argument), within the body's size and deadline. Otherwise Jetty closes the
     * connection after the answer without saying so, and a client that kept it for its next request
     * fails with "header parser received no bytes". False when it could not: the answer then says
     * {@code Connection: close}.
     */
    private boolean drained(Request request) {
        try {
            readBody(request);
            return true;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private Reply failure(String method, String path, Throwable e) {
        if (e instanceof Error error && !(e instanceof AssertionError)) {
            throw error;
        }
        HttpError http = e instanceof HttpError h ? h : errors.apply(e);
        if (http == null) {
            LOG.error("{}: {} {} failed", settings.name(), method, path, e);
            http = new HttpError(500, "server_error", "Erreur interne du serveur du cabinet.");
        }
        return Reply.json(http.status(), http.body());
    }

    private void send(Request request, Response response, Callback callback, String method, Reply reply) {
        response.setStatus(reply.status);
        reply.headers.forEach((name, value) -> response.getHeaders().put(name, value));
        try {
            if (reply.stream != null) {
                try (OutputStream out = Content.Sink.asOutputStream(response)) {
                    reply.stream.write(out);
                }
                callback.succeeded();
                return;
            }
            byte[] bytes = reply.json != null ? mapper.writeValueAsBytes(reply.json) : reply.body;
            if (method.equals("HEAD") || bytes.length == 0) {
                response.getHeaders().put("Content-Length", bytes.length);
                response.write(true, null, callback);
            } else {
                response.getHeaders().put("Content-Length", bytes.length);
                response.write(true, ByteBuffer.wrap(bytes), callback);
            }
        } catch (IOException | RuntimeException e) {
            callback.failed(e);
        }
    }

    private Exchange exchange(Request request, String method, String path, Map<String, String> parameters) {
        Map<String, String> headers = new HashMap<>();
        for (HttpField field : request.getHeaders()) {
            headers.merge(field.getLowerCaseName(), field.getValue(), (a, b) -> a + ", " + b);
        }
        Map<String, List<String>> query = new LinkedHashMap<>();
        Fields fields = Request.extractQueryParameters(request);
        for (Fields.Field field : fields) {
            query.put(field.getName(), field.getValues());
        }
        X509Certificate[] certificates = null;
        Object ssl = request.getAttribute(EndPoint.SslSessionData.ATTRIBUTE);
        if (ssl instanceof EndPoint.SslSessionData data) {
            certificates = data.peerCertificates();
        }
        InetSocketAddress remote = (InetSocketAddress) request.getConnectionMetaData().getRemoteSocketAddress();
        return new Exchange(method, path, parameters, query, headers, remote, certificates,
                () -> readBody(request), mapper);
    }

    private byte[] readBody(Request request) throws IOException {
        long declared = request.getLength();
        if (declared > settings.maxBodyBytes()) {
            throw new HttpError(413, "too_large", "Requête trop volumineuse (au plus "
                    + settings.maxBodyBytes() + " octets).");
        }
        try {
            return Content.Source.asByteArrayAsync(request, (int) Math.min(Integer.MAX_VALUE - 8, settings.maxBodyBytes()))
                    .get(settings.bodyDeadline().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            request.fail(e);
            throw new HttpError(408, "timeout", "Requête trop lente : corps non reçu dans le délai.");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IllegalArgumentException || String.valueOf(cause).contains("max")) {
                throw new HttpError(413, "too_large", "Requête trop volumineuse (au plus "
                        + settings.maxBodyBytes() + " octets).");
            }
            throw new IOException("corps de requête illisible", cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrompu", e);
        }
    }
}
