package fr.opaline.worklist.data;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Map;

/**
 * A Specific Character Set (0008,0005) without code extensions (PS3.3 C.12.1.1.2): the default
 * repertoire, the ISO 8859 single-byte sets and UTF-8 (ISO_IR 192). Decoding never fails: bytes
 * a set does not define become U+FFFD, and bytes above 0x7F in the default repertoire — which
 * many modalities send without declaring a set — are read as Latin-1.
 */
public final class DicomCharset {

    public static final DicomCharset DEFAULT = new DicomCharset("", StandardCharsets.US_ASCII, true);
    public static final DicomCharset ISO_IR_100 = new DicomCharset("ISO_IR 100", StandardCharsets.ISO_8859_1, true);
    public static final DicomCharset ISO_IR_192 = new DicomCharset("ISO_IR 192", StandardCharsets.UTF_8, true);

    private static final Map<String, String> SINGLE_BYTE = Map.of(
            "ISO_IR 101", "ISO-8859-2",
            "ISO_IR 109", "ISO-8859-3",
            "ISO_IR 110", "ISO-8859-4",
            "ISO_IR 144", "ISO-8859-5",
            "ISO_IR 126", "ISO-8859-7",
            "ISO_IR 148", "ISO-8859-9",
            "ISO_IR 203", "ISO-8859-15");

    private final String term;
    private final Charset charset;
    private final boolean supported;

    private DicomCharset(String term, Charset charset, boolean supported) {
        this.term = term;
        this.charset = charset;
        this.supported = supported;
    }

    /**
     * The set named by a Specific Character Set value. A value Opaline cannot honour (code
     * extensions, multi-byte Asian sets) gives an unsupported set that decodes as Latin-1 so the
     * bytes are kept; {@link #supported()} tells the caller.
     */
    public static DicomCharset of(String specificCharacterSet) {
        if (specificCharacterSet == null) {
            return DEFAULT;
        }
        String[] terms = specificCharacterSet.split("\\\\", -1);
        String first = terms[0].trim();
        boolean extensions = terms.length > 1;
        if (!extensions) {
            switch (first) {
                case "", "ISO_IR 6", "ISO 2022 IR 6":
                    return DEFAULT;
                case "ISO_IR 100", "ISO 2022 IR 100":
                    return ISO_IR_100;
                case "ISO_IR 192":
                    return ISO_IR_192;
                default:
                    String name = SINGLE_BYTE.get(first.replace("ISO 2022 IR", "ISO_IR"));
                    if (name != null && Charset.isSupported(name)) {
                        return new DicomCharset(first, Charset.forName(name), true);
                    }
            }
        }
        return new DicomCharset(specificCharacterSet.trim(), StandardCharsets.ISO_8859_1, false);
    }

    /** The defined term, empty for the default repertoire. */
    public String term() {
        return term;
    }

    public boolean isDefault() {
        return term.isEmpty();
    }

    public boolean supported() {
        return supported;
    }

    public Charset charset() {
        return charset;
    }

    public String decode(byte[] bytes, int offset, int length) {
        Charset decodeWith = charset == StandardCharsets.US_ASCII ? StandardCharsets.ISO_8859_1 : charset;
        CharsetDecoder decoder = decodeWith.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
        try {
            return decoder.decode(ByteBuffer.wrap(bytes, offset, length)).toString();
        } catch (CharacterCodingException e) {
            throw new IllegalStateException("decoder set to replace", e);
        }
    }

    /** Encodes, replacing what the set cannot represent with '?'; call {@link #fit} first to keep meaning. */
    public byte[] encode(String value) {
        CharsetEncoder encoder = charset.newEncoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE)
                .replaceWith(new byte[] {'?'});
        try {
            ByteBuffer out = encoder.encode(CharBuffer.wrap(value));
            byte[] bytes = new byte[out.remaining()];
            out.get(bytes);
            return bytes;
        } catch (CharacterCodingException e) {
            throw new IllegalStateException("encoder set to replace", e);
        }
    }

    public boolean canEncode(String value) {
        return charset.newEncoder().canEncode(value);
    }

    /**
     * The closest text this set can carry: characters it lacks are spelled out (œ → oe) or lose
     * their diacritics (ő → o); anything still missing becomes '?'.
     */
    public String fit(String value) {
        if (value == null || canEncode(value)) {
            return value;
        }
        CharsetEncoder encoder = charset.newEncoder();
        StringBuilder out = new StringBuilder(value.length());
        value.codePoints().forEach(cp -> {
            String c = new String(Character.toChars(cp));
            if (encoder.canEncode(c)) {
                out.append(c);
                return;
            }
            String spelled = spellOut(c);
            if (encoder.canEncode(spelled)) {
                out.append(spelled);
            } else {
                out.append('?');
            }
        });
        return out.toString();
    }

    private static String spellOut(String c) {
        switch (c) {
            case "œ": return "oe";
            case "Œ": return "OE";
            case "æ": return "ae";
            case "Æ": return "AE";
            case "ß": return "ss";
            case "Ł": return "L";
            case "ł": return "l";
            case "Đ": return "D";
            case "đ": return "d";
            case "ı": return "i";
            case "’", "‘": return "'";
            case "“", "”", "«", "»": return "\"";
            case "–", "—": return "-";
            case "€": return "EUR";
            default:
                return Normalizer.normalize(c, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        }
    }

    @Override
    public String toString() {
        return term.isEmpty() ? "ISO_IR 6" : term;
    }
}
