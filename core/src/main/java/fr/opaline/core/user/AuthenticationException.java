package fr.opaline.core.user;

import fr.opaline.core.common.BusinessRuleException;
import java.time.Instant;

/** A refused login, with a French message for the user and a reason the desktop can act on. */
public final class AuthenticationException extends BusinessRuleException {
    private static final long serialVersionUID = 1L;

    public enum Reason {
        /** Unknown login, no local password or wrong password: the message does not say which. */
        BAD_CREDENTIALS,
        /** Too many failures: wait until {@link #lockedUntil()} or ask an administrator. */
        LOCKED,
        DISABLED,
        /** The password is right; the account has a TOTP second factor: ask for the code. */
        TOTP_REQUIRED,
        TOTP_INVALID,
        /** The password is right but expired or temporary: offer to change it. */
        PASSWORD_CHANGE_REQUIRED
    }

    private final Reason reason;
    private final transient Instant lockedUntil;

    public AuthenticationException(Reason reason, String message, Instant lockedUntil) {
        super(message);
        this.reason = reason;
        this.lockedUntil = lockedUntil;
    }

    public Reason reason() {
        return reason;
    }

    public Instant lockedUntil() {
        return lockedUntil;
    }
}
