package fr.opaline.core.persistence;

/**
 * The database cannot be opened, for a reason the operator can act on: the embedded H2 file is
 * held by another process (the practice server), or it is unreadable. The message is in French
 * and says what to do.
 */
public final class DatabaseUnavailableException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public enum Reason {
        /** The H2 file is open in another process (H2 runs without AUTO_SERVER: one process at a time). */
        IN_USE,
        /** The H2 file exists but cannot be read (corrupted, truncated, not an H2 file). */
        UNREADABLE,
        /** The H2 file is gone while backups exist: starting would create an empty database. */
        MISSING
    }

    private final Reason reason;

    public DatabaseUnavailableException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
