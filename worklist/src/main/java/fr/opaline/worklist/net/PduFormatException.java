package fr.opaline.worklist.net;

/**
 * A PDU the upper layer cannot accept: unknown type, wrong length, malformed item. Carries the
 * A-ABORT reason to answer with (PS3.8 table 9-26).
 */
public class PduFormatException extends Exception {

    private final int abortReason;

    public PduFormatException(String message, int abortReason) {
        super(message);
        this.abortReason = abortReason;
    }

    public int abortReason() {
        return abortReason;
    }
}
