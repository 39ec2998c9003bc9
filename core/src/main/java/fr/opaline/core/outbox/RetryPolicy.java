package fr.opaline.core.outbox;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/** Exponential backoff with ±20 % jitter, so that a returning peer is not hit by every job at once. */
public record RetryPolicy(Duration first, Duration max, double jitter) {

    public static final RetryPolicy DEFAULT = new RetryPolicy(Duration.ofSeconds(15), Duration.ofHours(1), 0.2);

    public Duration delayAfter(int attempts) {
        int exponent = Math.max(0, Math.min(attempts - 1, 20));
        double base = Math.min(first.toMillis() * Math.pow(2, exponent), max.toMillis());
        double factor = jitter == 0 ? 1 : 1 + ThreadLocalRandom.current().nextDouble(-jitter, jitter);
        return Duration.ofMillis(Math.round(Math.min(base * factor, max.toMillis())));
    }
}
