package fr.opaline.core.audit;

import java.time.Instant;
import java.util.UUID;

/** One written audit event, with its place in the hash chain. */
public record AuditEvent(long seq, Instant occurredAt, UUID actorId, String actorLogin, String action,
                         UUID patientId, String objectType, String objectId, String detail,
                         String prevHash, String hash) {
}
