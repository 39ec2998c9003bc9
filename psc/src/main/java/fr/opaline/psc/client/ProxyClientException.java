package fr.opaline.psc.client;

import fr.opaline.core.common.BusinessRuleException;

/** The proxy e-santé refused a request; the message (French) comes from the server. */
public final class ProxyClientException extends BusinessRuleException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final String error;

    public ProxyClientException(int status, String error, String message) {
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
