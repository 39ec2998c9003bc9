package fr.opaline.worklist.net;

import java.io.IOException;

/**
 * What runs on top of an established association (DIMSE, here). Called on the association's
 * thread for every P-DATA-TF; it answers through {@link Association#sendMessage}.
 */
public interface PresentationHandler {

    void onData(Pdu.PData data) throws IOException, PduFormatException;

    /** Opens the handler of a newly established association. */
    @FunctionalInterface
    interface Factory {
        PresentationHandler open(Association association);
    }
}
