package fr.opaline.api.client;

import fr.opaline.core.common.StatusRefusal;

/**
 * A call the practice server refused or could not answer; the message is the server's, in French,
 * for the user. {@link #status()} is the HTTP status (0: server unreachable).
 */
public class ApiException extends StatusRefusal {
    private static final long serialVersionUID = 1L;

    public ApiException(int status, String error, String message) {
        super(status, error, message);
    }
}
