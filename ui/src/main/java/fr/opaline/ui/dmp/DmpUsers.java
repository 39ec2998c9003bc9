package fr.opaline.ui.dmp;

import fr.opaline.dmp.DmpUser;
import fr.opaline.dmp.vihf.AccessAuthentication;
import fr.opaline.ui.session.AuthenticatedUser;

/**
 * The signed-in user as the DMP sees them. Pro Santé Connect (CIBA or browser) is the DMP's
 * strong authentication; a local password with its TOTP code is AIR simplifié, a password alone
 * gives no DMP access. In {@code opaline demo} only, the fictitious
 * account picked from the list stands for AIR simplifié, so the sandbox DMP can be consulted.
 */
public final class DmpUsers {

    private DmpUsers() {
    }

    public static DmpUser of(AuthenticatedUser user, boolean demo) {
        AccessAuthentication mode = switch (user.method()) {
            case PSC_CIBA, PSC_BROWSER -> AccessAuthentication.PRO_SANTE_CONNECT;
            case DEMO -> demo ? AccessAuthentication.AIR_SIMPLIFIE : null;
            case PASSWORD_TOTP -> AccessAuthentication.AIR_SIMPLIFIE;
            case PASSWORD -> null;
        };
        return new DmpUser(user.account(), mode, null);
    }
}
