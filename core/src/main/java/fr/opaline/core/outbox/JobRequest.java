package fr.opaline.core.outbox;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A job to enqueue. The idempotency key makes enqueueing the same send twice a no-op
 * (e.g. "dmp-feed:" + document uid).
 *
 * @param dueAt null for "as soon as possible"; later for a deferred send
 */
public record JobRequest(String type, String payload, String idempotencyKey, Instant dueAt, int maxAttempts,
                         UUID patientId, String subject) {

    public static final int DEFAULT_MAX_ATTEMPTS = 20;

    public JobRequest {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(payload, "payload");
        if (maxAttempts <= 0) {
            maxAttempts = DEFAULT_MAX_ATTEMPTS;
        }
    }

    public static JobRequest of(String type, String payload) {
        return new JobRequest(type, payload, null, null, DEFAULT_MAX_ATTEMPTS, null, null);
    }

    public JobRequest idempotencyKey(String key) {
        return new JobRequest(type, payload, key, dueAt, maxAttempts, patientId, subject);
    }

    public JobRequest dueAt(Instant when) {
        return new JobRequest(type, payload, idempotencyKey, when, maxAttempts, patientId, subject);
    }

    public JobRequest maxAttempts(int attempts) {
        return new JobRequest(type, payload, idempotencyKey, dueAt, attempts, patientId, subject);
    }

    /** The patient concerned and a one-line description, for the queue screen. */
    public JobRequest about(UUID patient, String description) {
        return new JobRequest(type, payload, idempotencyKey, dueAt, maxAttempts, patient, description);
    }
}
