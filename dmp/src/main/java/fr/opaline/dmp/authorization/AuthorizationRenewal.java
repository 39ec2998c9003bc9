package fr.opaline.dmp.authorization;

import fr.opaline.core.common.Actor;
import fr.opaline.core.common.Json;
import fr.opaline.core.outbox.JobRequest;
import fr.opaline.core.outbox.Outbox;
import fr.opaline.dmp.feeding.DmpJobTypes;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;

/**
 * Finds the individual authorisations that end within {@code margin} while their care episode is
 * still open, and puts one {@link DmpJobTypes#AUTHORIZATION} outbox job each (the TD0.4 renewal is
 * a send to the DMP like any other: durable, retried). Idempotent: the key names the authorisation
 * and the end it renews, so several servers scanning at once renew it once.
 */
public final class AuthorizationRenewal {

    /** Name of the periodic service that runs {@link #scan()} in the practice server. */
    public static final String SERVICE_NAME = "dmp-authorization-renewal";

    public static final Duration DEFAULT_MARGIN = Duration.ofDays(14);

    /** Payload of a renewal job. */
    public record Payload(UUID authorizationId) {
    }

    private final DmpAuthorizations authorizations;
    private final Outbox outbox;
    private final Clock clock;
    private final Duration margin;

    public AuthorizationRenewal(DmpAuthorizations authorizations, Outbox outbox, Clock clock, Duration margin) {
        this.authorizations = authorizations;
        this.outbox = outbox;
        this.clock = clock;
        this.margin = margin;
    }

    /** One pass; returns how many renewals were newly scheduled. */
    public int scan() {
        int added = 0;
        for (DmpAuthorizations.Held held : authorizations.dueForRenewal(clock.instant().plus(margin))) {
            String key = DmpJobTypes.AUTHORIZATION + ":" + held.id() + ":" + held.expiresAt().toEpochMilli();
            if (outbox.findByIdempotencyKey(key).isPresent()) {
                continue;
            }
            outbox.enqueue(JobRequest.of(DmpJobTypes.AUTHORIZATION, Json.write(new Payload(held.id())))
                    .idempotencyKey(key).maxAttempts(50)
                    .about(held.patientId(), "Renouvellement de l'autorisation d'accès au DMP (RPPS " + held.rpps() + ")"),
                    Actor.system("dmp-authorization"));
            added++;
        }
        return added;
    }
}
