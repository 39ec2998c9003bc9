package fr.opaline.psc.code;

import fr.opaline.core.common.BusinessRuleException;
import java.net.URI;

/**
 * Redirect URIs of a desktop application (RFC 8252 §7.3): plain HTTP to a loopback IP literal,
 * any port. Anything else would let an authorization code leave the workstation.
 */
public final class LoopbackRedirect {

    private LoopbackRedirect() {
    }

    public static URI check(URI uri) {
        if (uri == null || !"http".equals(uri.getScheme()) || uri.getPort() < 1 || uri.getRawFragment() != null
                || !("127.0.0.1".equals(uri.getHost()) || "[::1]".equals(uri.getHost()))) {
            throw new BusinessRuleException("Adresse de retour refusée : seule une adresse de bouclage "
                    + "http://127.0.0.1:<port>/… du poste est acceptée (" + uri + ").");
        }
        return uri;
    }
}
