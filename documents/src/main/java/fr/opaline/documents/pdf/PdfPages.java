package fr.opaline.documents.pdf;

import com.google.zxing.common.BitMatrix;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * A flowing A4 layout: a cursor that writes wrapped text top to bottom and starts a new page
 * when the current one is full. Barcodes are drawn as vector modules (no image, no
 * transparency: PDF/A-1 safe, sharp for scanners). Text the font cannot show becomes "?".
 */
final class PdfPages implements AutoCloseable {

    static final float MARGIN = 50;
    static final float BOTTOM = 60;
    static final PDRectangle SIZE = PDRectangle.A4;

    private final PDDocument document;
    private final PdfFonts fonts;
    private final List<PDPage> pages = new ArrayList<>();
    private final Map<PDType0Font, Map<Integer, Boolean>> glyphs = new HashMap<>();
    private PDPageContentStream content;
    float y;

    PdfPages(PDDocument document, PdfFonts fonts) throws IOException {
        this.document = document;
        this.fonts = fonts;
        newPage();
    }

    List<PDPage> pages() {
        return pages;
    }

    float width() {
        return SIZE.getWidth() - 2 * MARGIN;
    }

    void newPage() throws IOException {
        if (content != null) {
            content.close();
        }
        PDPage page = new PDPage(SIZE);
        document.addPage(page);
        pages.add(page);
        content = new PDPageContentStream(document, page);
        y = SIZE.getHeight() - MARGIN;
    }

    /** Makes room for {@code height} points, starting a new page if needed. */
    void need(float height) throws IOException {
        if (y - height < BOTTOM) {
            newPage();
        }
    }

    /** One line at (x, current y - size); does not move the cursor. */
    void textAt(float x, float baseline, String text, PDType0Font font, float size) throws IOException {
        content.beginText();
        content.setFont(font, size);
        content.newLineAtOffset(x, baseline);
        content.showText(printable(text, font));
        content.endText();
    }

    /** Wrapped paragraph within [x, x + maxWidth], moving the cursor down. */
    void paragraph(float x, float maxWidth, String text, PDType0Font font, float size) throws IOException {
        float leading = size * 1.35f;
        for (String rawLine : (text == null ? "" : text).split("\n", -1)) {
            for (String line : wrap(rawLine, font, size, maxWidth)) {
                need(leading);
                y -= leading;
                textAt(x, y, line, font, size);
            }
        }
    }

    void gap(float points) {
        y -= points;
    }

    void line(float x1, float yy, float x2) throws IOException {
        content.setLineWidth(0.6f);
        content.setStrokingColor(0.55f);
        content.moveTo(x1, yy);
        content.lineTo(x2, yy);
        content.stroke();
    }

    void box(float x, float top, float w, float h) throws IOException {
        content.setLineWidth(0.8f);
        content.setStrokingColor(0.35f);
        content.addRect(x, top - h, w, h);
        content.stroke();
    }

    /** Draws a module matrix with its top-left corner at (x, top), each module {@code module} points wide. */
    void symbol(BitMatrix matrix, float x, float top, float module) throws IOException {
        content.setNonStrokingColor(0f);
        for (int row = 0; row < matrix.getHeight(); row++) {
            int col = 0;
            while (col < matrix.getWidth()) {
                if (!matrix.get(col, row)) {
                    col++;
                    continue;
                }
                int start = col;
                while (col < matrix.getWidth() && matrix.get(col, row)) {
                    col++;
                }
                content.addRect(x + start * module, top - (row + 1) * module, (col - start) * module, module);
            }
        }
        content.fill();
    }

    float textWidth(String text, PDType0Font font, float size) throws IOException {
        return font.getStringWidth(printable(text, font)) / 1000f * size;
    }

    List<String> wrap(String text, PDType0Font font, float size, float maxWidth) throws IOException {
        List<String> lines = new ArrayList<>();
        String rest = printable(text, font).stripTrailing();
        while (textWidth(rest, font, size) > maxWidth) {
            int cut = rest.length();
            while (cut > 1 && textWidth(rest.substring(0, cut), font, size) > maxWidth) {
                int space = rest.lastIndexOf(' ', cut - 1);
                cut = space > 0 ? space : cut - 1;
            }
            lines.add(rest.substring(0, cut).stripTrailing());
            rest = rest.substring(cut).stripLeading();
        }
        lines.add(rest);
        return lines;
    }

    /** Replaces what the font cannot draw (and control characters) by "?", keeping text extraction faithful. */
    String printable(String text, PDType0Font font) {
        StringBuilder out = new StringBuilder(text.length());
        Map<Integer, Boolean> known = glyphs.computeIfAbsent(font, f -> new HashMap<>());
        text.codePoints().forEach(cp -> {
            if (cp == '\t') {
                out.append(' ');
                return;
            }
            boolean ok = cp >= 0x20 && known.computeIfAbsent(cp, c -> {
                try {
                    font.encode(new String(Character.toChars(c)));
                    return true;
                } catch (IOException | IllegalArgumentException e) {
                    return false;
                }
            });
            out.appendCodePoint(ok ? cp : '?');
        });
        return out.toString();
    }

    PdfFonts fonts() {
        return fonts;
    }

    /** Writes the footer on every page once the page count is known. */
    void footers(String left) throws IOException {
        content.close();
        content = null;
        int total = pages.size();
        for (int i = 0; i < total; i++) {
            try (PDPageContentStream footer = new PDPageContentStream(document, pages.get(i),
                    PDPageContentStream.AppendMode.APPEND, true)) {
                PDPageContentStream saved = content;
                content = footer;
                line(MARGIN, 45, SIZE.getWidth() - MARGIN);
                String right = "Page " + (i + 1) + " / " + total;
                String shown = wrap(left, fonts.regular, 7.5f, width() - textWidth(right, fonts.regular, 7.5f) - 12).get(0);
                textAt(MARGIN, 32, shown, fonts.regular, 7.5f);
                textAt(SIZE.getWidth() - MARGIN - textWidth(right, fonts.regular, 7.5f), 32, right, fonts.regular, 7.5f);
                content = saved;
            }
        }
    }

    @Override
    public void close() throws IOException {
        if (content != null) {
            content.close();
            content = null;
        }
    }
}
