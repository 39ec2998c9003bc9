package fr.opaline.mss.outbound;

import java.time.Instant;
import java.util.UUID;

/**
 * One message to one recipient. {@code recipient} is null until resolved when only the RPPS of
 * the referring physician was known (the directory gives the address at sending time).
 */
public record OutboundMessage(UUID id, String messageId, Purpose purpose, String documentUid, UUID reportVersionId,
                              UUID patientId, String sender, String recipient, String recipientRpps,
                              String recipientName, RecipientKind recipientKind, OutboundStatus status,
                              String statusDetail, Instant createdAt, Instant submittedAt, Instant deliveredAt,
                              Instant readAt, Instant updatedAt) {
}
