package fr.opaline.core.audit;

/**
 * The audit chain cannot be written or checked with the key at hand (absent, or another one than
 * the chain's). The message is for the operator, in French, and says what to do.
 */
public final class AuditKeyException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    AuditKeyException(String message) {
        super(message);
    }
}
