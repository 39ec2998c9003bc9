package fr.opaline.ui.session;

/** A sign-in refused or failed; the message is for the user (French) and says what to do. */
public class AuthenticationException extends Exception {
    private static final long serialVersionUID = 1L;

    public AuthenticationException(String message) {
        super(message);
    }

    public AuthenticationException(String message, Throwable cause) {
        super(message, cause);
    }
}
