package fr.opaline.api.client;

import fr.opaline.core.common.BusinessRuleException;

/**
 * A call the practice server refused or could not answer; the message is the server's, in French,
 * for the user. {@link #status()} is the HTTP status (0: server unreachable).
 */
public class ApiException extends BusinessRuleException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final String error;

    public ApiException(int status, String error, String message) {
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

    /** 401: no session, or it expired, was revoked or is locked; the desktop asks the user to sign in again. */
    public boolean sessionEnded() {
        return status == 401;
    }
}
