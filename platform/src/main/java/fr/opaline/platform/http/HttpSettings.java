package fr.opaline.platform.http;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Objects;
import javax.net.ssl.SSLContext;

/**
 * Where an HTTP server listens and the bounds it keeps whatever the LAN sends: worker threads,
 * connections, header and body sizes, and the deadlines of each read.
 *
 * @param name             the server's name in logs and thread names
 * @param bind             address and port (port 0: a free one, read back with {@link HttpService#port()})
 * @param tls              null for plain HTTP (loopback-only endpoints, sandboxes), else HTTPS
 * @param clientAuth       whether TLS asks for a client certificate
 * @param maxThreads       worker threads (requests served at once)
 * @param maxConnections   connections held at once; more wait in the kernel's backlog
 * @param maxHeaderBytes   request line and headers
 * @param maxBodyBytes     request body; larger bodies get 413 without being read
 * @param headerDeadline   time a new connection has to deliver its first complete request header
 * @param bodyDeadline     time to receive a whole request body
 * @param idleTimeout      silence tolerated on a connection between reads
 */
public record HttpSettings(String name, InetSocketAddress bind, SSLContext tls, ClientAuth clientAuth,
                           int maxThreads, int maxConnections, int maxHeaderBytes, long maxBodyBytes,
                           Duration headerDeadline, Duration bodyDeadline, Duration idleTimeout) {

    /** Whether the TLS handshake asks the client for a certificate. */
    public enum ClientAuth { NONE, WANT, NEED }

    public HttpSettings {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(bind, "bind");
        clientAuth = clientAuth == null ? ClientAuth.NONE : clientAuth;
        if (maxThreads < 4 || maxConnections < 1 || maxHeaderBytes < 1024 || maxBodyBytes < 0) {
            throw new IllegalArgumentException("bornes HTTP invalides pour " + name);
        }
        Objects.requireNonNull(headerDeadline, "headerDeadline");
        Objects.requireNonNull(bodyDeadline, "bodyDeadline");
        Objects.requireNonNull(idleTimeout, "idleTimeout");
    }

    /** Defaults fit for a practice's LAN: 32 workers, 256 connections, 16 KiB headers, 1 MiB bodies, 10 s deadlines. */
    public static HttpSettings defaults(String name, InetSocketAddress bind) {
        return new HttpSettings(name, bind, null, ClientAuth.NONE, 32, 256, 16 * 1024, 1024 * 1024,
                Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofSeconds(30));
    }

    public HttpSettings withTls(SSLContext context, ClientAuth auth) {
        return new HttpSettings(name, bind, context, auth, maxThreads, maxConnections, maxHeaderBytes, maxBodyBytes,
                headerDeadline, bodyDeadline, idleTimeout);
    }

    public HttpSettings withThreads(int threads) {
        return new HttpSettings(name, bind, tls, clientAuth, threads, maxConnections, maxHeaderBytes, maxBodyBytes,
                headerDeadline, bodyDeadline, idleTimeout);
    }

    public HttpSettings withMaxConnections(int connections) {
        return new HttpSettings(name, bind, tls, clientAuth, maxThreads, connections, maxHeaderBytes, maxBodyBytes,
                headerDeadline, bodyDeadline, idleTimeout);
    }

    public HttpSettings withMaxBodyBytes(long bytes) {
        return new HttpSettings(name, bind, tls, clientAuth, maxThreads, maxConnections, maxHeaderBytes, bytes,
                headerDeadline, bodyDeadline, idleTimeout);
    }

    public HttpSettings withDeadlines(Duration header, Duration body, Duration idle) {
        return new HttpSettings(name, bind, tls, clientAuth, maxThreads, maxConnections, maxHeaderBytes, maxBodyBytes,
                header, body, idle);
    }
}
