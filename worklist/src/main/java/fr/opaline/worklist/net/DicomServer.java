package fr.opaline.worklist.net;

import fr.opaline.core.common.LogSafe;
import fr.opaline.worklist.data.TransferSyntax;
import fr.opaline.worklist.net.Pdu.Abort;
import fr.opaline.worklist.net.Pdu.AssociateAccept;
import fr.opaline.worklist.net.Pdu.AssociateReject;
import fr.opaline.worklist.net.Pdu.AssociateRequest;
import fr.opaline.worklist.net.Pdu.PData;
import fr.opaline.worklist.net.Pdu.PresentationContextResult;
import fr.opaline.worklist.net.Pdu.ReleaseRequest;
import fr.opaline.worklist.net.Pdu.ReleaseResponse;
import java.io.EOFException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The association acceptor of the DICOM upper layer (PS3.8): listens, negotiates and runs one
 * thread per connection, within fixed bounds. Up to {@code maxAssociations} associations are
 * served (a slot is taken when a known caller's request is accepted, not at connection); the
 * next ones are answered with A-ASSOCIATE-RJ (transient, local limit exceeded). One source
 * address may hold at most {@code maxConnectionsPerAddress} connections; its next ones are closed
 * at once. At most twice {@code maxAssociations} connections are open in all: past that, the
 * oldest connection still waiting for its association request is closed to make room, so
 * half-open connections cannot keep a modality out for the ARTIM window. Every read has a
 * deadline (ARTIM before the association, idle timeout after) and a watchdog closes connections
 * whose peer stopped reading, so no thread or socket outlives its peer. Text received from the
 * network is escaped ({@link LogSafe}) before it is logged.
 */
public final class DicomServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DicomServer.class);

    /** Told of each association request refused by the policy (not of those refused for lack of room). */
    @FunctionalInterface
    public interface RejectionListener {
        void rejected(InetSocketAddress peer, String callingAeTitle, String calledAeTitle, AssociateReject reject);

        static RejectionListener none() {
            return (peer, calling, called, reject) -> {
            };
        }
    }

    private final ServerOptions options;
    private final AcceptancePolicy policy;
    private final RejectionListener rejections;
    private final PresentationHandler.Factory handlers;
    private final Semaphore associationSlots;
    private final AtomicInteger connections = new AtomicInteger();
    private final AtomicLong connectionCounter = new AtomicLong();
    private final AtomicLong refusedConnections = new AtomicLong();
    private final AtomicLong evictedConnections = new AtomicLong();
    private final ConcurrentHashMap<InetAddress, Integer> perAddress = new ConcurrentHashMap<>();
    /** Connections that have not yet sent their association request, with when they were accepted. */
    private final ConcurrentHashMap<PduChannel, Long> awaitingRequest = new ConcurrentHashMap<>();
    private final Throttle refusalLog = new Throttle(Duration.ofMinutes(1), 10_000);
    private final Set<PduChannel> channels = ConcurrentHashMap.newKeySet();
    private final Set<Thread> threads = ConcurrentHashMap.newKeySet();
    private volatile ServerSocket serverSocket;
    private volatile boolean stopping;
    private Thread acceptor;
    private ScheduledExecutorService watchdog;

    public DicomServer(ServerOptions options, PresentationHandler.Factory handlers) {
        this(options, handlers, RejectionListener.none());
    }

    public DicomServer(ServerOptions options, PresentationHandler.Factory handlers, RejectionListener rejections) {
        this.options = options;
        this.policy = new AcceptancePolicy(options);
        this.handlers = handlers;
        this.rejections = rejections;
        this.associationSlots = new Semaphore(options.maxAssociations());
    }

    public synchronized void start() throws IOException {
        if (serverSocket != null) {
            throw new IllegalStateException("déjà démarré");
        }
        ServerSocket socket = new ServerSocket();
        socket.setReuseAddress(true);
        try {
            socket.bind(new InetSocketAddress(InetAddress.getByName(options.bindAddress()), options.port()), 128);
        } catch (IOException e) {
            socket.close();
            throw new IOException("Impossible d'écouter sur " + options.bindAddress() + ":" + options.port() + " ("
                    + e.getMessage() + ")", e);
        }
        serverSocket = socket;
        stopping = false;
        watchdog = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, options.threadPrefix() + "-watchdog"));
        long period = Math.max(100, Math.min(1000, options.idleTimeout().toMillis() / 4));
        watchdog.scheduleWithFixedDelay(this::closeStalledWriters, period, period, TimeUnit.MILLISECONDS);
        acceptor = daemon(this::acceptLoop, options.threadPrefix() + "-acceptor");
        acceptor.start();
        LOG.info("Serveur DICOM {} à l'écoute sur {}:{}", options.aeTitle(), options.bindAddress(), port());
    }

    /** The bound port (useful when configured with 0). */
    public int port() {
        ServerSocket socket = serverSocket;
        return socket == null ? -1 : socket.getLocalPort();
    }

    /** Connections open now (negotiating, established or being rejected). */
    public int openConnections() {
        return connections.get();
    }

    /** Associations being served now. */
    public int activeAssociations() {
        return options.maxAssociations() - associationSlots.availablePermits();
    }

    /** Connections closed at once: their address already held its share, or every place was taken. */
    public long refusedConnections() {
        return refusedConnections.get();
    }

    /** Connections closed because they had sent no association request when room was needed. */
    public long evictedConnections() {
        return evictedConnections.get();
    }

    private void acceptLoop() {
        while (!stopping) {
            Socket socket;
            try {
                socket = serverSocket.accept();
            } catch (IOException e) {
                if (!stopping) {
                    // e.g. no file descriptor left: wait a little instead of spinning
                    LOG.warn("Attente de connexion DICOM interrompue : {}", e.toString());
                    sleep(100);
                }
                continue;
            }
            if (stopping) {
                closeQuietly(socket);
                break;
            }
            InetAddress address = socket.getInetAddress();
            if (!takeAddressShare(address)) {
                refuse(socket, address, "déjà " + options.maxConnectionsPerAddress() + " connexion(s) ouverte(s)"
                        + " depuis cette adresse (worklist.maxAssociationsPerAddress)");
                continue;
            }
            if (connections.incrementAndGet() > 2 * options.maxAssociations() && !evictOldestAwaitingRequest()) {
                connections.decrementAndGet();
                releaseAddressShare(address);
                refuse(socket, address, "nombre maximal de connexions atteint");
                continue;
            }
            long number = connectionCounter.incrementAndGet();
            Thread thread = daemon(() -> serve(socket, address), options.threadPrefix() + "-association-" + number);
            threads.add(thread);
            try {
                thread.start();
            } catch (OutOfMemoryError | RuntimeException e) {
                threads.remove(thread);
                finish(socket, address);
                LOG.error("Impossible de démarrer un fil pour une association DICOM : {}", e.toString());
            }
        }
    }

    private boolean takeAddressShare(InetAddress address) {
        boolean[] taken = {false};
        perAddress.compute(address, (a, open) -> {
            int now = open == null ? 0 : open;
            if (now >= options.maxConnectionsPerAddress()) {
                return open;
            }
            taken[0] = true;
            return now + 1;
        });
        return taken[0];
    }

    private void releaseAddressShare(InetAddress address) {
        perAddress.computeIfPresent(address, (a, open) -> open <= 1 ? null : open - 1);
    }

    /** Closes the connection that has waited longest without an association request; false if there is none. */
    private boolean evictOldestAwaitingRequest() {
        PduChannel oldest = null;
        long oldestSince = Long.MAX_VALUE;
        for (Map.Entry<PduChannel, Long> e : awaitingRequest.entrySet()) {
            if (e.getValue() < oldestSince) {
                oldest = e.getKey();
                oldestSince = e.getValue();
            }
        }
        if (oldest == null || awaitingRequest.remove(oldest) == null) {
            return false;
        }
        evictedConnections.incrementAndGet();
        String where = peerAddress(oldest.socket().getInetAddress());
        if (refusalLog.pass("evict " + where) >= 0) {
            LOG.info("Connexion DICOM de {} fermée sans demande d'association pour faire place à une autre", where);
        }
        oldest.close();
        return true;
    }

    private void refuse(Socket socket, InetAddress address, String why) {
        refusedConnections.incrementAndGet();
        closeQuietly(socket);
        int held = refusalLog.pass("refuse " + address);
        if (held >= 0) {
            LOG.warn("Connexion DICOM de {} fermée à l'ouverture : {}{}", peerAddress(address), why,
                    held > 0 ? " (" + held + " autre(s) refus depuis la dernière mention)" : "");
        }
    }

    private void serve(Socket socket, InetAddress address) {
        PduChannel channel = null;
        try {
            socket.setTcpNoDelay(true);
            channel = new PduChannel(socket);
            channels.add(channel);
            awaitingRequest.put(channel, System.nanoTime());
            if (stopping) {
                return;
            }
            new Session(channel).run();
        } catch (IOException e) {
            LOG.debug("Connexion DICOM {} : {}", peerAddress(address), e.toString());
        } finally {
            if (channel != null) {
                channels.remove(channel);
                awaitingRequest.remove(channel);
            }
            finish(socket, address);
            threads.remove(Thread.currentThread());
        }
    }

    private void finish(Socket socket, InetAddress address) {
        closeQuietly(socket);
        releaseAddressShare(address);
        connections.decrementAndGet();
    }

    private static String peerAddress(InetAddress address) {
        return address == null ? "?" : address.getHostAddress();
    }

    private void closeStalledWriters() {
        long limit = options.idleTimeout().toNanos();
        for (PduChannel channel : channels) {
            if (channel.writeBlockedNanos() > limit) {
                LOG.warn("Le pair DICOM {} ne lit plus ses réponses : connexion fermée",
                        channel.socket().getRemoteSocketAddress());
                channel.close();
            }
        }
    }

    /**
     * Stops accepting, lets associations in progress end within {@code grace}, then closes the
     * remaining connections and waits for their threads.
     */
    public synchronized void stop(Duration grace) {
        if (serverSocket == null) {
            return;
        }
        stopping = true;
        closeQuietly(serverSocket);
        joinQuietly(acceptor, Duration.ofSeconds(5));
        long deadline = System.nanoTime() + grace.toNanos();
        while (connections.get() > 0 && System.nanoTime() < deadline) {
            sleep(20);
        }
        channels.forEach(PduChannel::close);
        for (Thread thread : Set.copyOf(threads)) {
            joinQuietly(thread, Duration.ofSeconds(5));
        }
        watchdog.shutdownNow();
        try {
            watchdog.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        serverSocket = null;
        LOG.info("Serveur DICOM {} arrêté", options.aeTitle());
    }

    @Override
    public void close() {
        stop(Duration.ofSeconds(5));
    }

    /** One connection, from transport connect to close (PS3.8 state machine, acceptor side). */
    private final class Session {
        private final PduChannel channel;
        private final String peer;
        private boolean slot;

        Session(PduChannel channel) {
            this.channel = channel;
            this.peer = String.valueOf(channel.socket().getRemoteSocketAddress());
        }

        void run() {
            try {
                negotiateAndServe();
            } finally {
                if (slot) {
                    associationSlots.release();
                }
            }
        }

        private void negotiateAndServe() {
            Association association = null;
            try {
                Pdu first = channel.read(options.artimTimeout(), options.maxPduLength());
                awaitingRequest.remove(channel);
                if (!(first instanceof AssociateRequest rq)) {
                    abort(Abort.UNEXPECTED_PDU, "PDU " + first.getClass().getSimpleName() + " avant l'association");
                    return;
                }
                Pdu answer = policy.answer(rq);
                if (answer instanceof AssociateAccept) {
                    slot = associationSlots.tryAcquire();
                    if (!slot) {
                        answer = AcceptancePolicy.full();
                    }
                }
                if (answer instanceof AssociateReject rj) {
                    int held = refusalLog.pass("reject " + channel.socket().getInetAddress() + " " + rj.reason());
                    if (held >= 0) {
                        LOG.info("Association DICOM refusée de {} ({} → {}) : {}{}", peer,
                                LogSafe.text(rq.callingAeTitle()), LogSafe.text(rq.calledAeTitle()),
                                AcceptancePolicy.explain(rj), held > 0 ? " (" + held + " autre(s) refus semblable(s)"
                                        + " depuis la dernière mention)" : "");
                    }
                    channel.write(rj);
                    notifyRejection(rq, rj);
                    channel.closeAfterPeer(options.artimTimeout());
                    return;
                }
                AssociateAccept ac = (AssociateAccept) answer;
                channel.write(ac);
                association = establish(rq, ac);
                LOG.debug("Association DICOM acceptée : {}", association);
                PresentationHandler handler = handlers.open(association);
                while (true) {
                    Pdu pdu = association.next();
                    if (pdu instanceof PData data) {
                        handler.onData(data);
                    } else if (pdu instanceof ReleaseRequest) {
                        channel.write(new ReleaseResponse());
                        channel.closeAfterPeer(options.artimTimeout());
                        return;
                    } else if (pdu instanceof Abort abort) {
                        LOG.debug("A-ABORT reçu de {} (source {}, motif {})", peer, abort.source(), abort.reason());
                        return;
                    } else {
                        abort(Abort.UNEXPECTED_PDU, "PDU " + pdu.getClass().getSimpleName() + " inattendue");
                        return;
                    }
                }
            } catch (PduFormatException e) {
                abort(e.abortReason(), e.getMessage());
            } catch (SocketTimeoutException e) {
                if (association == null) {
                    int held = refusalLog.pass("artim " + channel.socket().getInetAddress());
                    if (held >= 0) {
                        LOG.info("Connexion DICOM de {} sans demande d'association dans le délai ARTIM : fermée{}", peer,
                                held > 0 ? " (" + held + " autre(s) depuis la dernière mention)" : "");
                    }
                } else {
                    abort(Abort.REASON_NOT_SPECIFIED, "association inactive au-delà de " + options.idleTimeout());
                }
            } catch (AssociationAbortedException e) {
                LOG.debug("Association DICOM de {} interrompue par le pair", peer);
            } catch (EOFException | SocketException e) {
                if (!stopping) {
                    LOG.info("Connexion DICOM de {} coupée : {}", peer, e.getMessage());
                }
            } catch (IOException e) {
                LOG.info("Connexion DICOM de {} : {}", peer, e.toString());
            } catch (RuntimeException e) {
                LOG.error("Erreur interne sur l'association DICOM de {}", peer, e);
                abort(Abort.REASON_NOT_SPECIFIED, "erreur interne");
            }
        }

        private void notifyRejection(AssociateRequest rq, AssociateReject rj) {
            if (rj.result() != AssociateReject.PERMANENT) {
                return;
            }
            try {
                rejections.rejected((InetSocketAddress) channel.socket().getRemoteSocketAddress(), rq.callingAeTitle(),
                        rq.calledAeTitle(), rj);
            } catch (RuntimeException e) {
                LOG.error("Refus d'association DICOM de {} non consigné : {}", peer, e.toString());
            }
        }

        private Association establish(AssociateRequest rq, AssociateAccept ac) {
            Map<Integer, Association.AcceptedContext> accepted = new HashMap<>();
            for (PresentationContextResult result : ac.contexts()) {
                if (result.accepted()) {
                    String abstractSyntax = rq.contexts().stream().filter(pc -> pc.id() == result.id()).findFirst()
                            .orElseThrow().abstractSyntax();
                    accepted.put(result.id(), new Association.AcceptedContext(result.id(), abstractSyntax,
                            TransferSyntax.ofUid(result.transferSyntax()).orElseThrow()));
                }
            }
            return new Association(channel, rq.callingAeTitle(), rq.calledAeTitle(), accepted,
                    rq.userInformation().maxPduLength(), options.maxPduLength(), options.idleTimeout());
        }

        private void abort(int reason, String why) {
            LOG.info("A-ABORT envoyé à {} : {}", peer, LogSafe.text(why));
            try {
                channel.write(new Abort(Abort.SOURCE_SERVICE_PROVIDER, reason));
            } catch (IOException e) {
                channel.close();
                return;
            }
            channel.closeAfterPeer(Duration.ofMillis(Math.min(1000, options.artimTimeout().toMillis())));
        }
    }

    private static Thread daemon(Runnable runnable, String name) {
        Thread thread = new Thread(runnable, name);
        thread.setDaemon(true);
        return thread;
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            // closing: nothing to do
        }
    }

    private static void joinQuietly(Thread thread, Duration wait) {
        if (thread == null) {
            return;
        }
        try {
            thread.join(wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
