package fr.opaline.hl7.message;

import ca.uhn.hl7v2.parser.EncodingCharacters;
import ca.uhn.hl7v2.parser.Escape;
import java.util.ArrayList;
import java.util.List;

/**
 * One segment written field by field with the standard delimiters; values are escaped by HAPI.
 * Components are given as {@code String...}, subcomponents as {@link #sub}. The message built from
 * these segments is parsed back by HAPI before it leaves Opaline.
 */
public final class Er7Segment {

    private static final EncodingCharacters ENC = EncodingCharacters.defaultInstance();

    private final String name;
    private final List<String> fields = new ArrayList<>();

    public Er7Segment(String name) {
        this.name = name;
    }

    /** Sets field {@code n} (1-based) to the escaped components. */
    public Er7Segment field(int n, String... components) {
        while (fields.size() < n) {
            fields.add("");
        }
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < components.length; i++) {
            if (i > 0) {
                b.append('^');
            }
            String c = components[i];
            b.append(c == null ? "" : c.startsWith(SUB) ? c.substring(SUB.length()) : Escape.escape(c, ENC));
        }
        fields.set(n - 1, trimTrailing(b.toString(), '^'));
        return this;
    }

    /** A field with several repetitions, each already built with {@link #components}. */
    public Er7Segment repeated(int n, List<String> repetitions) {
        while (fields.size() < n) {
            fields.add("");
        }
        fields.set(n - 1, String.join("~", repetitions));
        return this;
    }

    /** One repetition's components, escaped, for {@link #repeated}. */
    public static String components(String... components) {
        return new Er7Segment("X").field(1, components).fields.get(0);
    }

    private static final String SUB = "\u0000sub:";

    /** A component made of subcomponents ({@code a&b&c}), each escaped. */
    public static String sub(String... subcomponents) {
        StringBuilder b = new StringBuilder(SUB);
        for (int i = 0; i < subcomponents.length; i++) {
            if (i > 0) {
                b.append('&');
            }
            b.append(subcomponents[i] == null ? "" : Escape.escape(subcomponents[i], ENC));
        }
        return b.toString();
    }

    @Override
    public String toString() {
        if (name.equals("MSH")) {
            return "MSH|^~\\&|" + String.join("|", fields.subList(2, fields.size()));
        }
        return name + (fields.isEmpty() ? "" : "|" + String.join("|", fields));
    }

    private static String trimTrailing(String s, char c) {
        int end = s.length();
        while (end > 0 && s.charAt(end - 1) == c) {
            end--;
        }
        return s.substring(0, end);
    }
}
