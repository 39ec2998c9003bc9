package fr.opaline.dmp.client;

/**
 * The DMP refused the request (SOAP fault from the sender side, or registry errors): repeating it
 * unchanged gives the same answer. {@code code} is the DMP's or XDS's error code.
 */
public final class DmpRejectedException extends DmpException {

    private final String code;

    public DmpRejectedException(String code, String message) {
        super(message, null);
        this.code = code;
    }

    public String code() {
        return code;
    }

    @Override
    public boolean transientFailure() {
        return false;
    }
}
