package fr.opaline.app.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigFileEditorTest {

    @TempDir
    Path dir;

    private static Properties read(Path file) throws Exception {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties;
    }

    @Test
    void keepsCommentsAndOrderReplacesInPlaceAndFillsCommentedExamples() throws Exception {
        Path file = dir.resolve("opaline.properties");
        Files.writeString(file, """
                # Opaline - configuration
                db.url=jdbc:h2:file:/old
                # Worklist :
                #worklist.port=11112
                long.value=un \\
                  deux
                log.level = INFO
                """);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        Map<String, String> entries = new LinkedHashMap<>();
        entries.put("log.level", "DEBUG");
        entries.put("worklist.port", "104");
        entries.put("long.value", "trois");
        entries.put("certificate.establishment.file", "C:\\Opaline\\certificats\\org.p12");
        entries.put("practice.note", " Cabinet « du Parc »\n2e ligne");
        ConfigFileEditor.set(file, entries);

        String text = Files.readString(file);
        assertThat(text).startsWith("# Opaline - configuration\ndb.url=jdbc:h2:file:/old\n# Worklist :\nworklist.port=104\n");
        assertThat(text).contains("long.value=trois\nlog.level=DEBUG\n").doesNotContain("deux");
        Properties properties = read(file);
        assertThat(properties.getProperty("certificate.establishment.file")).isEqualTo("C:\\Opaline\\certificats\\org.p12");
        assertThat(properties.getProperty("practice.note")).isEqualTo(" Cabinet « du Parc »\n2e ligne");
        assertThat(properties.getProperty("db.url")).isEqualTo("jdbc:h2:file:/old");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-r-----");
    }

    @Test
    void aNewFileIsReadableByItsOwnerOnly() throws Exception {
        Path file = dir.resolve("sub/opaline.properties");
        ConfigFileEditor.set(file, Map.of("certificate.mssante.password", "secret"));
        assertThat(read(file).getProperty("certificate.mssante.password")).isEqualTo("secret");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    }
}
