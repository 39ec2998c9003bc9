package fr.opaline.psc.api;

/** Where a login through the proxy e-santé stands, as the workstation sees it. */
public enum LoginState {
    /** Waiting for the professional (e-CPS approval, browser login). Poll again later. */
    PENDING,
    /** Authenticated and linked to a local account: the session handle opens the workstation. */
    AUTHENTICATED,
    /** Authenticated, but no local account is linked yet: choose a candidate or prove an account. */
    LINK_REQUIRED,
    DENIED,
    EXPIRED,
    CANCELLED,
    FAILED;

    public boolean finished() {
        return this != PENDING;
    }
}
