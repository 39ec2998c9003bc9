package fr.opaline.mss.inbound;

import fr.opaline.core.common.Actor;
import fr.opaline.mss.outbound.OutboundMessage;
import fr.opaline.mss.outbound.OutboundMessages;
import fr.opaline.mss.outbound.OutboundStatus;
import fr.opaline.mss.trace.MssTrace;
import fr.opaline.mss.trace.TraceStep;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;

/**
 * Delivery status notifications (RFC 3464) and message disposition notifications (RFC 8098)
 * about messages Opaline sent: the {@code mss_outbound} row is found by the envelope id (its own
 * id, given at submission) or by the Original-Message-ID, and its status moves forward.
 */
final class ReceiptReports {

    private static final Actor ACTOR = Actor.system("mss-reception");

    private ReceiptReports() {
    }

    static boolean isReport(Part message) throws MessagingException {
        return message.isMimeType("multipart/report");
    }

    /** Applies the report; empty when it is about no message Opaline sent. */
    static Optional<String> apply(DSLContext ctx, Part message, MssTrace trace, Clock clock, String mailbox)
            throws MessagingException, IOException {
        if (!(message.getContent() instanceof Multipart parts)) {
            return Optional.empty();
        }
        for (int i = 0; i < parts.getCount(); i++) {
            BodyPart part = parts.getBodyPart(i);
            boolean dsn = part.isMimeType("message/delivery-status");
            boolean mdn = part.isMimeType("message/disposition-notification");
            if (!dsn && !mdn) {
                continue;
            }
            Map<String, String> fields = fields(new String(part.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
            OutboundMessages outbound = new OutboundMessages(ctx);
            Optional<OutboundMessage> about = Optional.empty();
            String envelope = fields.get("original-envelope-id");
            if (envelope != null) {
                try {
                    about = outbound.find(UUID.fromString(envelope.trim()));
                } catch (IllegalArgumentException notOurs) {
                    about = Optional.empty();
                }
            }
            String original = fields.get("original-message-id");
            if (about.isEmpty() && original != null) {
                about = outbound.byMessageId(original.trim());
            }
            if (about.isEmpty()) {
                return Optional.empty();
            }
            OutboundMessage m = about.get();
            OutboundStatus next = dsn ? dsnStatus(fields.getOrDefault("action", "")) : mdnStatus(fields.getOrDefault("disposition", ""));
            if (next == null) {
                return Optional.empty();
            }
            String detail = dsn ? fields.getOrDefault("status", "") + " " + fields.getOrDefault("diagnostic-code", "")
                    : fields.getOrDefault("disposition", "") + " " + fields.getOrDefault("error", "");
            if (m.status().canBecome(next)) {
                outbound.update(m.id(), next, detail.strip(), clock.instant());
            }
            trace.record(ctx, dsn ? TraceStep.DELIVERY_REPORT : TraceStep.READ_REPORT,
                    new MssTrace.At(mailbox, m.messageId(), m.documentUid(), m.patientId()), ACTOR,
                    next.label() + " – " + m.recipient() + " (" + detail.strip() + ")");
            return Optional.of(next.label() + " : " + m.recipient());
        }
        return Optional.empty();
    }

    private static OutboundStatus dsnStatus(String action) {
        return switch (action.trim().toLowerCase(Locale.ROOT)) {
            case "delivered", "relayed", "expanded" -> OutboundStatus.REMIS;
            case "failed" -> OutboundStatus.NON_REMIS;
            case "delayed" -> OutboundStatus.RETARDE;
            default -> null;
        };
    }

    private static OutboundStatus mdnStatus(String disposition) {
        String d = disposition.toLowerCase(Locale.ROOT);
        String type = d.contains(";") ? d.substring(d.indexOf(';') + 1).trim() : d.trim();
        if (type.contains("/error") || type.startsWith("failed") || type.startsWith("deleted")) {
            return OutboundStatus.ERREUR_DESTINATAIRE;
        }
        if (type.startsWith("processed") || type.startsWith("dispatched")) {
            return OutboundStatus.TRAITE;
        }
        return type.startsWith("displayed") ? OutboundStatus.LU : null;
    }

    /** The fields of a DSN or MDN body (header blocks; the first occurrence of each name wins). */
    static Map<String, String> fields(String text) {
        Map<String, String> fields = new HashMap<>();
        String name = null;
        StringBuilder value = new StringBuilder();
        for (String line : text.split("\r?\n")) {
            if (!line.isEmpty() && Character.isWhitespace(line.charAt(0)) && name != null) {
                value.append(' ').append(line.strip());
                continue;
            }
            if (name != null) {
                fields.putIfAbsent(name, value.toString().strip());
                name = null;
            }
            int colon = line.indexOf(':');
            if (colon > 0) {
                name = line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
                value = new StringBuilder(line.substring(colon + 1));
            }
        }
        if (name != null) {
            fields.putIfAbsent(name, value.toString().strip());
        }
        return fields;
    }
}
