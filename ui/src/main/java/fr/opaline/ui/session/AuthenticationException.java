package fr.opaline.ui.session;

/** A sign-in refused or failed; the message is for the user (French) and says what to do. */
public class AuthenticationException extends Exception {
    private static final long serialVersionUID = 1L;

    /** What the sign-in screen does next. */
    public enum Next {
        /** Show the message; the user starts again. */
        RETRY,
        /** The password is right; ask for the account's TOTP code. */
        TOTP_CODE,
        /** The TOTP code is wrong or already used: ask for another one. */
        ANOTHER_TOTP_CODE,
        /** The password is right but temporary or expired: ask for a new one. */
        NEW_PASSWORD
    }

    private final Next next;

    public AuthenticationException(String message) {
        this(Next.RETRY, message, null);
    }

    public AuthenticationException(String message, Throwable cause) {
        this(Next.RETRY, message, cause);
    }

    public AuthenticationException(Next next, String message, Throwable cause) {
        super(message, cause);
        this.next = next;
    }

    public Next next() {
        return next;
    }
}
