package fr.opaline.mss.transport;

/**
 * A failure talking to the operator. {@code permanent}: retrying the same thing cannot succeed
 * (refused address, refused credentials after a renewed token); otherwise it is an outage.
 */
public final class MailTransportException extends RuntimeException {

    private final boolean permanent;

    public MailTransportException(String message, boolean permanent, Throwable cause) {
        super(message, cause);
        this.permanent = permanent;
    }

    public boolean permanent() {
        return permanent;
    }
}
