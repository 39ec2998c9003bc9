package fr.opaline.dmp.vihf;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The VIHF's AuthnContextDecl per public sources (the old values were TOTP and PRO_SANTE_CONNECT). */
class AuthnContextDeclTest {

    /**
     * "Pour AIR Simplifié, une seule valeur CONF_EXI_PGSSIS est permise": DMP homologation requirement
     * EX_AIR-050, public in bitbucket.org/devbox-sante/homologation issue 195.
     */
    @Test
    void airSimplifieDeclaresConfExiPgssis() {
        assertThat(AccessAuthentication.AIR_SIMPLIFIE.vihfMode()).isEqualTo("INDIRECTE_RENFORCEE");
        assertThat(AccessAuthentication.AIR_SIMPLIFIE.authnContextDecl()).isEqualTo("CONF_EXI_PGSSIS");
    }

    /**
     * The ANS DRIMbox PoC, whose users sign in with Pro Santé Connect, sends APP_BROWSER_AUTH in
     * INDIRECTE_RENFORCEE mode (ansforge/DRIM-M_DRIMbox, Backend/src/main/java/com/bcom/drimbox/dmp/vihf/VIHF.java).
     */
    @Test
    void proSanteConnectDeclaresAppBrowserAuth() {
        assertThat(AccessAuthentication.PRO_SANTE_CONNECT.vihfMode()).isEqualTo("INDIRECTE_RENFORCEE");
        assertThat(AccessAuthentication.PRO_SANTE_CONNECT.authnContextDecl()).isEqualTo("APP_BROWSER_AUTH");
        assertThat(AccessAuthentication.INDIRECT.authnContextDecl()).isNull();
    }
}
