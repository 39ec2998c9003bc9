package fr.opaline.app.server;

import fr.opaline.app.wiring.CoreServices;
import fr.opaline.core.lifecycle.ManagedService;
import fr.opaline.core.outbox.JobHandler;
import java.util.List;

/**
 * What one module adds to the practice server: long-running services (listeners, pollers) and
 * the outbox job handlers it executes. Each module's wiring implements one; the list is in
 * {@link ServerAssembly}.
 */
public interface ServerContribution {

    default List<ManagedService> services(CoreServices core) {
        return List.of();
    }

    default List<JobHandler> jobHandlers(CoreServices core) {
        return List.of();
    }
}
