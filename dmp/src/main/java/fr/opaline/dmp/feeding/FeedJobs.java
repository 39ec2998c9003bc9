package fr.opaline.dmp.feeding;

import static fr.opaline.core.persistence.generated.Tables.OUTBOX_JOB;

import fr.opaline.core.outbox.JobState;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;

/** Reads the state of the feeding jobs of a document, in the caller's transaction. */
final class FeedJobs {

    /** The state of one job as the feeding rules need it. */
    record Seen(UUID id, JobState state, int attempts, String lastError) {
        /** Waiting with no attempt made: nothing of it can have reached the DMP. */
        boolean neverTried() {
            return (state == JobState.PENDING || state == JobState.HELD) && attempts == 0;
        }

        /** Still able to reach the DMP later (in progress, retrying or held after an attempt). */
        boolean active() {
            return state == JobState.LEASED || (state == JobState.PENDING || state == JobState.HELD) && attempts > 0;
        }
    }

    private FeedJobs() {
    }

    static Optional<Seen> byKey(DSLContext ctx, String key) {
        return ctx.select(OUTBOX_JOB.ID, OUTBOX_JOB.STATE, OUTBOX_JOB.ATTEMPTS, OUTBOX_JOB.LAST_ERROR).from(OUTBOX_JOB)
                .where(OUTBOX_JOB.IDEMPOTENCY_KEY.eq(key))
                .fetchOptional(r -> new Seen(r.value1(), JobState.valueOf(r.value2()), r.value3(), r.value4()));
    }
}
