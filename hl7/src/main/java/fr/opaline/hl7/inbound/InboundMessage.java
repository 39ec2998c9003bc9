package fr.opaline.hl7.inbound;

import ca.uhn.hl7v2.model.Message;
import fr.opaline.hl7.message.MshHeader;
import java.time.Instant;
import java.util.UUID;

/** A received message, stored and parsed, handed to the handler of its type. */
public record InboundMessage(UUID id, MshHeader header, String text, Message message, String remote,
                             Instant receivedAt) {
}
