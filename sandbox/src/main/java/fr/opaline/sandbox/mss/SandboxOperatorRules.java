package fr.opaline.sandbox.mss;

import java.util.List;

/** What the sandbox's protocol fronts ask the sandbox operator. */
interface SandboxOperatorRules {

    /** The BAL applicative whose certificate this is may open a session with SASL EXTERNAL. */
    boolean isApplicative(String address);

    /** The store's own password of a mailbox (never given out: the front uses it after checking a certificate). */
    String storePassword(String address);

    /** Recipients the sandbox cannot deliver to (they bounce with a failure DSN). */
    boolean unreachable(String address);

    /** One SMTP transaction the store accepted (or bounced entirely), for DSN and simulated read receipts. */
    void delivered(SmtpTransaction transaction);

    /** A recipient of a transaction with its DSN parameters (RFC 3461). */
    record Recipient(String address, List<String> notifications, String originalRecipient, boolean forwarded) {
    }

    /** A finished transaction: envelope, DSN parameters and the message as received. */
    record SmtpTransaction(String authenticated, String mailFrom, String envelopeId, String ret, List<Recipient> recipients,
                           byte[] message) {
    }
}
