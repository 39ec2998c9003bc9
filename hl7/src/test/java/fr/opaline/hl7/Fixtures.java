package fr.opaline.hl7;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The ANS example messages of {@code shared/fixtures/hl7}. */
public final class Fixtures {

    private Fixtures() {
    }

    public static Path hl7() {
        return Path.of(System.getProperty("opaline.shared", "../../shared")).resolve("fixtures/hl7");
    }

    /** Every file under fixtures/hl7 that holds an HL7 v2 message (starts with MSH). */
    public static List<Path> messages() {
        try (Stream<Path> files = Files.walk(hl7())) {
            return files.filter(Files::isRegularFile).filter(Fixtures::isMessage).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean isMessage(Path p) {
        try (var in = Files.newInputStream(p)) {
            byte[] head = in.readNBytes(3);
            return new String(head, StandardCharsets.ISO_8859_1).equals("MSH");
        } catch (IOException e) {
            return false;
        }
    }

    public static String read(String relative) {
        try {
            return Files.readString(hl7().resolve(relative), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
