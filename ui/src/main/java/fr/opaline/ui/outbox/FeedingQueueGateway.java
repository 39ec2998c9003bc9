package fr.opaline.ui.outbox;

import fr.opaline.core.common.Actor;
import fr.opaline.core.outbox.JobState;
import fr.opaline.core.outbox.Outbox;
import fr.opaline.core.outbox.OutboxJob;
import fr.opaline.core.patient.PatientRepository;
import fr.opaline.ui.patient.PatientNames;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * The durable outbox for the queue screen: reads and the users' actions, each of which core
 * checks (state) and audits. Blocking: call off the FX thread.
 */
public final class FeedingQueueGateway {

    private final Outbox outbox;
    private final fr.opaline.core.persistence.Database database;

    public FeedingQueueGateway(Outbox outbox, fr.opaline.core.persistence.Database database) {
        this.outbox = Objects.requireNonNull(outbox, "outbox");
        this.database = database;
    }

    /** The newest jobs in {@code states} (empty: all), with their patients' names. */
    public List<QueuedJob> jobs(Set<JobState> states, int limit) {
        List<OutboxJob> jobs = outbox.list(Set.of(), states, null, limit);
        PatientRepository patients = new PatientRepository(database.dsl());
        Map<UUID, String> names = new HashMap<>();
        return jobs.stream().map(job -> new QueuedJob(job, Destination.of(job.type()), job.patientId() == null ? null
                : names.computeIfAbsent(job.patientId(),
                        id -> patients.findById(id).map(PatientNames::display).orElse(null)))).toList();
    }

    public Map<JobState, Integer> counts() {
        return outbox.countByState(Set.of());
    }

    public void hold(UUID job, Actor actor) {
        outbox.hold(job, actor);
    }

    public void resume(UUID job, Actor actor) {
        outbox.resume(job, actor);
    }

    public void cancel(UUID job, Actor actor) {
        outbox.cancel(job, actor);
    }

    /** "Relancer maintenant": a failed job from a fresh count of attempts, a waiting or held one at once. */
    public void sendNow(QueuedJob job, Actor actor) {
        if (job.state() == JobState.FAILED) {
            outbox.resend(job.job().id(), actor);
        } else {
            outbox.sendNow(job.job().id(), actor);
        }
    }
}
