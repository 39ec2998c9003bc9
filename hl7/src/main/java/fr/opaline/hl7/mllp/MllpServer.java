package fr.opaline.hl7.mllp;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.Certificate;
import java.util.HexFormat;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An MLLP listener: one thread per connection (bounded), frames read one at a time and each
 * answered before the next is read. A peer that breaks the framing, does not begin a message
 * within the idle timeout or does not finish one within the message deadline is disconnected;
 * nothing it sent half-way is acknowledged, so it still holds the message. A handler failure
 * never ends the listener.
 *
 * <p>Hostile LAN: connections from addresses no declared peer uses share a small pool of their
 * own (they cannot take the declared peers' places), and their frames are read only as far as the
 * header; memory is one global budget ({@link MllpMemory}): large frames are spooled to disk and
 * processed in turn, so no number of connections can exhaust the heap.
 */
public final class MllpServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(MllpServer.class);

    private final String name;
    private final MllpServerSettings settings;
    private final MllpHandler handler;
    private final Set<Socket> connections = ConcurrentHashMap.newKeySet();
    private final AtomicInteger threadCount = new AtomicInteger();
    private final AtomicLong turnedAway = new AtomicLong();
    private ServerSocket serverSocket;
    private ExecutorService workers;
    private Thread acceptor;
    private Semaphore slots;
    private Semaphore strangerSlots;
    private MllpMemory memory;
    private volatile boolean running;

    public MllpServer(String name, MllpServerSettings settings, MllpHandler handler) {
        this.name = name;
        this.settings = settings;
        this.handler = handler;
    }

    public synchronized void start() throws IOException {
        if (running) {
            return;
        }
        InetAddress bind = settings.bindAddress() == null ? null : InetAddress.getByName(settings.bindAddress());
        if (settings.tls() != null) {
            SSLServerSocket tls = (SSLServerSocket) settings.tls().getServerSocketFactory().createServerSocket();
            if (settings.clientAuth()) {
                tls.setNeedClientAuth(true);
            } else {
                tls.setWantClientAuth(true);
            }
            serverSocket = tls;
        } else {
            serverSocket = new ServerSocket();
        }
        serverSocket.setReuseAddress(true);
        serverSocket.bind(new InetSocketAddress(bind, settings.port()), 50);
        slots = new Semaphore(settings.maxConnections());
        strangerSlots = new Semaphore(Math.max(1, settings.strangerConnections()));
        memory = new MllpMemory(settings.memoryBudget(), settings.spoolDirectory());
        workers = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, name + "-mllp-" + threadCount.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        running = true;
        acceptor = new Thread(this::acceptLoop, name + "-mllp-accept");
        acceptor.setDaemon(true);
        acceptor.start();
        LOG.info("Écoute MLLP {} sur le port {}{}", name, port(), settings.tls() != null ? " (TLS)" : "");
    }

    public int port() {
        return serverSocket.getLocalPort();
    }

    /** The listener's memory budget (for the tests and the trace). */
    public MllpMemory memory() {
        return memory;
    }

    private void acceptLoop() {
        while (running) {
            Socket socket;
            try {
                socket = serverSocket.accept();
            } catch (IOException e) {
                if (running) {
                    LOG.warn("Connexion MLLP refusée : {}", e.getMessage());
                }
                continue;
            }
            InetAddress from = socket.getInetAddress();
            boolean known;
            try {
                known = handler.knownSource(from);
            } catch (RuntimeException e) {
                LOG.error("Pairs HL7 illisibles : connexion de {} traitée comme inconnue", from, e);
                known = false;
            }
            Semaphore pool = known ? slots : strangerSlots;
            if (!pool.tryAcquire()) {
                long n = turnedAway.incrementAndGet();
                if (n % 100 == 1) {
                    LOG.warn("Connexion MLLP de {} fermée ({} refusées depuis le démarrage) : {}", from.getHostAddress(), n,
                            known ? "toutes les connexions sont occupées (" + settings.maxConnections() + ")"
                                    : "adresse d'aucun pair déclaré, connexions d'inconnus déjà occupées ("
                                            + settings.strangerConnections() + ")");
                }
                closeQuietly(socket);
                continue;
            }
            connections.add(socket);
            boolean stranger = !known;
            try {
                workers.execute(() -> {
                    try {
                        serve(socket, stranger);
                    } finally {
                        connections.remove(socket);
                        closeQuietly(socket);
                        pool.release();
                    }
                });
            } catch (RuntimeException e) {
                connections.remove(socket);
                closeQuietly(socket);
                pool.release();
            }
        }
    }

    private void serve(Socket socket, boolean stranger) {
        String remote = String.valueOf(socket.getRemoteSocketAddress());
        try {
            socket.setTcpNoDelay(true);
            socket.setKeepAlive(true);
            DeadlineInputStream deadline = new DeadlineInputStream(socket.getInputStream(), socket);
            deadline.deadline(settings.idleTimeout());
            MllpConnection connection = new MllpConnection(socket.getInetAddress(), socket.getPort(),
                    certificate(socket));
            remote = connection.toString();
            InputStream in = new BufferedInputStream(deadline, 65536);
            OutputStream out = new BufferedOutputStream(socket.getOutputStream(), 65536);
            MllpFrameReader reader = new MllpFrameReader(in, settings.maxMessageBytes(), memory,
                    head -> !stranger && handler.wantsBody(head, connection),
                    () -> deadline.deadline(settings.messageTimeout()));
            while (running) {
                MllpFrameReader.Frame frame = reader.read();
                if (frame == null) {
                    return;
                }
                byte[] answer;
                try (frame) {
                    int permits = memory.admit(frame.spooled() || !(frame.dropped() || frame.oversized())
                            ? frame.size() : frame.head().length,
                            settings.messageTimeout());
                    if (permits < 0) {
                        LOG.warn("Message MLLP de {} ({} octets) non traité : mémoire du récepteur occupée ; connexion "
                                + "fermée sans acquittement, l'émetteur le renverra", remote, frame.size());
                        return;
                    }
                    try {
                        answer = handler.onFrame(frame, connection);
                    } finally {
                        memory.done(permits);
                    }
                } catch (RuntimeException e) {
                    // The message may not be stored: closing without an ACK leaves it with the sender.
                    LOG.error("Traitement d'un message MLLP de {} en échec ; connexion fermée sans acquittement", remote, e);
                    return;
                }
                if (answer == null) {
                    return;
                }
                out.write(MllpFrameReader.frame(answer));
                out.flush();
                deadline.deadline(settings.idleTimeout());
            }
        } catch (SocketTimeoutException e) {
            LOG.info("Connexion MLLP {} fermée : délai dépassé ({})", remote, settings.messageTimeout());
        } catch (MllpProtocolException e) {
            LOG.warn("Connexion MLLP {} fermée : {}", remote, e.getMessage());
        } catch (SocketException e) {
            LOG.debug("Connexion MLLP {} interrompue : {}", remote, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            LOG.warn("Connexion MLLP {} en erreur : {}", remote, e.getMessage());
        }
    }

    /** The SHA-256 fingerprint of the TLS client certificate, after a handshake within the idle timeout. */
    private String certificate(Socket socket) throws IOException {
        if (!(socket instanceof SSLSocket tls)) {
            return null;
        }
        socket.setSoTimeout((int) Math.min(Integer.MAX_VALUE, settings.messageTimeout().toMillis()));
        tls.startHandshake();
        try {
            Certificate[] chain = tls.getSession().getPeerCertificates();
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(chain[0].getEncoded()));
        } catch (SSLPeerUnverifiedException e) {
            return null;
        } catch (GeneralSecurityException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    /** Stops accepting, lets the exchanges in flight finish within {@code grace}, then closes. */
    public synchronized void stop(Duration grace) {
        if (!running) {
            return;
        }
        running = false;
        closeQuietly(serverSocket);
        acceptor.interrupt();
        for (Socket s : connections) {
            try {
                s.shutdownInput();
            } catch (IOException | UnsupportedOperationException e) {
                closeQuietly(s);
            }
        }
        workers.shutdown();
        try {
            if (!workers.awaitTermination(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                connections.forEach(MllpServer::closeQuietly);
                workers.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        memory.close();
    }

    @Override
    public void close() {
        stop(Duration.ofSeconds(5));
    }

    private static void closeQuietly(AutoCloseable c) {
        try {
            if (c != null) {
                c.close();
            }
        } catch (Exception ignored) {
            // closing anyway
        }
    }
}
