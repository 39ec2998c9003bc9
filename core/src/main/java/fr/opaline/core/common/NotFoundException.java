package fr.opaline.core.common;

/** A referenced record does not exist. The message is meant for the user (French). */
public class NotFoundException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public NotFoundException(String message) {
        super(message);
    }
}
