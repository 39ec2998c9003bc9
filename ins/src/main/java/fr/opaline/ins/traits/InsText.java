package fr.opaline.ins.traits;

import java.text.Normalizer;
import java.util.Locale;

/**
 * Writes a name the way the INS téléservice does: upper case, no diacritics, ligatures spelled
 * out (Œ → OE), typographic apostrophes as ', hyphens and apostrophes kept, single spaces.
 * "Lefèvre-Saint’Œuf" → "LEFEVRE-SAINT'OEUF".
 */
public final class InsText {

    private InsText() {
    }

    public static String toInsForm(String text) {
        if (text == null) {
            return null;
        }
        String spelled = text.replace("œ", "oe").replace("Œ", "OE").replace("æ", "ae").replace("Æ", "AE")
                .replace("ß", "ss").replace('’', '\'').replace('‘', '\'').replace('ʼ', '\'')
                .replace('‐', '-').replace('‑', '-');
        String decomposed = Normalizer.normalize(spelled, Normalizer.Form.NFD);
        StringBuilder out = new StringBuilder(decomposed.length());
        for (int i = 0; i < decomposed.length(); i++) {
            char c = decomposed.charAt(i);
            if (Character.getType(c) != Character.NON_SPACING_MARK) {
                out.append(c);
            }
        }
        return out.toString().toUpperCase(Locale.ROOT).trim().replaceAll("\\s+", " ");
    }
}
