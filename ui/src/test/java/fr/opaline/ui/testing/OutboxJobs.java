package fr.opaline.ui.testing;

import fr.opaline.core.common.Actor;
import fr.opaline.core.outbox.JobOutcome;
import fr.opaline.core.outbox.JobRequest;
import fr.opaline.core.outbox.Outbox;
import fr.opaline.core.patient.Patient;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;

/** Jobs of the real outbox in the states the feeding queue screen shows, made the way workers make them. */
public final class OutboxJobs {

    private final Outbox outbox;
    private final Actor actor;

    public OutboxJobs(Outbox outbox, Actor actor) {
        this.outbox = outbox;
        this.actor = actor;
    }

    /** A CR waiting for its deferral before the DMP feed. */
    public UUID pending(String type, Patient patient, String subject, Duration deferral) {
        return outbox.enqueue(JobRequest.of(type, "{}").dueAt(outbox.clock().instant().plus(deferral))
                .about(patient == null ? null : patient.id(), subject), actor);
    }

    /** A send a worker tried and gave up on with {@code error}. */
    public UUID failed(String type, Patient patient, String subject, String error) {
        return attempted(type, patient, subject, JobOutcome.failed(error));
    }

    /** A send a worker delivered. */
    public UUID done(String type, Patient patient, String subject) {
        return attempted(type, patient, subject, JobOutcome.done());
    }

    private UUID attempted(String type, Patient patient, String subject, JobOutcome outcome) {
        UUID id = outbox.enqueue(JobRequest.of(type, "{}").about(patient == null ? null : patient.id(), subject), actor);
        var lease = outbox.leaseNext(Set.of(type), "test-worker", Duration.ofMinutes(1)).orElseThrow();
        if (!lease.job().id().equals(id)) {
            throw new IllegalStateException("another job of type " + type + " was due");
        }
        outbox.complete(lease, outcome);
        return id;
    }
}
