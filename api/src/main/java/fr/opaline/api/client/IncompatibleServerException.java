package fr.opaline.api.client;

/** The practice server speaks an API version this desktop cannot use; the desktop stops. */
public final class IncompatibleServerException extends ApiException {
    private static final long serialVersionUID = 1L;

    public IncompatibleServerException(String message) {
        super(0, "incompatible_server", message);
    }
}
