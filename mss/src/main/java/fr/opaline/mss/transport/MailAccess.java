package fr.opaline.mss.transport;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.time.Duration;
import java.util.Properties;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;

/**
 * One mailbox's way into its operator: SMTP submission and IMAP over TLS with its credentials
 * (client certificate + SASL EXTERNAL, or XOAUTH2 with a PSC token). A refused token is renewed
 * and the connection opened again once; connection failures are reported as transient.
 */
public final class MailAccess {

    /** Jakarta Mail needs a password even when the mechanism (EXTERNAL) sends none. */
    private static final String NO_PASSWORD = "-";

    private final MailEndpoint smtp;
    private final MailEndpoint imap;
    private final MailTls tls;
    private final MailCredentials credentials;
    private final Session session;

    public MailAccess(MailEndpoint smtp, MailEndpoint imap, MailTls tls, MailCredentials credentials, Duration timeout) {
        if (credentials instanceof MailCredentials.ClientCertificate && !tls.presentsClientCertificate()) {
            throw new IllegalArgumentException("la BAL " + credentials.address() + " s'authentifie par certificat : "
                    + "aucun certificat client configuré");
        }
        this.smtp = smtp;
        this.imap = imap;
        this.tls = tls;
        this.credentials = credentials;
        Properties props = new Properties();
        if (smtp != null) {
            configure(props, smtp, timeout);
        }
        if (imap != null) {
            configure(props, imap, timeout);
        }
        this.session = Session.getInstance(props);
    }

    public String address() {
        return credentials.address();
    }

    public MailCredentials credentials() {
        return credentials;
    }

    /** The session to build messages with. */
    public Session session() {
        return session;
    }

    private void configure(Properties props, MailEndpoint endpoint, Duration timeout) {
        String p = "mail." + endpoint.mailProtocol() + ".";
        props.put(p + "host", endpoint.host());
        props.put(p + "port", Integer.toString(endpoint.port()));
        props.put(p + "ssl.socketFactory", tls.socketFactory());
        props.put(p + "ssl.checkserveridentity", "true");
        if (!endpoint.implicitTls()) {
            props.put(p + "starttls.enable", "true");
            props.put(p + "starttls.required", "true");
        }
        String millis = Long.toString(timeout.toMillis());
        props.put(p + "connectiontimeout", millis);
        props.put(p + "timeout", millis);
        props.put(p + "writetimeout", millis);
        if (endpoint.protocol() == MailEndpoint.Protocol.SMTP) {
            props.put(p + "auth", "true");
        }
        if (credentials instanceof MailCredentials.ClientCertificate) {
            props.put(p + "sasl.enable", "true");
            props.put(p + "sasl.mechanisms", "EXTERNAL");
            props.put(p + "sasl.authorizationid", credentials.address());
            props.put(p + "auth.mechanisms", "EXTERNAL");
        } else {
            props.put(p + "auth.mechanisms", "XOAUTH2");
        }
    }

    /** Submits a message built on {@link #session()} to its recipients. */
    public void send(MimeMessage message) {
        if (smtp == null) {
            throw new MailTransportException("Aucun serveur SMTP configuré pour " + address() + ".", true, null);
        }
        try (Transport transport = session.getTransport(smtp.mailProtocol())) {
            connect(transport, smtp);
            transport.sendMessage(message, message.getAllRecipients());
        } catch (MessagingException e) {
            throw classify("Envoi par " + smtp + " impossible", e);
        }
    }

    /** An IMAP store, authenticated; the caller closes it. */
    public Store openStore() {
        if (imap == null) {
            throw new MailTransportException("Aucun serveur IMAP configuré pour " + address() + ".", true, null);
        }
        try {
            Store store = session.getStore(imap.mailProtocol());
            connect(store, imap);
            return store;
        } catch (MessagingException e) {
            throw classify("Connexion IMAP à " + imap + " impossible", e);
        }
    }

    /** The token currently used, for a session that must reopen when it changes; null for a certificate. */
    String currentSecret() {
        return credentials instanceof MailCredentials.OAuthBearer bearer ? bearer.tokens().token() : null;
    }

    private void connect(jakarta.mail.Service service, MailEndpoint endpoint) throws MessagingException {
        if (credentials instanceof MailCredentials.OAuthBearer bearer) {
            try {
                service.connect(endpoint.host(), endpoint.port(), address(), bearer.tokens().token());
            } catch (AuthenticationFailedException refused) {
                // the token may have expired between the check and its use: renew once
                service.connect(endpoint.host(), endpoint.port(), address(), bearer.tokens().renewed());
            }
        } else {
            service.connect(endpoint.host(), endpoint.port(), address(), NO_PASSWORD);
        }
    }

    static MailTransportException classify(String what, MessagingException e) {
        if (e instanceof AuthenticationFailedException) {
            return new MailTransportException(what + " : authentification refusée par l'opérateur ("
                    + clean(e.getMessage()) + ").", true, e);
        }
        if (e instanceof SMTPAddressFailedException failed) {
            return new MailTransportException(what + " : adresse refusée " + failed.getAddress() + " ("
                    + failed.getReturnCode() + " " + clean(failed.getMessage()) + ").", failed.getReturnCode() >= 500, e);
        }
        if (e instanceof SendFailedException sendFailed) {
            Exception next = sendFailed.getNextException();
            if (next instanceof SMTPAddressFailedException failed) {
                return classify(what, failed);
            }
            if (sendFailed instanceof SMTPSendFailedException smtpFailed) {
                return new MailTransportException(what + " : " + smtpFailed.getReturnCode() + " " + clean(e.getMessage()),
                        smtpFailed.getReturnCode() >= 500, e);
            }
            boolean invalid = sendFailed.getInvalidAddresses() != null && sendFailed.getInvalidAddresses().length > 0;
            return new MailTransportException(what + " : " + clean(e.getMessage()), invalid, e);
        }
        Throwable cause = e.getCause();
        while (cause != null && !(cause instanceof IOException)) {
            cause = cause.getCause();
        }
        String reason = cause != null ? cause.getClass().getSimpleName() + " " + clean(cause.getMessage()) : clean(e.getMessage());
        return new MailTransportException(what + " : " + reason, false, e);
    }

    private static String clean(String s) {
        return s == null ? "" : s.strip().replaceAll("\\s+", " ");
    }
}
