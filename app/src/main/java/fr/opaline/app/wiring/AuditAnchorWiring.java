package fr.opaline.app.wiring;

import fr.opaline.app.server.ServerContribution;
import fr.opaline.core.lifecycle.ManagedService;
import fr.opaline.core.lifecycle.PeriodicTask;
import java.time.Duration;
import java.util.List;

/**
 * The practice server anchors the head of the audit chain outside the database at start and then
 * every {@code audit.anchorInterval} (default one day): one line in the server log and one in the
 * anchors file ({@code audit.anchorFile}).
 */
public final class AuditAnchorWiring implements ServerContribution {

    @Override
    public List<ManagedService> services(CoreServices core) {
        return List.of(new PeriodicTask("ancre du journal d'audit",
                core.config.getDuration("audit.anchorInterval", Duration.ofDays(1)), core.audit::anchor));
    }
}
