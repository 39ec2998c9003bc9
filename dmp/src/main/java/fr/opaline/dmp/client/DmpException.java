package fr.opaline.dmp.client;

/** A DMP transaction that did not succeed; the message is in French, for the user. */
public abstract class DmpException extends Exception {

    protected DmpException(String message, Throwable cause) {
        super(message, cause);
    }

    /** True when trying again later may succeed (DMP unreachable, overloaded or failing). */
    public abstract boolean transientFailure();
}
