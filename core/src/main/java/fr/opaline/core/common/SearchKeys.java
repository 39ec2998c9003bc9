package fr.opaline.core.common;

import java.text.Normalizer;
import java.util.Locale;

/**
 * Folds names for searching: upper case, no diacritics, ligatures spelled out, hyphens and
 * apostrophes as spaces, runs of spaces collapsed. "Lefèvre-Saint'Œuf" → "LEFEVRE SAINT OEUF".
 */
public final class SearchKeys {

    private SearchKeys() {
    }

    public static String fold(String name) {
        if (name == null) {
            return null;
        }
        String spelled = name.replace("œ", "oe").replace("Œ", "OE")
                .replace("æ", "ae").replace("Æ", "AE").replace("ß", "ss");
        String decomposed = Normalizer.normalize(spelled, Normalizer.Form.NFD);
        StringBuilder out = new StringBuilder(decomposed.length());
        boolean pendingSpace = false;
        for (int i = 0; i < decomposed.length(); i++) {
            char c = decomposed.charAt(i);
            if (Character.getType(c) == Character.NON_SPACING_MARK) {
                continue;
            }
            if (Character.isLetterOrDigit(c)) {
                if (pendingSpace && out.length() > 0) {
                    out.append(' ');
                }
                pendingSpace = false;
                out.append(c);
            } else {
                pendingSpace = true;
            }
        }
        return out.toString().toUpperCase(Locale.ROOT);
    }
}
