package fr.opaline.ui.insscan;

import fr.opaline.ins.InsRuleException;
import fr.opaline.ins.datamatrix.DatamatrixInsParser;
import fr.opaline.ins.datamatrix.ScannedIns;
import java.util.Locale;

/**
 * What a keyboard-wedge scanner types, given to the ins module's Datamatrix INS parser
 * (REQUIREMENTS §2, SC.CDA/VISU.04). The text is first made what the symbol holds: upper case
 * (a scanner may type with caps lock on) and without the line end; GS separators, which a text
 * field drops anyway, are optional for the parser.
 */
public final class InsModuleScanReader implements InsScanReader {

    private static final char GS = 0x1D;

    @Override
    public boolean recognises(String text) {
        return text != null && clean(text).startsWith("IS01");
    }

    @Override
    public ScannedIns read(String text) {
        try {
            return DatamatrixInsParser.parse(clean(text == null ? "" : text));
        } catch (InsRuleException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    private static String clean(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.strip().toCharArray()) {
            if (c == GS || !Character.isISOControl(c)) {
                out.append(c);
            }
        }
        return out.toString().toUpperCase(Locale.ROOT);
    }
}
