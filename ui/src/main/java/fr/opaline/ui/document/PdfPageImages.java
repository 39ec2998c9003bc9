package fr.opaline.ui.document;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import javafx.scene.image.Image;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;

/**
 * A PDF's pages as JavaFX images, rendered with PDFBox. Heavy work: called off the FX thread
 * (images may be built there; they are only shown on it). No Swing bridge: the pixels are
 * copied as ARGB.
 */
public final class PdfPageImages {

    /** Enough for a CR; a longer document shows its first pages and says so. */
    public static final int MAX_PAGES = 30;

    private PdfPageImages() {
    }

    /** The result: the rendered pages and the document's page count. */
    public record Pages(List<Image> images, int pageCount) {
        public boolean truncated() {
            return images.size() < pageCount;
        }
    }

    /**
     * @param cancelled checked between pages, so a closed viewer stops rendering
     * @throws IOException when the bytes are not a readable PDF
     */
    public static Pages render(byte[] pdf, float dpi, BooleanSupplier cancelled) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDFRenderer renderer = new PDFRenderer(document);
            int count = document.getNumberOfPages();
            List<Image> images = new ArrayList<>();
            for (int i = 0; i < Math.min(count, MAX_PAGES) && !cancelled.getAsBoolean(); i++) {
                images.add(toFx(renderer.renderImageWithDPI(i, dpi, ImageType.RGB)));
            }
            return new Pages(List.copyOf(images), count);
        }
    }

    static Image toFx(BufferedImage page) {
        int width = page.getWidth();
        int height = page.getHeight();
        int[] argb = page.getRGB(0, 0, width, height, null, 0, width);
        WritableImage image = new WritableImage(width, height);
        image.getPixelWriter().setPixels(0, 0, width, height, PixelFormat.getIntArgbInstance(), argb, 0, width);
        return image;
    }
}
