package fr.opaline.ins.insi;

/**
 * The téléservice could not answer: unreachable, too slow, a SOAP fault, an HTTP error or an
 * answer that is not a complete INSi response. Nothing was changed; the message says so in French.
 */
public final class InsiException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public enum Kind { NOT_CONFIGURED, UNREACHABLE, TIMEOUT, HTTP_ERROR, SOAP_FAULT, MALFORMED_RESPONSE }

    private final Kind kind;
    private final String faultCode;

    public InsiException(Kind kind, String message, String faultCode, Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.faultCode = faultCode;
    }

    public InsiException(Kind kind, String message) {
        this(kind, message, null, null);
    }

    public Kind kind() {
        return kind;
    }

    /** The siram:Erreur code of a SOAP fault, when there was one. */
    public String faultCode() {
        return faultCode;
    }
}
