package fr.opaline.server;

import fr.opaline.api.ApiEvent;
import fr.opaline.api.QueueApi;
import fr.opaline.api.QueueEntry;
import fr.opaline.core.common.NotFoundException;
import fr.opaline.core.outbox.JobState;
import fr.opaline.core.outbox.Outbox;
import fr.opaline.core.outbox.OutboxJob;
import fr.opaline.core.patient.Patient;
import fr.opaline.core.patient.PatientRepository;
import fr.opaline.core.persistence.Database;
import fr.opaline.platform.http.HttpError;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** The feeding queue over core's outbox, which checks each action against the job's state and audits it. */
public final class QueueEndpoint implements QueueApi {

    static final int MAX_JOBS = 1000;

    private final Database database;
    private final Outbox outbox;
    private final EventHub events;
    private final Clock clock;

    public QueueEndpoint(Database database, Outbox outbox, EventHub events, Clock clock) {
        this.database = database;
        this.outbox = outbox;
        this.events = events;
        this.clock = clock;
    }

    @Override
    public List<QueueEntry> jobs(Set<JobState> states, int limit) {
        if (limit < 1 || limit > MAX_JOBS) {
            throw HttpError.badRequest("File d'envoi : de 1 à " + MAX_JOBS + " envois par lecture.");
        }
        List<OutboxJob> jobs = outbox.list(Set.of(), states == null ? Set.of() : states, null, limit);
        PatientRepository patients = new PatientRepository(database.dsl());
        Map<UUID, Optional<Patient>> read = new HashMap<>();
        return jobs.stream().map(job -> {
            Patient patient = job.patientId() == null ? null
                    : read.computeIfAbsent(job.patientId(), patients::findById).orElse(null);
            return new QueueEntry(withoutPayload(job), patient == null ? null : patient.displayLastName(),
                    patient == null ? null : patient.displayFirstName());
        }).toList();
    }

    @Override
    public Map<JobState, Integer> counts() {
        return outbox.countByState(Set.of());
    }

    @Override
    public void hold(UUID jobId) {
        outbox.hold(require(jobId), Call.signedIn().actor());
        changed(jobId);
    }

    @Override
    public void resume(UUID jobId) {
        outbox.resume(require(jobId), Call.signedIn().actor());
        changed(jobId);
    }

    @Override
    public void cancel(UUID jobId) {
        outbox.cancel(require(jobId), Call.signedIn().actor());
        changed(jobId);
    }

    @Override
    public void sendNow(UUID jobId) {
        OutboxJob job = outbox.find(require(jobId)).orElseThrow(() -> new NotFoundException("Envoi introuvable"));
        if (job.state() == JobState.FAILED) {
            outbox.resend(jobId, Call.signedIn().actor());
        } else {
            outbox.sendNow(jobId, Call.signedIn().actor());
        }
        changed(jobId);
    }

    /**
     * Tells every desktop of each attempt the outbox workers of this process record:
     * {@code send.succeeded}, {@code send.failed} (given up), {@code queue.changed} (a retry waits).
     */
    public static void publishOutcomes(Outbox outbox, EventHub events, Clock clock) {
        outbox.onOutcome((job, now) -> events.publish(new ApiEvent(now == JobState.DONE ? "send.succeeded"
                : now == JobState.FAILED ? "send.failed" : "queue.changed", job.id(), null, clock.instant())));
    }

    private void changed(UUID jobId) {
        events.publish(new ApiEvent("queue.changed", jobId, null, clock.instant()));
    }

    private static UUID require(UUID jobId) {
        if (jobId == null) {
            throw HttpError.badRequest("Envoi non précisé.");
        }
        return jobId;
    }

    /** The payload (a document, references) stays on the server: the screen shows state, subject and error. */
    private static OutboxJob withoutPayload(OutboxJob j) {
        return new OutboxJob(j.id(), j.type(), null, j.idempotencyKey(), j.state(), j.dueAt(), j.attempts(),
                j.maxAttempts(), j.lastError(), j.leaseOwner(), j.leaseToken(), j.leaseUntil(), j.patientId(),
                j.subject(), j.createdBy(), j.createdAt(), j.updatedAt(), j.finishedAt());
    }
}
