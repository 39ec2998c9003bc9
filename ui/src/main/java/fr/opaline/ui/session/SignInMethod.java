package fr.opaline.ui.session;

/** How a user proved who they are. */
public enum SignInMethod {
    /** Pro Santé Connect, e-CPS approval on the phone (CIBA, SC.PSC.13). */
    PSC_CIBA,
    /** Pro Santé Connect in the system browser (authorization code + PKCE). */
    PSC_BROWSER,
    /** Local account and password. */
    PASSWORD,
    /** Local account, password and TOTP code (the DMP's AIR simplifié). */
    PASSWORD_TOTP,
    /** Demonstration only: a fictitious account picked from a list, without authentication. */
    DEMO
}
