package fr.opaline.dmp.vihf;

/**
 * How the professional behind a DMP transaction was authenticated, as the VIHF states it
 * ({@code Authentification_Mode} and the SAML AuthnContext). The practice's certificate always
 * authenticates the structure on the TLS channel ("authentification indirecte").
 */
public enum AccessAuthentication {
    /** Background feeding on behalf of the author: the structure vouches (profil alimentation). */
    INDIRECT("INDIRECTE", null),
    /**
     * AIR simplifié: local login with a second factor (TOTP), the structure vouches (FINESS white
     * list). AuthnContextDecl {@code CONF_EXI_PGSSIS}: "Pour AIR Simplifié, une seule valeur
     * CONF_EXI_PGSSIS est permise" (DMP homologation requirement EX_AIR-050, public in
     * bitbucket.org/devbox-sante/homologation issue 195).
     */
    AIR_SIMPLIFIE("INDIRECTE_RENFORCEE", "CONF_EXI_PGSSIS"),
    /**
     * Pro Santé Connect (e-CPS / CPS): the PSC access token travels with the VIHF. AuthnContextDecl
     * {@code APP_BROWSER_AUTH}, what the ANS DRIMbox PoC sends for its PSC-authenticated users in
     * INDIRECTE_RENFORCEE mode (ansforge/DRIM-M_DRIMbox, Backend/…/dmp/vihf/VIHF.java).
     */
    PRO_SANTE_CONNECT("INDIRECTE_RENFORCEE", "APP_BROWSER_AUTH");

    /** SAML AuthnContextClassRef: the structure is authenticated by its TLS client certificate. */
    public static final String AUTHN_CONTEXT_TLS = "urn:oasis:names:tc:SAML:2.0:ac:classes:TLSClient";

    private final String vihfMode;
    private final String authnContextDecl;

    AccessAuthentication(String vihfMode, String authnContextDecl) {
        this.vihfMode = vihfMode;
        this.authnContextDecl = authnContextDecl;
    }

    /** Value of the VIHF attribute {@code Authentification_Mode}. */
    public String vihfMode() {
        return vihfMode;
    }

    /** The AuthnContextDecl naming the user's second factor; null for indirect feeding. */
    public String authnContextDecl() {
        return authnContextDecl;
    }

    /** A transaction made with the user's own strong authentication (consultation), not in the background. */
    public boolean interactive() {
        return this != INDIRECT;
    }
}
