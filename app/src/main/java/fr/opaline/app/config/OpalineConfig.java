package fr.opaline.app.config;

import fr.opaline.core.persistence.DatabaseSettings;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;

/**
 * Opaline's configuration: a properties file ({@code <home>/opaline.properties} unless another
 * is given), overridden by environment variables ({@code OPALINE_DB_URL} for {@code db.url}).
 * Every key has a default that runs on one machine (embedded H2, loopback services).
 */
public final class OpalineConfig {

    public static final String FILE_NAME = "opaline.properties";

    private final Path home;
    private final Map<String, String> values;

    private OpalineConfig(Path home, Map<String, String> values) {
        this.home = home;
        this.values = values;
    }

    /** Default home: $OPALINE_HOME, else ~/.opaline. */
    public static Path defaultHome() {
        String env = System.getenv("OPALINE_HOME");
        return env == null || env.isBlank() ? Path.of(System.getProperty("user.home"), ".opaline") : Path.of(env);
    }

    public static OpalineConfig load(Path home, Path configFile) {
        Path resolvedHome = (home == null ? defaultHome() : home).toAbsolutePath().normalize();
        Map<String, String> values = new TreeMap<>();
        Path file = configFile != null ? configFile : resolvedHome.resolve(FILE_NAME);
        if (configFile != null && !Files.isRegularFile(configFile)) {
            throw new ConfigException("Fichier de configuration introuvable : " + configFile);
        }
        if (Files.isRegularFile(file)) {
            Properties properties = new Properties();
            try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                properties.load(reader);
            } catch (IOException | IllegalArgumentException e) {
                throw new ConfigException("Fichier de configuration illisible : " + file + " (" + e.getMessage() + ")");
            }
            properties.stringPropertyNames().forEach(k -> values.put(k, properties.getProperty(k).trim()));
        }
        System.getenv().forEach((name, value) -> {
            if (name.startsWith("OPALINE_") && !name.equals("OPALINE_HOME") && !name.startsWith("OPALINE_TEST_")
                    && !name.equals("OPALINE_JAVA_OPTS")) {
                values.put(name.substring("OPALINE_".length()).toLowerCase(Locale.ROOT).replace('_', '.'), value);
            }
        });
        return new OpalineConfig(resolvedHome, values);
    }

    /** A configuration with explicit values only (tests, embedded demo). */
    public static OpalineConfig of(Path home, Map<String, String> values) {
        return new OpalineConfig(home.toAbsolutePath().normalize(), new TreeMap<>(values));
    }

    public OpalineConfig with(String key, String value) {
        Map<String, String> copy = new TreeMap<>(values);
        copy.put(key, value);
        return new OpalineConfig(home, copy);
    }

    public Path home() {
        return home;
    }

    public Optional<String> get(String key) {
        String value = values.get(key);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value);
    }

    public String get(String key, String defaultValue) {
        return get(key).orElse(defaultValue);
    }

    public int getInt(String key, int defaultValue) {
        return get(key).map(v -> parse(key, v, Integer::parseInt)).orElse(defaultValue);
    }

    public boolean getBoolean(String key, boolean defaultValue) {
        return get(key).map(v -> {
            if (!v.equalsIgnoreCase("true") && !v.equalsIgnoreCase("false")) {
                throw new ConfigException(key + " : « " + v + " » n'est pas true ou false");
            }
            return Boolean.parseBoolean(v);
        }).orElse(defaultValue);
    }

    /** Durations as ISO-8601 (PT30S) or plain seconds. */
    public Duration getDuration(String key, Duration defaultValue) {
        return get(key).map(v -> parse(key, v, s -> s.toUpperCase(Locale.ROOT).startsWith("P")
                ? Duration.parse(s) : Duration.ofSeconds(Long.parseLong(s)))).orElse(defaultValue);
    }

    public Path getPath(String key, Path defaultValue) {
        return get(key).map(v -> home.resolve(v)).orElse(defaultValue);
    }

    public Path dataDirectory() {
        return getPath("data.dir", home.resolve("data"));
    }

    public DatabaseSettings database() {
        String url = get("db.url").orElse(null);
        if (url == null) {
            DatabaseSettings embedded = DatabaseSettings.embeddedH2(dataDirectory());
            return new DatabaseSettings(embedded.jdbcUrl(), embedded.user(), get("db.password", ""),
                    getInt("db.poolSize", embedded.maxPoolSize()));
        }
        try {
            return new DatabaseSettings(url, get("db.user", ""), get("db.password", ""), getInt("db.poolSize", 10));
        } catch (IllegalArgumentException e) {
            throw new ConfigException("db.url : " + e.getMessage());
        }
    }

    public Map<String, String> values() {
        return Map.copyOf(values);
    }

    private static <T> T parse(String key, String value, java.util.function.Function<String, T> parser) {
        try {
            return parser.apply(value);
        } catch (RuntimeException e) {
            throw new ConfigException(key + " : valeur invalide « " + value + " »");
        }
    }
}
