package fr.opaline.hl7.mllp;

import java.net.InetAddress;

/** What a listener does with each frame: the bytes of the answer (an ACK) to send back. */
@FunctionalInterface
public interface MllpHandler {

    /**
     * @param frame      the received frame (for an oversized or screened-out one, only its head)
     * @param connection who sent it, as the network says
     * @return the answer to frame back, or null to close the connection without answering
     */
    byte[] onFrame(MllpFrameReader.Frame frame, MllpConnection connection);

    /**
     * Whether a connection from this address is one of the declared peers' (served from the main
     * pool) or a stranger's (served from a small pool of its own, its messages read only as far as
     * their header). Called on the accept thread: must be quick.
     */
    default boolean knownSource(InetAddress address) {
        return true;
    }

    /**
     * Once a frame grows past its head ({@link MllpFrameReader#HEAD} bytes): whether the rest is
     * worth keeping. False when the head already shows that the message will be refused: the rest
     * is then read and dropped, costing neither memory nor disk.
     */
    default boolean wantsBody(byte[] head, MllpConnection connection) {
        return true;
    }
}
