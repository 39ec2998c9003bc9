package fr.opaline.hl7.message;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/**
 * MSH-18 character sets (HL7 table 0211) Opaline reads and writes: the CI-SIS allows
 * {@code UNICODE UTF-8} and {@code 8859/15}; {@code 8859/1} and {@code ASCII} are read too.
 */
public final class Hl7Charsets {

    public static final String UTF_8 = "UNICODE UTF-8";
    public static final String LATIN_1 = "8859/1";
    public static final String LATIN_9 = "8859/15";

    private Hl7Charsets() {
    }

    /** The Java charset for an MSH-18 value; empty when the value is not one Opaline supports. */
    public static Optional<Charset> forMsh18(String value) {
        String v = value == null ? "" : value.trim().toUpperCase(Locale.ROOT);
        return switch (v) {
            case "UNICODE UTF-8", "UTF-8", "UNICODE" -> Optional.of(StandardCharsets.UTF_8);
            case "8859/1" -> Optional.of(StandardCharsets.ISO_8859_1);
            case "8859/15" -> Optional.of(Charset.forName("ISO-8859-15"));
            case "ASCII" -> Optional.of(StandardCharsets.US_ASCII);
            default -> Optional.empty();
        };
    }

    /** The MSH-18 value for a Java charset Opaline writes. */
    public static String msh18(Charset charset) {
        if (charset.equals(StandardCharsets.UTF_8)) {
            return UTF_8;
        }
        if (charset.equals(StandardCharsets.ISO_8859_1)) {
            return LATIN_1;
        }
        if (charset.name().equalsIgnoreCase("ISO-8859-15")) {
            return LATIN_9;
        }
        throw new IllegalArgumentException("Jeu de caractères non prévu en HL7 : " + charset);
    }
}
