package fr.opaline.ui.insscan;

/**
 * Reads the text a scanner types when it reads a Datamatrix INS. A small seam: the ins module's
 * own payload parser can replace {@link DatamatrixInsTextReader} without touching the screens.
 */
public interface InsScanReader {

    /** Whether the text looks like a Datamatrix INS at all (so the search field can route it). */
    boolean recognises(String text);

    /** @throws IllegalArgumentException with a French message saying what is wrong */
    ScannedIdentity read(String text);
}
