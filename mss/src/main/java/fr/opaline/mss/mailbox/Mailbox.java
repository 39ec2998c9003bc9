package fr.opaline.mss.mailbox;

import java.time.Instant;
import java.util.UUID;

/** One MSSanté mailbox of the practice; {@code ownerUserId} is the radiologist of a BAL personnelle. */
public record Mailbox(UUID id, MailboxKind kind, String address, UUID ownerUserId, String label, boolean active,
                      Instant createdAt) {
}
