package fr.opaline.app.logging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import fr.opaline.app.config.ConfigException;
import fr.opaline.app.config.OpalineConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

class LogFilesTest {

    @TempDir
    Path home;

    private final Level opalineLevel = context().getLogger("fr.opaline").getLevel();

    private static LoggerContext context() {
        return (LoggerContext) LoggerFactory.getILoggerFactory();
    }

    private ch.qos.logback.core.Appender<ch.qos.logback.classic.spi.ILoggingEvent> console;

    @BeforeEach
    void quietConsole() {
        var root = context().getLogger(Logger.ROOT_LOGGER_NAME);
        console = root.getAppender("CONSOLE");
        if (console != null) {
            root.detachAppender(console); // the test writes hundreds of lines: to the file only
        }
    }

    @AfterEach
    void detach() {
        LoggerContext context = context();
        context.getLogger("fr.opaline").setLevel(opalineLevel);
        if (console != null) {
            context.getLogger(Logger.ROOT_LOGGER_NAME).addAppender(console);
        }
        var root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        var appender = root.getAppender("OPALINE_FILE");
        if (appender != null) {
            root.detachAppender(appender);
            appender.stop();
        }
    }

    @Test
    void theServerLogRollsOverBySizeIntoCompressedFiles() throws Exception {
        OpalineConfig config = OpalineConfig.of(home, Map.of("log.dir", "logs", "log.maxFileSize", "10KB",
                "log.level", "INFO"));
        Path active = LogFiles.configure(config, "server").orElseThrow();
        assertThat(active).isEqualTo(home.resolve("logs/opaline-server.log"));
        Logger log = LoggerFactory.getLogger("fr.opaline.test");
        String line = "x".repeat(200);
        for (int i = 0; i < 300; i++) {
            log.info("ligne {} {}", i, line);
        }
        assertThat(Files.readString(active)).contains("INFO").contains("fr.opaline.test");
        // Compression runs in the background after each roll-over.
        long deadline = System.nanoTime() + 20_000_000_000L;
        long rolled;
        do {
            try (Stream<Path> files = Files.list(home.resolve("logs"))) {
                rolled = files.filter(f -> f.getFileName().toString().matches("opaline-server\\.\\d{4}-\\d{2}-\\d{2}\\.\\d+\\.log\\.gz")).count();
            }
            Thread.sleep(50);
        } while (rolled < 2 && System.nanoTime() < deadline);
        assertThat(rolled).isGreaterThanOrEqualTo(2);
        assertThat(Files.size(active)).isLessThan(20 * 1024);
    }

    @Test
    void noDirectoryNoFileAndBadValuesAreNamed() {
        assertThat(LogFiles.configure(OpalineConfig.of(home, Map.of()), "server")).isEmpty();
        assertThatThrownBy(() -> LogFiles.configure(OpalineConfig.of(home, Map.of("log.dir", "l", "log.maxFileSize", "beaucoup")), "server"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("log.maxFileSize");
        assertThatThrownBy(() -> LogFiles.configure(OpalineConfig.of(home, Map.of("log.level", "BAVARD")), "server"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("log.level");
    }
}
