package fr.opaline.app.wiring;

import fr.opaline.app.config.OpalineConfig;
import fr.opaline.app.server.ServerContribution;
import fr.opaline.core.lifecycle.ManagedService;
import fr.opaline.worklist.WorklistScp;
import fr.opaline.worklist.WorklistSettings;
import java.util.List;

/**
 * The DICOM Modality Worklist SCP in the practice server, configured by the {@code worklist.*} keys.
 * The settings are {@link WorklistSettings#from}, read once per process. Only the modalities of the catalogue's rooms and {@code worklist.acceptedCallingAeTitles} are
 * served unless {@code worklist.acceptAnyCallingAeTitle=true} (decision record 0200).
 */
public final class WorklistWiring implements ServerContribution {

    @Override
    public List<ManagedService> services(CoreServices core) {
        if (!WorklistSettings.enabled(core.config)) {
            return List.of();
        }
        return List.of(scp(core, settings(core)));
    }

    public static WorklistScp scp(CoreServices core, WorklistSettings settings) {
        return new WorklistScp(settings, core.database, core.audit, core.clock.getZone());
    }

    /**
     * The process's worklist settings, read once ({@link WorklistSettings#from}) and shared by the
     * server and the CLI; a wrong value is refused in French naming the key.
     */
    public static WorklistSettings settings(CoreServices core) {
        return core.shared(WorklistSettings.class, () -> WorklistSettings.from(core.config, core.profile.name()));
    }

    /** Settings read from {@code config} alone (commands that serve the worklist without the server). */
    public static WorklistSettings settings(OpalineConfig config, String institutionName) {
        return WorklistSettings.from(config, institutionName);
    }
}
