package fr.opaline.mss.outbound;

import fr.opaline.mss.transport.MailAccess;

/**
 * The way into the operator for a sending mailbox: the BAL applicative with its certificate, a
 * radiologist's BAL personnelle with the token of their open PSC session. Wiring provides it.
 */
@FunctionalInterface
public interface SenderAccess {

    /** @throws fr.opaline.mss.transport.MailTransportException when the mailbox cannot be reached (not configured, no PSC session) */
    MailAccess forAddress(String address);
}
