package fr.opaline.api;

import fr.opaline.core.outbox.JobState;
import java.time.Instant;
import java.util.UUID;

/**
 * An exam and the practice's teleradiology platform: {@code platform} null when none is
 * configured; {@code request} / {@code cancellation} null when not asked, else the state of the
 * ORM's send (the outbox job).
 */
public record TeleradiologyAssignment(UUID orderId, String accessionNumber, String platform, Send request,
                                      Send cancellation) {

    /** One ORM's send: its state, when it was asked, the last error if any. */
    public record Send(JobState state, Instant askedAt, String lastError) {
    }

    public boolean assigned() {
        return request != null && cancellation == null;
    }
}
