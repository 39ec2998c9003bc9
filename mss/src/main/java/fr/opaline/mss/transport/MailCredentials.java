package fr.opaline.mss.transport;

import java.util.Objects;

/**
 * How Opaline authenticates to a mailbox: the BAL applicative by the certificate presented in the
 * TLS handshake, then SASL EXTERNAL (RFC 4422) naming the mailbox; a personal or organisational
 * mailbox by XOAUTH2 with the professional's Pro Santé Connect access token.
 */
public sealed interface MailCredentials {

    String address();

    record ClientCertificate(String address) implements MailCredentials {
        public ClientCertificate {
            Objects.requireNonNull(address, "address");
        }
    }

    record OAuthBearer(String address, TokenSource tokens) implements MailCredentials {
        public OAuthBearer {
            Objects.requireNonNull(address, "address");
            Objects.requireNonNull(tokens, "tokens");
        }
    }
}
