package fr.opaline.worklist.net;

import fr.opaline.worklist.data.TransferSyntax;
import fr.opaline.worklist.net.Pdu.Abort;
import fr.opaline.worklist.net.Pdu.PData;
import fr.opaline.worklist.net.Pdu.Pdv;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Map;

/**
 * An established association, from either side: the negotiated presentation contexts, the
 * peer's maximum PDU length (honoured when sending), and the PDU stream. Incoming P-DATA is
 * checked against the accepted contexts and the announced maximum length.
 */
public final class Association {

    /** A presentation context both sides agreed on. */
    public record AcceptedContext(int id, String abstractSyntax, TransferSyntax transferSyntax) {
    }

    /** When the peer announces no limit, messages are still cut into PDUs of this size. */
    static final int DEFAULT_SEND_PDU = 64 * 1024;

    private final PduChannel channel;
    private final String callingAeTitle;
    private final String calledAeTitle;
    private final Map<Integer, AcceptedContext> contexts;
    private final long peerMaxPdu;
    private final long ownMaxPdu;
    private final Duration idleTimeout;
    private final Deque<Pdu> deferred = new ArrayDeque<>();

    Association(PduChannel channel, String callingAeTitle, String calledAeTitle, Map<Integer, AcceptedContext> contexts,
                long peerMaxPdu, long ownMaxPdu, Duration idleTimeout) {
        this.channel = channel;
        this.callingAeTitle = callingAeTitle;
        this.calledAeTitle = calledAeTitle;
        this.contexts = Map.copyOf(contexts);
        this.peerMaxPdu = peerMaxPdu;
        this.ownMaxPdu = ownMaxPdu;
        this.idleTimeout = idleTimeout;
    }

    public String callingAeTitle() {
        return callingAeTitle;
    }

    public String calledAeTitle() {
        return calledAeTitle;
    }

    public InetSocketAddress remoteAddress() {
        return (InetSocketAddress) channel.socket().getRemoteSocketAddress();
    }

    public Map<Integer, AcceptedContext> contexts() {
        return contexts;
    }

    public AcceptedContext context(int id) {
        return contexts.get(id);
    }

    /** The first accepted context for an abstract syntax, or null. */
    public AcceptedContext contextFor(String abstractSyntax) {
        return contexts.values().stream().filter(c -> c.abstractSyntax().equals(abstractSyntax))
                .min(Comparator.comparingInt(AcceptedContext::id)).orElse(null);
    }

    public long peerMaxPdu() {
        return peerMaxPdu;
    }

    /**
     * Sends one DIMSE message: the command, then the data set if any, each cut into fragments
     * so that no P-DATA-TF exceeds the peer's maximum length (PS3.8 9.3.5.1).
     */
    public void sendMessage(int contextId, byte[] command, byte[] dataset) throws IOException {
        long peerLimit = peerMaxPdu == 0 ? DEFAULT_SEND_PDU : peerMaxPdu;
        int maxFragment = (int) Math.max(1, Math.min(Integer.MAX_VALUE, peerLimit - 6));
        writeFragments(contextId, true, command, maxFragment);
        if (dataset != null) {
            writeFragments(contextId, false, dataset, maxFragment);
        }
        channel.flush();
    }

    private void writeFragments(int contextId, boolean command, byte[] bytes, int maxFragment) throws IOException {
        int offset = 0;
        do {
            int length = Math.min(maxFragment, bytes.length - offset);
            boolean last = offset + length == bytes.length;
            byte[] fragment = Arrays.copyOfRange(bytes, offset, offset + length);
            channel.writeRaw(PduCodec.encode(new PData(List.of(new Pdv(contextId, command, last, fragment)))));
            offset += length;
        } while (offset < bytes.length);
    }

    /** The next PDU: one put back with {@link #defer} first, else one read within the idle timeout. */
    public Pdu next() throws IOException, PduFormatException {
        return next(idleTimeout);
    }

    public Pdu next(Duration timeout) throws IOException, PduFormatException {
        Pdu pdu = deferred.pollFirst();
        if (pdu == null) {
            pdu = channel.read(timeout, ownMaxPdu);
        }
        if (pdu instanceof PData data) {
            for (Pdv pdv : data.values()) {
                if (!contexts.containsKey(pdv.contextId())) {
                    throw new PduFormatException("PDV sur le contexte de présentation " + pdv.contextId()
                            + " non accepté", Abort.INVALID_PDU_PARAMETER_VALUE);
                }
            }
        }
        return pdu;
    }

    /** Whether bytes of a new PDU have arrived (deferred PDUs not counted). */
    public boolean hasIncoming() throws IOException {
        return channel.hasIncoming();
    }

    /** Puts a PDU back to be handled after the operation in progress (e.g. an early release request). */
    public void defer(Pdu pdu) {
        deferred.addLast(pdu);
    }

    /** Ends the association in order: A-RELEASE-RQ, wait for A-RELEASE-RP, close. */
    public void release() throws IOException {
        try {
            channel.write(new Pdu.ReleaseRequest());
            while (true) {
                Pdu pdu = channel.read(idleTimeout, ownMaxPdu);
                if (pdu instanceof Pdu.ReleaseResponse || pdu instanceof Abort) {
                    return;
                }
            }
        } catch (PduFormatException e) {
            throw new IOException("Réponse illisible à la demande de libération : " + e.getMessage(), e);
        } finally {
            channel.close();
        }
    }

    /** Ends the association at once with A-ABORT. */
    public void abort(int source, int reason) {
        try {
            channel.write(new Abort(source, reason));
        } catch (IOException e) {
            // the connection is going away anyway
        }
        channel.closeAfterPeer(Duration.ofMillis(500));
    }

    /** Closes the connection without any PDU (what a crashed peer looks like). */
    public void closeAbruptly() {
        channel.close();
    }

    PduChannel channel() {
        return channel;
    }

    @Override
    public String toString() {
        return callingAeTitle + " → " + calledAeTitle + " (" + remoteAddress() + ")";
    }
}
