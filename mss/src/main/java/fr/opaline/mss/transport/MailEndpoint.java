package fr.opaline.mss.transport;

import java.net.URI;
import java.util.Locale;

/**
 * Where an MSSanté operator's SMTP submission or IMAP service listens, always over TLS:
 * {@code smtps://host:465} / {@code imaps://host:993} (TLS from the first byte) or
 * {@code smtp://host:587} / {@code imap://host:143} (STARTTLS, required). Clear text is never used.
 */
public record MailEndpoint(Protocol protocol, String host, int port, boolean implicitTls) {

    public enum Protocol { SMTP, IMAP }

    public static MailEndpoint parse(String uri) {
        URI u;
        try {
            u = URI.create(uri.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("adresse invalide « " + uri + " »");
        }
        String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
        if (u.getHost() == null) {
            throw new IllegalArgumentException("hôte absent dans « " + uri + " »");
        }
        return switch (scheme) {
            case "smtps" -> new MailEndpoint(Protocol.SMTP, u.getHost(), port(u, 465), true);
            case "smtp" -> new MailEndpoint(Protocol.SMTP, u.getHost(), port(u, 587), false);
            case "imaps" -> new MailEndpoint(Protocol.IMAP, u.getHost(), port(u, 993), true);
            case "imap" -> new MailEndpoint(Protocol.IMAP, u.getHost(), port(u, 143), false);
            default -> throw new IllegalArgumentException("schéma « " + scheme + " » inconnu (smtps, smtp, imaps ou imap)");
        };
    }

    /** The Jakarta Mail protocol name: smtps/smtp, imaps/imap. */
    String mailProtocol() {
        return protocol.name().toLowerCase(Locale.ROOT) + (implicitTls ? "s" : "");
    }

    @Override
    public String toString() {
        return mailProtocol() + "://" + host + ":" + port;
    }

    private static int port(URI u, int fallback) {
        return u.getPort() > 0 ? u.getPort() : fallback;
    }
}
