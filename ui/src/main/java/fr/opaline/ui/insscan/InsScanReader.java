package fr.opaline.ui.insscan;

import fr.opaline.ins.datamatrix.ScannedIns;

/**
 * Reads the text a scanner types when it reads a Datamatrix INS. The screens only know this
 * seam; {@link InsModuleScanReader} hands the text to the ins module's parser.
 */
public interface InsScanReader {

    /** Whether the text looks like a Datamatrix INS at all (so a search field can route it). */
    boolean recognises(String text);

    /** @throws IllegalArgumentException with a French message saying what is wrong */
    ScannedIns read(String text);
}
