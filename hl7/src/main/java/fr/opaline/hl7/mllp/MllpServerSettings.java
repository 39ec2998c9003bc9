package fr.opaline.hl7.mllp;

import java.nio.file.Path;
import java.time.Duration;
import javax.net.ssl.SSLContext;

/**
 * How an MLLP listener accepts connections.
 *
 * @param bindAddress    null for every interface
 * @param port           0 for any free port
 * @param idleTimeout    a connection that has not begun a message within that time (after connecting
 *                       or after its last answer) is closed; bytes outside a frame do not extend it
 * @param maxMessageBytes larger frames are refused with an error ACK
 * @param maxConnections connections of the declared peers' addresses served at once; more are closed
 * @param tls            null for plain TCP
 * @param clientAuth     with TLS, whether the peer must present a certificate
 * @param messageTimeout a message must arrive whole within that time of its first byte (slow senders
 *                       are cut off however they trickle)
 * @param memoryBudget   heap for all the messages being received and processed, whatever the number of
 *                       connections (see {@link MllpMemory})
 * @param spoolDirectory where large frames wait on disk (null: the system's temporary directory)
 * @param strangerConnections connections served at once from addresses no peer declares
 */
public record MllpServerSettings(String bindAddress, int port, Duration idleTimeout, int maxMessageBytes,
                                 int maxConnections, SSLContext tls, boolean clientAuth, Duration messageTimeout,
                                 long memoryBudget, Path spoolDirectory, int strangerConnections) {

    public static final int DEFAULT_MAX_MESSAGE_BYTES = 20 * 1024 * 1024;
    public static final Duration DEFAULT_MESSAGE_TIMEOUT = Duration.ofSeconds(60);
    public static final int DEFAULT_STRANGER_CONNECTIONS = 4;

    public MllpServerSettings(String bindAddress, int port, Duration idleTimeout, int maxMessageBytes,
                              int maxConnections, SSLContext tls, boolean clientAuth) {
        this(bindAddress, port, idleTimeout, maxMessageBytes, maxConnections, tls, clientAuth, DEFAULT_MESSAGE_TIMEOUT,
                MllpMemory.DEFAULT_BUDGET, null, DEFAULT_STRANGER_CONNECTIONS);
    }

    public static MllpServerSettings loopback(int port) {
        return new MllpServerSettings("127.0.0.1", port, Duration.ofMinutes(5), DEFAULT_MAX_MESSAGE_BYTES, 32, null,
                false);
    }

    public MllpServerSettings withIdleTimeout(Duration timeout) {
        return new MllpServerSettings(bindAddress, port, timeout, maxMessageBytes, maxConnections, tls, clientAuth,
                messageTimeout, memoryBudget, spoolDirectory, strangerConnections);
    }

    public MllpServerSettings withMaxMessageBytes(int max) {
        return new MllpServerSettings(bindAddress, port, idleTimeout, max, maxConnections, tls, clientAuth,
                messageTimeout, memoryBudget, spoolDirectory, strangerConnections);
    }

    public MllpServerSettings withTls(SSLContext context, boolean requireClientCertificate) {
        return new MllpServerSettings(bindAddress, port, idleTimeout, maxMessageBytes, maxConnections, context,
                requireClientCertificate, messageTimeout, memoryBudget, spoolDirectory, strangerConnections);
    }

    public MllpServerSettings withMessageTimeout(Duration timeout) {
        return new MllpServerSettings(bindAddress, port, idleTimeout, maxMessageBytes, maxConnections, tls, clientAuth,
                timeout, memoryBudget, spoolDirectory, strangerConnections);
    }

    public MllpServerSettings withMemory(long budget, Path spool) {
        return new MllpServerSettings(bindAddress, port, idleTimeout, maxMessageBytes, maxConnections, tls, clientAuth,
                messageTimeout, budget, spool, strangerConnections);
    }

    public MllpServerSettings withStrangerConnections(int max) {
        return new MllpServerSettings(bindAddress, port, idleTimeout, maxMessageBytes, maxConnections, tls, clientAuth,
                messageTimeout, memoryBudget, spoolDirectory, max);
    }
}
