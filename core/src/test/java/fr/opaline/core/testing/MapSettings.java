package fr.opaline.core.testing;

import fr.opaline.core.settings.Settings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Settings from a map, read as the configuration reads them (blank = unset, ISO-8601 durations,
 * relative paths under {@code home}), for a module's settings-record tests without app.
 */
public record MapSettings(Path home, Map<String, String> values) implements Settings {

    public static MapSettings of(Map<String, String> values) {
        return new MapSettings(Path.of("/home/opaline"), values);
    }

    @Override
    public Optional<String> get(String key) {
        return Optional.ofNullable(values.get(key)).filter(v -> !v.isBlank());
    }

    @Override
    public String get(String key, String defaultValue) {
        return get(key).orElse(defaultValue);
    }

    @Override
    public int getInt(String key, int defaultValue) {
        return get(key).map(Integer::parseInt).orElse(defaultValue);
    }

    @Override
    public boolean getBoolean(String key, boolean defaultValue) {
        return get(key).map(Boolean::parseBoolean).orElse(defaultValue);
    }

    @Override
    public Duration getDuration(String key, Duration defaultValue) {
        return get(key).map(Duration::parse).orElse(defaultValue);
    }

    @Override
    public Path getPath(String key, Path defaultValue) {
        return get(key).map(home::resolve).orElse(defaultValue);
    }
}
