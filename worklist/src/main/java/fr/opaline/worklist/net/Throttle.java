package fr.opaline.worklist.net;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Lets one event per key through per window (e.g. one log line or one audit entry per source
 * address and minute), so that a flood cannot flood the log or the audit trail; counts what it
 * held back so the next one let through can say how many there were. Bounded: past
 * {@code maxKeys} keys it forgets them all.
 */
public final class Throttle {

    private record Window(long startNanos, int suppressed) {
    }

    private final long windowNanos;
    private final int maxKeys;
    private final ConcurrentHashMap<String, Window> windows = new ConcurrentHashMap<>();

    public Throttle(Duration window, int maxKeys) {
        this.windowNanos = window.toNanos();
        this.maxKeys = maxKeys;
    }

    /**
     * Whether the event for {@code key} may go through now.
     *
     * @return -1 to hold it back, otherwise how many were held back for this key since the last one let through
     */
    public int pass(String key) {
        if (windows.size() > maxKeys) {
            windows.clear();
        }
        long now = System.nanoTime();
        int[] result = {-1};
        windows.compute(key, (k, w) -> {
            if (w == null || now - w.startNanos() >= windowNanos) {
                result[0] = w == null ? 0 : w.suppressed();
                return new Window(now, 0);
            }
            return new Window(w.startNanos(), w.suppressed() + 1);
        });
        return result[0];
    }
}
