package fr.opaline.dmp.client;

/** The DMP could not be reached, did not answer in time, or answered it is unavailable: try again later. */
public final class DmpUnavailableException extends DmpException {

    public DmpUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public boolean transientFailure() {
        return true;
    }
}
