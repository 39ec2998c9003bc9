package fr.opaline.ui.outbox;

import fr.opaline.core.outbox.JobState;
import fr.opaline.core.outbox.OutboxJob;

/** One job of the outbox as the queue screen shows it: the job, its destination and its patient's name. */
public record QueuedJob(OutboxJob job, Destination destination, String patientName) {

    public JobState state() {
        return job.state();
    }

    /** Waiting (deferral, backoff) or held: can be sent now, without waiting for its due time. */
    public boolean canSendNow() {
        return state() == JobState.PENDING || state() == JobState.HELD || state() == JobState.FAILED;
    }

    public boolean canHold() {
        return state() == JobState.PENDING;
    }

    public boolean canResume() {
        return state() == JobState.HELD;
    }

    public boolean canCancel() {
        return state() == JobState.PENDING || state() == JobState.HELD || state() == JobState.FAILED;
    }
}
