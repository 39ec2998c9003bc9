package fr.opaline.core.setup;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The outcome of checking setup answers: the normalised values to keep, the refused ones with
 * the reason, warnings that do not prevent saving, and what each certificate turned out to be.
 */
public record SetupReport(Map<String, String> accepted, Map<String, String> errors, List<String> warnings,
                          Map<String, CertificateInspector.Summary> certificates) {

    public SetupReport {
        accepted = Collections.unmodifiableMap(new LinkedHashMap<>(accepted));
        errors = Collections.unmodifiableMap(new LinkedHashMap<>(errors));
        warnings = List.copyOf(warnings);
        certificates = Collections.unmodifiableMap(new LinkedHashMap<>(certificates));
    }

    public boolean ok() {
        return errors.isEmpty();
    }

    /** Accepted values kept in one place (database or configuration file). */
    public Map<String, String> accepted(SetupField.Storage storage) {
        Map<String, String> values = new LinkedHashMap<>();
        accepted.forEach((key, value) -> SetupFields.byKey(key)
                .filter(f -> f.storage() == storage)
                .ifPresent(f -> values.put(key, value)));
        return values;
    }
}
