package fr.opaline.dmp.feeding;

import fr.opaline.core.outbox.JobState;
import java.time.Instant;
import java.util.UUID;

/**
 * Where a document stands with the DMP, for the record screen: no send, a send waiting (until
 * {@code dueAt}), held, in progress, acknowledged, failed or not sent (with the reason).
 */
public record FeedStatus(State state, UUID jobId, Instant dueAt, String reason) {

    public enum State {
        NONE("Non envoyé au DMP"),
        SCHEDULED("Envoi au DMP programmé"),
        HELD("Envoi au DMP suspendu"),
        SENDING("Envoi au DMP en cours"),
        IN_DMP("Dans le DMP"),
        FAILED("Envoi au DMP en échec"),
        CANCELLED("Envoi au DMP annulé");

        private final String label;

        State(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    static State of(JobState job) {
        return switch (job) {
            case PENDING -> State.SCHEDULED;
            case LEASED -> State.SENDING;
            case DONE -> State.IN_DMP;
            case FAILED -> State.FAILED;
            case HELD -> State.HELD;
            case CANCELLED -> State.CANCELLED;
        };
    }
}
