package fr.opaline.core.common;

/**
 * Text received from the network (an AE title, a sender's name…) made safe to write into a log
 * line or a message: control characters (CR, LF, ESC, DEL…) and characters outside Latin-1 are
 * shown as {@code \xNN} / {@code \\uNNNN} escapes, so that nobody can forge a log line, and the
 * length is capped.
 */
public final class LogSafe {

    /** Longest text kept; the rest is replaced by "…". */
    public static final int MAX_LENGTH = 200;

    private LogSafe() {
    }

    public static String text(String raw) {
        if (raw == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(Math.min(raw.length(), MAX_LENGTH) + 8);
        int length = Math.min(raw.length(), MAX_LENGTH);
        for (int i = 0; i < length; i++) {
            char c = raw.charAt(i);
            if (c < 0x20 || c == 0x7F || (c >= 0x80 && c < 0xA0)) {
                out.append(String.format("\\x%02X", (int) c));
            } else if (c > 0xFF && !Character.isLetterOrDigit(c)) {
                out.append(String.format("\\u%04X", (int) c));
            } else {
                out.append(c);
            }
        }
        if (raw.length() > MAX_LENGTH) {
            out.append('…');
        }
        return out.toString();
    }
}
