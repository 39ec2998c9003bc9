package fr.opaline.hl7.mllp;

import java.io.IOException;

/** The peer broke the MLLP framing: the connection is closed, nothing is acknowledged. */
public final class MllpProtocolException extends IOException {

    private static final long serialVersionUID = 1L;

    public MllpProtocolException(String message) {
        super(message);
    }
}
