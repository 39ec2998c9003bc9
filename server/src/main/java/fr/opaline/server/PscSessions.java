package fr.opaline.server;

import fr.opaline.core.user.AuthenticatedSession;

/**
 * The proxy e-santé, as the API's sign-in sees it: the professional and local account a proxy
 * session authenticated (PSC CIBA or browser), checked from the address the desktop calls from.
 */
@FunctionalInterface
public interface PscSessions {

    /**
     * @throws fr.opaline.core.common.BusinessRuleException in French when the proxy session is
     *         unknown, ended, bound to another address, or not linked to an active account
     */
    AuthenticatedSession verify(String proxySession, String clientAddress);
}
