package fr.opaline.psc.api;

import fr.opaline.core.common.StatusRefusal;

/**
 * A refusal of the proxy e-santé: HTTP status, error code for programs, French message for people.
 * Thrown by the server, and by the workstation's client when it receives one.
 */
public final class ProxyException extends StatusRefusal {
    private static final long serialVersionUID = 1L;

    public ProxyException(int status, String error, String message) {
        super(status, error, message);
    }
}
