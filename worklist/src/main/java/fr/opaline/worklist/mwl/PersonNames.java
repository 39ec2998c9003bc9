package fr.opaline.worklist.mwl;

import java.text.Normalizer;
import java.util.Locale;

/** Person Name (PN) values: building them from Opaline's data, and folding them for matching. */
public final class PersonNames {

    private PersonNames() {
    }

    /** "FAMILY^GIVEN" from two names, characters PN reserves removed; empty parts allowed. */
    public static String of(String family, String given) {
        String f = clean(family);
        String g = clean(given);
        return g.isEmpty() ? f : f + "^" + g;
    }

    /**
     * A free-text name as typed at the desk ("Dr Claire Lambert") kept whole as the family
     * name component, so the modality shows exactly what was typed; guessing which words are
     * the family name would get compound names wrong.
     */
    public static String fromFreeText(String text) {
        return clean(text);
    }

    private static String clean(String s) {
        if (s == null) {
            return "";
        }
        return s.replace('^', ' ').replace('=', ' ').replace('\\', ' ').replaceAll("\\s+", " ").trim();
    }

    /**
     * The form PN values are compared in (PS3.4 C.2.2.2.1 allows case- and accent-insensitive
     * PN matching): alphabetic group only, ligatures spelled out, no diacritics, upper case,
     * trailing empty components dropped. '*' and '?' are kept for wildcard matching.
     */
    public static String fold(String pn) {
        if (pn == null) {
            return "";
        }
        int group = pn.indexOf('=');
        String alphabetic = group < 0 ? pn : pn.substring(0, group);
        String spelled = alphabetic.replace("œ", "oe").replace("Œ", "OE").replace("æ", "ae").replace("Æ", "AE")
                .replace("ß", "ss");
        String stripped = Normalizer.normalize(spelled, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        String upper = stripped.toUpperCase(Locale.ROOT);
        String[] components = upper.split("\\^", -1);
        StringBuilder out = new StringBuilder();
        int last = components.length - 1;
        while (last > 0 && components[last].trim().isEmpty()) {
            last--;
        }
        for (int i = 0; i <= last; i++) {
            if (i > 0) {
                out.append('^');
            }
            out.append(components[i].trim());
        }
        return out.toString();
    }
}
