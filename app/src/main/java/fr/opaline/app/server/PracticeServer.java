package fr.opaline.app.server;

import fr.opaline.core.lifecycle.ManagedService;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The headless practice server: starts its services in order, stops them in reverse order,
 * giving work in flight time to finish. The same class runs inside the single-seat desktop.
 */
public final class PracticeServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PracticeServer.class);

    private final List<ManagedService> services;
    private final List<ManagedService> started = new ArrayList<>();

    public PracticeServer(List<ManagedService> services) {
        this.services = List.copyOf(services);
    }

    public List<ManagedService> services() {
        return services;
    }

    public synchronized void start() throws Exception {
        for (ManagedService service : services) {
            try {
                service.start();
                started.add(service);
                LOG.info("Started {}", service.name());
            } catch (Exception e) {
                LOG.error("Could not start {}: {}", service.name(), e.toString());
                stop(Duration.ofSeconds(5));
                throw e;
            }
        }
    }

    public synchronized void stop(Duration grace) {
        List<ManagedService> reverse = new ArrayList<>(started);
        Collections.reverse(reverse);
        for (ManagedService service : reverse) {
            try {
                service.stop(grace);
            } catch (RuntimeException e) {
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
