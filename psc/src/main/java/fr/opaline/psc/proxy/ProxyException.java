package fr.opaline.psc.proxy;

import fr.opaline.core.common.BusinessRuleException;

/** A refusal of the proxy e-santé, with the HTTP status and error code the workstation receives. */
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
}
