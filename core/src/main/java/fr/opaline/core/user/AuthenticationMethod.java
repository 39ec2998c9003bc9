package fr.opaline.core.user;

/** How a user proved who they are. */
public enum AuthenticationMethod {
    /** Local login and password. */
    LOCAL_PASSWORD(false),
    /** Local login, password and TOTP code (two factors, the "AIR simplifié" level). */
    LOCAL_PASSWORD_TOTP(true),
    /** Pro Santé Connect, CIBA (e-CPS on the professional's phone). */
    PSC_CIBA(true),
    /** Pro Santé Connect or another OpenID Connect provider, in the browser (code + PKCE). */
    OIDC_BROWSER(true);

    private final boolean strong;

    AuthenticationMethod(boolean strong) {
        this.strong = strong;
    }

    /** Two factors or a national e-identity: what DMP access requires (DICA checklist). */
    public boolean strong() {
        return strong;
    }
}
