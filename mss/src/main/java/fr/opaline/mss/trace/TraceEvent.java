package fr.opaline.mss.trace;

import java.time.Instant;
import java.util.UUID;

/** One traced step of an MSSanté flow. */
public record TraceEvent(UUID id, Instant occurredAt, TraceStep step, String mailbox, String messageId,
                         String documentUid, UUID patientId, String actorLogin, String detail) {
}
