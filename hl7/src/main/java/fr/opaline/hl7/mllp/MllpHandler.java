package fr.opaline.hl7.mllp;

/** What a listener does with each frame: the bytes of the answer (an ACK) to send back. */
@FunctionalInterface
public interface MllpHandler {

    /**
     * @param frame  the received frame (for an oversized one, only its head)
     * @param remote the peer's address, for the trace
     * @return the answer to frame back, or null to close the connection without answering
     */
    byte[] onFrame(MllpFrameReader.Frame frame, String remote);
}
