package fr.opaline.mss.directory;

/** The directory could not answer; the message says why, in French. */
public final class DirectoryException extends RuntimeException {

    public DirectoryException(String message, Throwable cause) {
        super(message, cause);
    }
}
