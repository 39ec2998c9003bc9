package fr.opaline.server;

import fr.opaline.api.ApiEvent;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The changes made through the API, handed to every open event stream. A stream that does not
 * keep up (a thousand events behind) is dropped; its desktop reconnects and reloads.
 */
public final class EventHub implements AutoCloseable {

    static final int BACKLOG = 1000;
    private static final ApiEvent CLOSED = new ApiEvent("closed", null, null, null);

    private final Set<BlockingQueue<ApiEvent>> listeners = ConcurrentHashMap.newKeySet();

    public void publish(ApiEvent event) {
        for (BlockingQueue<ApiEvent> queue : listeners) {
            if (!queue.offer(event)) {
                listeners.remove(queue);
                queue.clear();
                queue.offer(CLOSED);
            }
        }
    }

    BlockingQueue<ApiEvent> subscribe() {
        BlockingQueue<ApiEvent> queue = new LinkedBlockingQueue<>(BACKLOG);
        listeners.add(queue);
        return queue;
    }

    void unsubscribe(BlockingQueue<ApiEvent> queue) {
        listeners.remove(queue);
    }

    /** The next event, null after the timeout; {@link #isEnd} tells a dropped or closed stream. */
    static ApiEvent next(BlockingQueue<ApiEvent> queue, long millis) throws InterruptedException {
        return queue.poll(millis, TimeUnit.MILLISECONDS);
    }

    static boolean isEnd(ApiEvent event) {
        return event == CLOSED;
    }

    int listeners() {
        return listeners.size();
    }

    @Override
    public void close() {
        for (BlockingQueue<ApiEvent> queue : listeners) {
            queue.offer(CLOSED);
        }
        listeners.clear();
    }
}
