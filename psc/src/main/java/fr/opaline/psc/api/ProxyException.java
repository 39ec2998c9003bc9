package fr.opaline.psc.api;

import fr.opaline.core.common.BusinessRuleException;

/**
 * A refusal of the proxy e-santé: HTTP status, error code for programs, French message for people.
 * Thrown by the server, and by the workstation's client when it receives one.
 */
public final class ProxyException extends BusinessRuleException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final String error;

    public ProxyException(int status, String error, String message) {
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

    /** The session handle is no longer valid: log in again. */
    public boolean sessionEnded() {
        return status == 401;
    }
}
