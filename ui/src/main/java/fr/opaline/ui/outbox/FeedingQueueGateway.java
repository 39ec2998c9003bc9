package fr.opaline.ui.outbox;

import fr.opaline.api.QueueApi;
import fr.opaline.api.client.ApiClient;
import fr.opaline.core.common.Actor;
import fr.opaline.core.outbox.JobState;
import fr.opaline.ui.patient.PatientNames;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * The durable outbox for the queue screen, through the practice server's API ({@link QueueApi}):
 * reads and the users' actions, each of which the server checks (role, job state) and audits in
 * the signed-in user's name (the actor given here is not sent). Blocking: call off the FX thread.
 */
public final class FeedingQueueGateway {

    private final ApiClient client;

    public FeedingQueueGateway(ApiClient client) {
        this.client = Objects.requireNonNull(client, "client");
    }

    private QueueApi api() {
        return client.api(QueueApi.class);
    }

    /** The newest jobs in {@code states} (empty: all), with their patients' names. */
    public List<QueuedJob> jobs(Set<JobState> states, int limit) {
        return api().jobs(states, limit).stream().map(entry -> new QueuedJob(entry.job(),
                Destination.of(entry.job().type()), entry.patientLastName() == null ? null
                : PatientNames.display(entry.patientLastName(), entry.patientFirstName()))).toList();
    }

    public Map<JobState, Integer> counts() {
        return api().counts();
    }

    public void hold(UUID job, Actor actor) {
        api().hold(job);
    }

    public void resume(UUID job, Actor actor) {
        api().resume(job);
    }

    public void cancel(UUID job, Actor actor) {
        api().cancel(job);
    }

    /** "Relancer maintenant": a failed job from a fresh count of attempts, a waiting or held one at once. */
    public void sendNow(QueuedJob job, Actor actor) {
        api().sendNow(job.job().id());
    }
}
