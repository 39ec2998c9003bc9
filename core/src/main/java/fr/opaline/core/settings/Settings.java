package fr.opaline.core.settings;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * Where a module reads its settings from: the process's configuration (opaline.properties, the
 * system file, the environment), implemented by app's {@code OpalineConfig}. Each module's typed
 * settings record reads it once ({@code DmpSettings.from(settings)}), for the server and the CLI
 * alike. A value that cannot be read is refused with a {@link SettingsException} in French naming
 * the key.
 */
public interface Settings {

    /** The value of {@code key}, empty when unset or blank. */
    Optional<String> get(String key);

    String get(String key, String defaultValue);

    int getInt(String key, int defaultValue);

    boolean getBoolean(String key, boolean defaultValue);

    /** Durations as ISO-8601 (PT30S) or plain seconds. */
    Duration getDuration(String key, Duration defaultValue);

    /** A path; a relative one is resolved against the Opaline home. */
    Path getPath(String key, Path defaultValue);
}
