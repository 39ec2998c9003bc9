package fr.opaline.hl7.message;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The fields of an MSH segment read straight from the bytes, before the message is decoded:
 * the character set to decode with, and what an ACK and the duplicate check need even when the
 * rest of the message is unreadable. MSH is ASCII in practice; it is read as ISO-8859-1 so that
 * no byte is lost.
 */
public record MshHeader(char fieldSeparator, String encodingCharacters, String sendingApplication,
                        String sendingFacility, String receivingApplication, String receivingFacility,
                        String messageType, String triggerEvent, String structure, String controlId,
                        String processingId, String version, String charset) {

    /** The header of a raw message, empty when it does not start with a usable MSH segment. */
    public static Optional<MshHeader> read(byte[] message) {
        int end = 0;
        while (end < message.length && message[end] != '\r' && message[end] != '\n') {
            end++;
        }
        String msh = new String(message, 0, end, StandardCharsets.ISO_8859_1);
        if (msh.length() < 8 || !msh.startsWith("MSH")) {
            return Optional.empty();
        }
        char fs = msh.charAt(3);
        if (Character.isLetterOrDigit(fs) || Character.isWhitespace(fs)) {
            return Optional.empty();
        }
        String[] f = msh.split(java.util.regex.Pattern.quote(String.valueOf(fs)), -1);
        // f[0]="MSH", f[1]=MSH-2, f[n]=MSH-(n+1)
        String enc = field(f, 2);
        char component = enc.isEmpty() ? '^' : enc.charAt(0);
        String[] type = field(f, 9).split(java.util.regex.Pattern.quote(String.valueOf(component)), -1);
        return Optional.of(new MshHeader(fs, enc, first(field(f, 3), component), first(field(f, 4), component),
                first(field(f, 5), component), first(field(f, 6), component), part(type, 0), part(type, 1),
                part(type, 2), field(f, 10), first(field(f, 11), component), first(field(f, 12), component),
                field(f, 18)));
    }

    private static String field(String[] f, int mshField) {
        int index = mshField - 1;
        return index < f.length ? f[index].trim() : "";
    }

    private static String first(String value, char component) {
        int i = value.indexOf(component);
        return i < 0 ? value : value.substring(0, i);
    }

    private static String part(String[] parts, int i) {
        return i < parts.length ? parts[i].trim() : "";
    }

    /** e.g. "MDM^T02". */
    public String typeAndEvent() {
        return triggerEvent.isEmpty() ? messageType : messageType + "^" + triggerEvent;
    }
}
