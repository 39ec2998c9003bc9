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
import javax.net.ssl.SSLServerSocket;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An MLLP listener: one thread per connection (bounded), frames read one at a time and each
 * answered before the next is read. A peer that breaks the framing, stays silent past the idle
 * timeout or leaves a frame half sent is disconnected; nothing it sent half-way is acknowledged,
 * so it still holds the message. A handler failure never ends the listener.
 */
public final class MllpServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(MllpServer.class);

    private final String name;
    private final MllpServerSettings settings;
    private final MllpHandler handler;
    private final Set<Socket> connections = ConcurrentHashMap.newKeySet();
    private final AtomicInteger threadCount = new AtomicInteger();
    private ServerSocket serverSocket;
    private ExecutorService workers;
    private Thread acceptor;
    private Semaphore slots;
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
            tls.setNeedClientAuth(settings.clientAuth());
            serverSocket = tls;
        } else {
            serverSocket = new ServerSocket();
        }
        serverSocket.setReuseAddress(true);
        serverSocket.bind(new InetSocketAddress(bind, settings.port()), 50);
        slots = new Semaphore(settings.maxConnections());
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

    private void acceptLoop() {
        while (running) {
            try {
                slots.acquire();
                Socket socket;
                try {
                    socket = serverSocket.accept();
                } catch (IOException e) {
                    slots.release();
                    if (running) {
                        LOG.warn("Connexion MLLP refusée : {}", e.getMessage());
                    }
                    continue;
                }
                connections.add(socket);
                workers.execute(() -> {
                    try {
                        serve(socket);
                    } finally {
                        connections.remove(socket);
                        closeQuietly(socket);
                        slots.release();
                    }
                });
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void serve(Socket socket) {
        String remote = String.valueOf(socket.getRemoteSocketAddress());
        try {
            socket.setSoTimeout((int) Math.min(Integer.MAX_VALUE, settings.idleTimeout().toMillis()));
            socket.setTcpNoDelay(true);
            socket.setKeepAlive(true);
            InputStream in = new BufferedInputStream(socket.getInputStream(), 65536);
            OutputStream out = new BufferedOutputStream(socket.getOutputStream(), 65536);
            MllpFrameReader reader = new MllpFrameReader(in, settings.maxMessageBytes());
            while (running) {
                MllpFrameReader.Frame frame = reader.read();
                if (frame == null) {
                    return;
                }
                byte[] answer;
                try {
                    answer = handler.onFrame(frame, remote);
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
            }
        } catch (SocketTimeoutException e) {
            LOG.info("Connexion MLLP {} inactive depuis {} : fermée", remote, settings.idleTimeout());
        } catch (MllpProtocolException e) {
            LOG.warn("Connexion MLLP {} fermée : {}", remote, e.getMessage());
        } catch (SocketException e) {
            LOG.debug("Connexion MLLP {} interrompue : {}", remote, e.getMessage());
        } catch (IOException e) {
            LOG.warn("Connexion MLLP {} en erreur : {}", remote, e.getMessage());
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
