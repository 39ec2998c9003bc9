package fr.opaline.documents.xdm;

/** A received XDM archive refused or unreadable; the message says why, in French. */
public final class XdmException extends RuntimeException {

    public XdmException(String message) {
        super(message);
    }

    public XdmException(String message, Throwable cause) {
        super(message, cause);
    }
}
