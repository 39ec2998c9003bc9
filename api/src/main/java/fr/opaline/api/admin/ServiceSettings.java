package fr.opaline.api.admin;

import java.util.List;
import java.util.Objects;

/**
 * One service of the practice server as its settings record says it, read (never changed) by the
 * Administration screen: its state and its main settings, none of them secret (passwords and keys
 * never leave the server).
 *
 * @param service  as the administrator names it ("DMP", "INSi", "MSSanté"…)
 * @param state    "actif", "désactivé" or "bac à sable" for a national service (an unset address switches
 *                 it off); "actif" / "désactivé" for the worklist and the HL7 listener; "configuré" /
 *                 "non configuré" for the others
 * @param settings key → value, in the order an administrator reads them
 */
public record ServiceSettings(String service, String state, List<Setting> settings) {

    /** One setting: its configuration key and its value as the server reads it. */
    public record Setting(String key, String value) {
        public Setting {
            Objects.requireNonNull(key, "key");
        }
    }

    public ServiceSettings {
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(state, "state");
        settings = settings == null ? List.of() : List.copyOf(settings);
    }
}
