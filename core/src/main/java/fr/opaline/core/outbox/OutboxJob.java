package fr.opaline.core.outbox;

import java.time.Instant;
import java.util.UUID;

/** A durable job: one send to an external system, with its delivery state. */
public record OutboxJob(UUID id, String type, String payload, String idempotencyKey, JobState state, Instant dueAt,
                        int attempts, int maxAttempts, String lastError, String leaseOwner, UUID leaseToken,
                        Instant leaseUntil, UUID patientId, String subject, String createdBy, Instant createdAt,
                        Instant updatedAt, Instant finishedAt) {
}
