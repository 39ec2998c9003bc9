package fr.opaline.api;

import fr.opaline.core.outbox.JobState;
import fr.opaline.core.outbox.OutboxJob;
import java.time.Instant;

/**
 * The latest outbox job of one channel for a report, or none.
 *
 * @param state   null when nothing was sent (or is waiting) on this channel
 * @param dueAt   when a waiting send leaves (the DMP deferral, or the next retry)
 */
public record SendStatus(SendChannel channel, JobState state, String subject, String lastError, Instant updatedAt,
                         Instant dueAt) {

    public static SendStatus none(SendChannel channel) {
        return new SendStatus(channel, null, null, null, null, null);
    }

    public static SendStatus of(SendChannel channel, OutboxJob job) {
        return new SendStatus(channel, job.state(), job.subject(), job.lastError(), job.updatedAt(), job.dueAt());
    }
}
