package fr.opaline.hl7.message;

import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Message control ids (MSH-10, at most 20 characters in v2.5): unique across restarts and
 * processes without shared state — time in base 36 plus a per-process random prefix and counter.
 * An outbox send uses the id derived from its job, the same on every attempt, so that the peer
 * recognises a resend as a duplicate.
 */
public final class ControlIds {

    private static final String PROCESS = Long.toString(Math.floorMod(UUID.randomUUID().getLeastSignificantBits(),
            36L * 36 * 36), 36);
    private static final AtomicLong COUNTER = new AtomicLong();

    private ControlIds() {
    }

    public static String next() {
        String time = Long.toString(System.currentTimeMillis(), 36);
        String count = Long.toString(COUNTER.incrementAndGet() % (36L * 36 * 36 * 36), 36);
        return ("O" + time + pad(PROCESS, 3) + pad(count, 4)).toUpperCase(Locale.ROOT);
    }

    /** The id of the message an outbox job sends: stable across its attempts. */
    public static String forJob(UUID jobId) {
        return ("J" + jobId.toString().replace("-", "").substring(0, 19)).toUpperCase(Locale.ROOT);
    }

    private static String pad(String s, int width) {
        return "0".repeat(Math.max(0, width - s.length())) + s;
    }
}
