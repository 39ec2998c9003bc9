package fr.opaline.psc.oidc;

import fr.opaline.core.common.BusinessRuleException;

/**
 * A refusal or failure of an identity provider, with a French message for the user and the
 * protocol error code ({@code access_denied}, {@code expired_token}, …) for the program.
 */
public class OidcException extends BusinessRuleException {
    private static final long serialVersionUID = 1L;

    /** Codes of failures that are not OAuth error codes. */
    public static final String UNREACHABLE = "unreachable";
    public static final String INVALID_RESPONSE = "invalid_response";
    public static final String INVALID_TOKEN = "invalid_token";
    public static final String NOT_CONFIGURED = "not_configured";

    private final String error;

    public OidcException(String error, String message) {
        super(message);
        this.error = error;
    }

    public OidcException(String error, String message, Throwable cause) {
        this(error, message);
        initCause(cause);
    }

    public String error() {
        return error;
    }
}
