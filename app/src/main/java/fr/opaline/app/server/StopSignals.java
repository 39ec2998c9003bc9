package fr.opaline.app.server;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sun.misc.Signal;

/**
 * Turns SIGTERM ({@code systemctl stop}) and SIGINT (Ctrl-C) into an orderly stop, before the
 * JVM starts its shutdown. A JVM shutdown hook would run at the same time as H2's own hook,
 * which closes the embedded database under the feet of the work still finishing; handling the
 * signal instead lets the services finish, then the pool close, then the process exit
 * normally. A second signal while stopping ends the process at once.
 */
public final class StopSignals {

    private static final Logger LOG = LoggerFactory.getLogger(StopSignals.class);

    private StopSignals() {
    }

    /** Runs {@code stop} on a new thread at the first signal; halts the JVM at the second. */
    public static void install(Runnable stop) {
        AtomicInteger received = new AtomicInteger();
        for (String name : List.of("TERM", "INT")) {
            try {
                Signal.handle(new Signal(name), signal -> {
                    if (received.incrementAndGet() == 1) {
                        LOG.info("SIG{} received: stopping", name);
                        new Thread(stop, "stop-on-sig" + name.toLowerCase(java.util.Locale.ROOT)).start();
                    } else {
                        LOG.warn("SIG{} received again: stopping now, work in flight is abandoned", name);
                        Runtime.getRuntime().halt(128 + signal.getNumber());
                    }
                });
            } catch (IllegalArgumentException e) {
                LOG.debug("Signal {} not available here: the JVM shutdown hook stops the server", name);
            }
        }
    }
}
