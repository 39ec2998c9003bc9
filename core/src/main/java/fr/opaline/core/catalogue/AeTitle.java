package fr.opaline.core.catalogue;

import fr.opaline.core.common.LogSafe;

/**
 * A DICOM Application Entity title (PS3.5 §6.2, VR AE): 1 to 16 characters of the default
 * repertoire (printable ASCII), no backslash; leading and trailing spaces are not significant
 * and a title made only of spaces is not allowed. The one rule for the worklist's own title, the
 * calling titles it accepts, the setup and the station AE title of a room.
 *
 * @param value the title, already without its leading and trailing spaces
 */
public record AeTitle(String value) {

    public static final int MAX_LENGTH = 16;

    public AeTitle {
        if (!valid(value) || !value.equals(value.strip())) {
            throw invalid(value);
        }
    }

    /**
     * The title typed or configured, trimmed of its spaces.
     *
     * @throws IllegalArgumentException with the one French message for a wrong title
     */
    public static AeTitle of(String raw) {
        String trimmed = raw == null ? "" : trim(raw);
        if (!valid(trimmed)) {
            throw invalid(raw);
        }
        return new AeTitle(trimmed);
    }

    /** {@link #of} then the string, for callers that store titles as text. */
    public static String check(String raw) {
        return of(raw).value();
    }

    /** Whether {@code raw}, once trimmed, is a valid title. */
    public static boolean isValid(String raw) {
        return raw != null && valid(trim(raw));
    }

    private static boolean valid(String trimmed) {
        if (trimmed == null || trimmed.isEmpty() || trimmed.length() > MAX_LENGTH) {
            return false;
        }
        for (int i = 0; i < trimmed.length(); i++) {
            char c = trimmed.charAt(i);
            if (c < 0x20 || c > 0x7E || c == '\\') {
                return false;
            }
        }
        return true;
    }

    /** Only spaces (20H) are insignificant in an AE title, not tabs or other white space. */
    private static String trim(String raw) {
        int start = 0;
        int end = raw.length();
        while (start < end && raw.charAt(start) == ' ') {
            start++;
        }
        while (end > start && raw.charAt(end - 1) == ' ') {
            end--;
        }
        return raw.substring(start, end);
    }

    private static IllegalArgumentException invalid(String raw) {
        return new IllegalArgumentException("Titre AE invalide « " + LogSafe.text(raw)
                + " » : 1 à 16 caractères ASCII imprimables, sans « \\ »");
    }

    @Override
    public String toString() {
        return value;
    }
}
