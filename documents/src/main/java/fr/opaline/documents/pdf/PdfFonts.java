package fr.opaline.documents.pdf;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * Liberation Sans (SIL Open Font License), taken from the openpdf-fonts-extra jar, embedded as
 * subsets in every PDF/A document. The font files are read once and parsed per document.
 */
final class PdfFonts {

    private static final byte[] REGULAR = read("/liberation/LiberationSans-Regular.ttf");
    private static final byte[] BOLD = read("/liberation/LiberationSans-Bold.ttf");

    final PDType0Font regular;
    final PDType0Font bold;

    PdfFonts(PDDocument document) throws IOException {
        this.regular = PDType0Font.load(document, new java.io.ByteArrayInputStream(REGULAR), true);
        this.bold = PDType0Font.load(document, new java.io.ByteArrayInputStream(BOLD), true);
    }

    private static byte[] read(String resource) {
        try (InputStream in = PdfFonts.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Police introuvable dans le classpath : " + resource);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
