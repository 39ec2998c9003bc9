package fr.opaline.documents.cda;

/** A received CDA document that cannot be read; the message says why, in French. */
public class CdaReadException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public CdaReadException(String message) {
        super(message);
    }

    public CdaReadException(String message, Throwable cause) {
        super(message, cause);
    }
}
