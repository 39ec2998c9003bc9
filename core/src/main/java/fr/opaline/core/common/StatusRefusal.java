package fr.opaline.core.common;

/**
 * A refusal a server of the practice answered (the practice server's API, the proxy e-santé): a
 * status for programs (HTTP's: 401 no session, 403 not allowed…; 0 when the server could not be
 * reached), an error code, and the French message for people.
 */
public class StatusRefusal extends BusinessRuleException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final String error;

    public StatusRefusal(int status, String error, String message) {
        super(message);
        this.status = status;
        this.error = error;
    }

    public int status() {
        return status;
    }

    public String error() {
        return error;
    }

    /** 401: no session, or it expired, was revoked or is locked: sign in again. */
    public boolean sessionEnded() {
        return status == 401;
    }
}
