package fr.opaline.hl7.mllp;

import java.time.Duration;
import javax.net.ssl.SSLContext;

/**
 * How an MLLP listener accepts connections.
 *
 * @param bindAddress    null for every interface
 * @param port           0 for any free port
 * @param idleTimeout    a connection silent that long (or stuck in the middle of a frame) is closed
 * @param maxMessageBytes larger frames are refused with an error ACK
 * @param maxConnections connections served at once; more wait in the accept backlog
 * @param tls            null for plain TCP
 * @param clientAuth     with TLS, whether the peer must present a certificate
 */
public record MllpServerSettings(String bindAddress, int port, Duration idleTimeout, int maxMessageBytes,
                                 int maxConnections, SSLContext tls, boolean clientAuth) {

    public static final int DEFAULT_MAX_MESSAGE_BYTES = 20 * 1024 * 1024;

    public static MllpServerSettings loopback(int port) {
        return new MllpServerSettings("127.0.0.1", port, Duration.ofMinutes(5), DEFAULT_MAX_MESSAGE_BYTES, 32, null,
                false);
    }

    public MllpServerSettings withIdleTimeout(Duration timeout) {
        return new MllpServerSettings(bindAddress, port, timeout, maxMessageBytes, maxConnections, tls, clientAuth);
    }

    public MllpServerSettings withMaxMessageBytes(int max) {
        return new MllpServerSettings(bindAddress, port, idleTimeout, max, maxConnections, tls, clientAuth);
    }

    public MllpServerSettings withTls(SSLContext context, boolean requireClientCertificate) {
        return new MllpServerSettings(bindAddress, port, idleTimeout, maxMessageBytes, maxConnections, context,
                requireClientCertificate);
    }
}
