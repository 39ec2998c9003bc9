package fr.opaline.app.wiring;

import fr.opaline.app.config.ConfigException;
import fr.opaline.app.config.OpalineConfig;
import fr.opaline.app.server.ServerContribution;
import fr.opaline.core.lifecycle.ManagedService;
import fr.opaline.worklist.WorklistScp;
import fr.opaline.worklist.WorklistSettings;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The DICOM Modality Worklist SCP in the practice server, configured by the {@code worklist.*} keys.
 * Only the modalities of the catalogue's rooms and {@code worklist.acceptedCallingAeTitles} are
 * served unless {@code worklist.acceptAnyCallingAeTitle=true} (decision record 0200).
 */
public final class WorklistWiring implements ServerContribution {

    @Override
    public List<ManagedService> services(CoreServices core) {
        if (!core.config.getBoolean("worklist.enabled", true)) {
            return List.of();
        }
        return List.of(scp(core, settings(core.config, core.profile.name())));
    }

    public static WorklistScp scp(CoreServices core, WorklistSettings settings) {
        return new WorklistScp(settings, core.database, core.audit, core.clock.getZone());
    }

    /** The SCP's settings from configuration; a wrong value is a {@link ConfigException} naming the key. */
    public static WorklistSettings settings(OpalineConfig config, String institutionName) {
        WorklistSettings defaults = WorklistSettings.defaults();
        try {
            Set<String> callers = Arrays.stream(config.get("worklist.acceptedCallingAeTitles", "").split(","))
                    .map(String::trim).filter(s -> !s.isEmpty()).collect(Collectors.toSet());
            return new WorklistSettings(
                    config.get("worklist.aeTitle", defaults.aeTitle()),
                    config.get("worklist.bindAddress", defaults.bindAddress()),
                    config.getInt("worklist.port", defaults.port()),
                    callers,
                    config.getBoolean("worklist.acceptAnyCallingAeTitle", defaults.acceptAnyCallingAeTitle()),
                    config.getDuration("worklist.artimTimeout", defaults.artimTimeout()),
                    config.getDuration("worklist.idleTimeout", defaults.idleTimeout()),
                    config.getInt("worklist.maxPduLength", defaults.maxPduLength()),
                    config.getInt("worklist.maxAssociations", defaults.maxAssociations()),
                    config.getInt("worklist.maxAssociationsPerAddress", defaults.maxAssociationsPerAddress()),
                    config.getInt("worklist.maxResults", defaults.maxResults()),
                    WorklistSettings.charset(config.get("worklist.characterSet", defaults.characterSet().term())),
                    institutionName == null ? "" : institutionName);
        } catch (IllegalArgumentException e) {
            throw new ConfigException("Configuration de la worklist (worklist.*) : " + e.getMessage());
        }
    }
}
