package fr.opaline.app.config;

import fr.opaline.core.persistence.DatabaseSettings;
import fr.opaline.core.settings.Settings;
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
 * Opaline's configuration, in layers, each overriding the previous one: the machine-wide file
 * ({@code /etc/opaline/opaline.properties}, or {@code %PROGRAMDATA%\Opaline\opaline.properties}
 * on Windows), the user's file ({@code <home>/opaline.properties}), then environment variables
 * ({@code OPALINE_DB_URL} for {@code db.url}). A file given with {@code --config} (or
 * {@code OPALINE_CONFIG}) replaces both files. Every key has a default that runs on one machine
 * (embedded H2, loopback services).
 */
public final class OpalineConfig implements Settings {

    public static final String FILE_NAME = "opaline.properties";
    /** System property naming the machine-wide file instead of the platform's (tests, portable installs). */
    public static final String SYSTEM_FILE_PROPERTY = "opaline.systemConfig";

    private final Path home;
    private final Map<String, String> values;
    private final Path file;

    private OpalineConfig(Path home, Map<String, String> values, Path file) {
        this.home = home;
        this.values = values;
        this.file = file;
    }

    /** Default home: $OPALINE_HOME, else ~/.opaline. */
    public static Path defaultHome() {
        String env = System.getenv("OPALINE_HOME");
        return env == null || env.isBlank() ? Path.of(System.getProperty("user.home"), ".opaline") : Path.of(env);
    }

    /** The machine-wide configuration file of this platform (it may not exist). */
    public static Path systemFile() {
        String override = System.getProperty(SYSTEM_FILE_PROPERTY);
        if (override != null) {
            return override.isBlank() ? null : Path.of(override);
        }
        if (System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows")) {
            String programData = System.getenv("PROGRAMDATA");
            return programData == null ? null : Path.of(programData, "Opaline", FILE_NAME);
        }
        return Path.of("/etc/opaline", FILE_NAME);
    }

    public static OpalineConfig load(Path home, Path configFile) {
        Path resolvedHome = (home == null ? defaultHome() : home).toAbsolutePath().normalize();
        if (configFile == null && System.getenv("OPALINE_CONFIG") != null && !System.getenv("OPALINE_CONFIG").isBlank()) {
            configFile = Path.of(System.getenv("OPALINE_CONFIG"));
        }
        Map<String, String> values = new TreeMap<>();
        Path userFile;
        if (configFile != null) {
            if (!Files.isRegularFile(configFile)) {
                throw new ConfigException("Fichier de configuration introuvable : " + configFile);
            }
            userFile = configFile.toAbsolutePath().normalize();
        } else {
            Path system = systemFile();
            if (system != null && Files.isRegularFile(system)) {
                read(system, values);
            }
            userFile = resolvedHome.resolve(FILE_NAME);
        }
        if (Files.isRegularFile(userFile)) {
            read(userFile, values);
        }
        System.getenv().forEach((name, value) -> {
            if (name.startsWith("OPALINE_") && !name.equals("OPALINE_HOME") && !name.startsWith("OPALINE_TEST_")
                    && !name.equals("OPALINE_JAVA_OPTS") && !name.equals("OPALINE_CONFIG")) {
                // Environment names have no case: OPALINE_DB_POOLSIZE overrides db.poolSize.
                String key = name.substring("OPALINE_".length()).toLowerCase(Locale.ROOT).replace('_', '.');
                values.keySet().removeIf(existing -> existing.equalsIgnoreCase(key));
                values.put(key, value);
            }
        });
        return new OpalineConfig(resolvedHome, values, userFile);
    }

    private static void read(Path file, Map<String, String> values) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException | IllegalArgumentException e) {
            throw new ConfigException("Fichier de configuration illisible : " + file + " (" + e.getMessage() + ")");
        }
        properties.stringPropertyNames().forEach(k -> values.put(k, properties.getProperty(k).trim()));
    }

    /** A configuration with explicit values only (tests, embedded demo). */
    public static OpalineConfig of(Path home, Map<String, String> values) {
        Path normalised = home.toAbsolutePath().normalize();
        return new OpalineConfig(normalised, new TreeMap<>(values), normalised.resolve(FILE_NAME));
    }

    public OpalineConfig with(String key, String value) {
        Map<String, String> copy = new TreeMap<>(values);
        copy.put(key, value);
        return new OpalineConfig(home, copy, file);
    }

    public Path home() {
        return home;
    }

    /**
     * The file this configuration writes to ({@code opaline setup}): the one given with
     * {@code --config}, else {@code <home>/opaline.properties}. It may not exist yet.
     */
    public Path file() {
        return file;
    }

    @Override
    public Optional<String> get(String key) {
        String value = values.get(key);
        if (value == null) {
            value = values.get(key.toLowerCase(Locale.ROOT)); // set from the environment
        }
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value);
    }

    @Override
    public String get(String key, String defaultValue) {
        return get(key).orElse(defaultValue);
    }

    @Override
    public int getInt(String key, int defaultValue) {
        return get(key).map(v -> parse(key, v, Integer::parseInt)).orElse(defaultValue);
    }

    @Override
    public boolean getBoolean(String key, boolean defaultValue) {
        return get(key).map(v -> {
            if (!v.equalsIgnoreCase("true") && !v.equalsIgnoreCase("false")) {
                throw new ConfigException(key + " : « " + v + " » n'est pas true ou false");
            }
            return Boolean.parseBoolean(v);
        }).orElse(defaultValue);
    }

    /** Durations as ISO-8601 (PT30S) or plain seconds. */
    @Override
    public Duration getDuration(String key, Duration defaultValue) {
        return get(key).map(v -> parse(key, v, s -> s.toUpperCase(Locale.ROOT).startsWith("P")
                ? Duration.parse(s) : Duration.ofSeconds(Long.parseLong(s)))).orElse(defaultValue);
    }

    @Override
    public Path getPath(String key, Path defaultValue) {
        return get(key).map(v -> home.resolve(v)).orElse(defaultValue);
    }

    /** The directory of the secrets kept out of the database ({@code <home>/secrets}). */
    public Path secretsDirectory() {
        return home.resolve("secrets");
    }

    /** The PSC token vault key, which also seals the TOTP seeds ({@code psc.vault.keyFile}). */
    public Path vaultKeyFile() {
        return getPath("psc.vault.keyFile", secretsDirectory().resolve("psc-vault.key"));
    }

    /** The key of the audit chain ({@code audit.keyFile}). */
    public Path auditKeyFile() {
        return getPath("audit.keyFile", secretsDirectory().resolve("audit-chain.key"));
    }

    /** The audit chain's anchors outside the database ({@code audit.anchorFile}). */
    public Path auditAnchorFile() {
        return getPath("audit.anchorFile", secretsDirectory().resolve("audit-anchors.log"));
    }

    /**
     * The same configuration with its audit key, anchors and vault key in {@code dir}: for a
     * throwaway database (a benchmark's), whose audit chain must not be anchored beside the
     * practice's own, nor refused by those anchors.
     */
    public OpalineConfig withSecretsIn(Path dir) {
        return with("audit.keyFile", dir.resolve("audit-chain.key").toString())
                .with("audit.anchorFile", dir.resolve("audit-anchors.log").toString())
                .with("psc.vault.keyFile", dir.resolve("psc-vault.key").toString());
    }

    public Path dataDirectory() {
        return getPath("data.dir", home.resolve("data"));
    }

    /**
     * The database: {@code db.url} or the embedded H2 file. With {@code db.filePassword}, the H2
     * file is encrypted (AES): H2 takes the file password and the user password together.
     */
    public DatabaseSettings database() {
        String url = get("db.url").orElse(null);
        String user;
        int poolSize;
        if (url == null) {
            DatabaseSettings embedded = DatabaseSettings.embeddedH2(dataDirectory());
            url = embedded.jdbcUrl();
            user = embedded.user();
            poolSize = getInt("db.poolSize", embedded.maxPoolSize());
        } else {
            user = get("db.user", "");
            poolSize = getInt("db.poolSize", 10);
        }
        String password = get("db.password", "");
        Optional<String> filePassword = get("db.filePassword");
        if (filePassword.isPresent()) {
            if (!url.startsWith("jdbc:h2:file:")) {
                throw new ConfigException("db.filePassword : le chiffrement du fichier ne s'applique qu'à la base H2"
                        + " embarquée (pour PostgreSQL, chiffrez le disque du serveur)");
            }
            if (filePassword.get().contains(" ")) {
                throw new ConfigException("db.filePassword : le mot de passe de chiffrement ne doit pas contenir d'espace");
            }
            if (!url.toUpperCase(Locale.ROOT).contains(";CIPHER=")) {
                url = url + ";CIPHER=AES";
            }
            password = filePassword.get() + " " + password;
        }
        try {
            return new DatabaseSettings(url, user, password, poolSize);
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
