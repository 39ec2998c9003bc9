package fr.opaline.dmp.feeding;

import java.time.Duration;

/**
 * @param deferral    how long a validated CR waits before it is sent (the user may hold or cancel
 *                    it meanwhile), {@code dmp.feeding.deferral}
 * @param maxAttempts attempts before a send is marked failed (then resent by a user); with the
 *                    outbox backoff (up to an hour between attempts) the default covers days of outage
 */
public record DmpFeedingSettings(Duration deferral, int maxAttempts) {

    public static final DmpFeedingSettings DEFAULT = new DmpFeedingSettings(Duration.ofMinutes(10), 200);
}
