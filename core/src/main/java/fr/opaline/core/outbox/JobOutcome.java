package fr.opaline.core.outbox;

import java.time.Duration;

/** What a handler reports after one attempt. */
public sealed interface JobOutcome {

    /** Delivered (or found already delivered): the job is done. */
    record Done() implements JobOutcome {
    }

    /** A transient failure: try again after {@code after}, or after the backoff when null. */
    record Retry(String reason, Duration after) implements JobOutcome {
    }

    /** A permanent failure: stop trying, keep the job for a user to look at. */
    record Failed(String reason) implements JobOutcome {
    }

    static JobOutcome done() {
        return new Done();
    }

    static JobOutcome retry(String reason) {
        return new Retry(reason, null);
    }

    static JobOutcome retryAfter(String reason, Duration after) {
        return new Retry(reason, after);
    }

    static JobOutcome failed(String reason) {
        return new Failed(reason);
    }
}
