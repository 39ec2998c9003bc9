package fr.opaline.api.admin;

import java.time.Instant;
import java.util.UUID;

/** An MSSanté mailbox as the API carries it (the mss module's {@code Mailbox}; the kind by its name). */
public record MailboxEntry(UUID id, String kind, String address, UUID ownerUserId, String label, boolean active,
                           Instant createdAt) {
}
