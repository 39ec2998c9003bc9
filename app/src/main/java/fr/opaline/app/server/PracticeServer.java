package fr.opaline.app.server;

import fr.opaline.core.lifecycle.ManagedService;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The headless practice server: starts its services in order, stops them in reverse order,
 * giving work in flight time to finish. The same class runs inside the single-seat desktop.
 * The grace given to {@link #stop(Duration)} is one deadline for the whole server, not a
 * delay per service, so that a stop never takes longer than configured (plus a short floor
 * per service to close its sockets).
 */
public final class PracticeServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PracticeServer.class);
    /** Each service gets at least this long to close, even once the deadline has passed. */
    static final Duration MINIMUM_STOP = Duration.ofSeconds(1);

    /** Where a service is in its lifecycle, as the health endpoint shows it. */
    public enum State { NEW, STARTING, RUNNING, STOPPING, STOPPED, FAILED }

    private final List<ManagedService> services;
    private final List<ManagedService> started = new ArrayList<>();
    private final Map<ManagedService, State> states = new ConcurrentHashMap<>();

    public PracticeServer(List<ManagedService> services) {
        this.services = List.copyOf(services);
        this.services.forEach(s -> states.put(s, State.NEW));
    }

    public List<ManagedService> services() {
        return services;
    }

    /** Each service's state, in start order. */
    public Map<ManagedService, State> states() {
        Map<ManagedService, State> ordered = new LinkedHashMap<>();
        services.forEach(s -> ordered.put(s, states.get(s)));
        return ordered;
    }

    public synchronized void start() throws Exception {
        for (ManagedService service : services) {
            try {
                states.put(service, State.STARTING);
                service.start();
                started.add(service);
                states.put(service, State.RUNNING);
                LOG.info("Started {}", service.name());
            } catch (Exception e) {
                states.put(service, State.FAILED);
                LOG.error("Could not start {}: {}", service.name(), e.toString());
                stop(Duration.ofSeconds(5));
                throw e;
            }
        }
    }

    /** Stops the started services in reverse order within one overall {@code grace}. */
    public synchronized void stop(Duration grace) {
        Instant deadline = Instant.now().plus(grace);
        List<ManagedService> reverse = new ArrayList<>(started);
        Collections.reverse(reverse);
        for (ManagedService service : reverse) {
            Duration left = Duration.between(Instant.now(), deadline);
            try {
                states.put(service, State.STOPPING);
                service.stop(left.compareTo(MINIMUM_STOP) < 0 ? MINIMUM_STOP : left);
                states.put(service, State.STOPPED);
                LOG.info("Stopped {}", service.name());
            } catch (RuntimeException e) {
                states.put(service, State.FAILED);
                LOG.warn("Stopping {}: {}", service.name(), e.toString());
            }
        }
        started.clear();
    }

    @Override
    public void close() {
        stop(Duration.ofSeconds(30));
    }
}
