package fr.opaline.app.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.rolling.RollingFileAppender;
import ch.qos.logback.core.rolling.SizeAndTimeBasedRollingPolicy;
import ch.qos.logback.core.util.FileSize;
import fr.opaline.app.config.ConfigException;
import fr.opaline.app.config.OpalineConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.slf4j.LoggerFactory;

/**
 * Rotating log files, when {@code log.dir} is configured: {@code <name>.log} rolls over every
 * day and whenever it reaches {@code log.maxFileSize}; rolled files are compressed and kept
 * {@code log.maxHistory} days within {@code log.totalSizeCap}. The console output stays (the
 * systemd journal keeps it too).
 */
public final class LogFiles {

    private static final String APPENDER = "OPALINE_FILE";
    private static final String PATTERN = "%d{yyyy-MM-dd HH:mm:ss.SSS} %-5level [%thread] %logger{36} - %msg%n";

    private LogFiles() {
    }

    /** Adds the rotating file for {@code name} (e.g. "server"); returns the active file, if any. */
    public static Optional<Path> configure(OpalineConfig config, String name) {
        Optional<String> level = config.get("log.level");
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        level.ifPresent(l -> context.getLogger("fr.opaline").setLevel(parseLevel(l)));
        Optional<String> dirValue = config.get("log.dir");
        if (dirValue.isEmpty()) {
            return Optional.empty();
        }
        Path dir = config.home().resolve(dirValue.get()).toAbsolutePath().normalize();
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new ConfigException("log.dir : dossier des journaux inutilisable " + dir + " (" + e.getMessage() + ")");
        }
        if (!Files.isWritable(dir)) {
            throw new ConfigException("log.dir : pas de droit d'écriture dans " + dir);
        }
        Path active = dir.resolve("opaline-" + name + ".log");
        Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        var previous = root.getAppender(APPENDER);
        if (previous != null) {
            root.detachAppender(previous);
            previous.stop();
        }

        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern(PATTERN);
        encoder.setCharset(StandardCharsets.UTF_8);
        encoder.start();

        RollingFileAppender<ILoggingEvent> appender = new RollingFileAppender<>();
        appender.setContext(context);
        appender.setName(APPENDER);
        appender.setFile(active.toString());
        appender.setEncoder(encoder);

        SizeAndTimeBasedRollingPolicy<ILoggingEvent> policy = new SizeAndTimeBasedRollingPolicy<>();
        policy.setContext(context);
        policy.setParent(appender);
        policy.setFileNamePattern(dir.resolve("opaline-" + name + ".%d{yyyy-MM-dd}.%i.log.gz").toString());
        policy.setMaxFileSize(size(config, "log.maxFileSize", "20MB"));
        policy.setMaxHistory(config.getInt("log.maxHistory", 30));
        policy.setTotalSizeCap(size(config, "log.totalSizeCap", "1GB"));
        policy.start();
        appender.setRollingPolicy(policy);
        appender.start();
        root.addAppender(appender);
        return Optional.of(active);
    }

    private static FileSize size(OpalineConfig config, String key, String defaultValue) {
        String value = config.get(key, defaultValue);
        try {
            return FileSize.valueOf(value);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(key + " : taille invalide « " + value + " » (ex. 20MB, 1GB)");
        }
    }

    private static Level parseLevel(String value) {
        Level level = Level.toLevel(value, null);
        if (level == null) {
            throw new ConfigException("log.level : niveau inconnu « " + value + " » (ERROR, WARN, INFO, DEBUG, TRACE)");
        }
        return level;
    }
}
