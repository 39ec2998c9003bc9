package fr.opaline.api;

import fr.opaline.core.outbox.JobState;
import fr.opaline.core.user.Role;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The feeding queue ("File d'envoi"): the outbox's jobs and the users' actions on them, each
 * checked (state) and audited by core. Front desk, radiologists and administrators; not technologists.
 */
@Area("queue")
public interface QueueApi {

    /** The newest jobs in {@code states} (empty or null: all), at most {@code limit} (1 to 1000). */
    @Access(roles = {Role.SECRETAIRE, Role.RADIOLOGUE, Role.ADMINISTRATEUR}, purpose = "consulter la file d'envoi")
    List<QueueEntry> jobs(Set<JobState> states, int limit);

    /** Jobs per state in the whole outbox. */
    @Access(roles = {Role.SECRETAIRE, Role.RADIOLOGUE, Role.ADMINISTRATEUR}, purpose = "consulter la file d'envoi")
    Map<JobState, Integer> counts();

    @Access(roles = {Role.SECRETAIRE, Role.RADIOLOGUE, Role.ADMINISTRATEUR}, purpose = "suspendre un envoi")
    void hold(UUID jobId);

    @Access(roles = {Role.SECRETAIRE, Role.RADIOLOGUE, Role.ADMINISTRATEUR}, purpose = "reprendre un envoi")
    void resume(UUID jobId);

    @Access(roles = {Role.SECRETAIRE, Role.RADIOLOGUE, Role.ADMINISTRATEUR}, purpose = "annuler un envoi")
    void cancel(UUID jobId);

    /** A failed job from a fresh count of attempts, a waiting or held one at once. */
    @Access(roles = {Role.SECRETAIRE, Role.RADIOLOGUE, Role.ADMINISTRATEUR}, purpose = "relancer un envoi")
    void sendNow(UUID jobId);
}
