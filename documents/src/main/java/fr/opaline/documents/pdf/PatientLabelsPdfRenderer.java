package fr.opaline.documents.pdf;

import com.google.zxing.common.BitMatrix;
import fr.opaline.core.patient.Patient;
import fr.opaline.documents.barcode.Barcodes;
import fr.opaline.documents.ins.InsCartouche;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * A sheet of identical patient labels (A4, {@value #COLUMNS} x {@value #ROWS}): name, birth name,
 * birth date, IPP, and, for a qualified identity only, the matricule INS and the Datamatrix INS.
 */
public final class PatientLabelsPdfRenderer {

    public static final int COLUMNS = 2;
    public static final int ROWS = 7;
    private static final DateTimeFormatter BIRTH = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final float PAD = 10;
    private static final float SYMBOL = 54;

    private PatientLabelsPdfRenderer() {
    }

    /** The lines printed on each label, in order. */
    public static List<String> lines(Patient patient) {
        List<String> lines = new ArrayList<>();
        lines.add(patient.displayLastName() + " " + patient.displayFirstName());
        lines.add("Nom de naissance : " + patient.traits().birthName());
        lines.add("Né(e) le " + BIRTH.format(patient.traits().birthDate()));
        lines.add("IPP : " + patient.ipp());
        if (patient.insQualified()) {
            lines.add("INS : " + InsCartouche.formatMatricule(patient.ins()) + " (" + InsCartouche.nature(patient.ins()) + ")");
        }
        return lines;
    }

    public static byte[] render(Patient patient) {
        try (PDDocument document = new PDDocument()) {
            PdfFonts fonts = new PdfFonts(document);
            PDPage page = new PDPage(PDRectangle.A4);
            document.addPage(page);
            List<String> lines = lines(patient);
            BitMatrix symbol = patient.insQualified() ? Barcodes.datamatrixIns(patient.ins(), patient.traits()) : null;
            float cellWidth = PDRectangle.A4.getWidth() / COLUMNS;
            float cellHeight = PDRectangle.A4.getHeight() / ROWS;
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                for (int row = 0; row < ROWS; row++) {
                    for (int col = 0; col < COLUMNS; col++) {
                        float left = col * cellWidth + PAD;
                        float top = PDRectangle.A4.getHeight() - row * cellHeight - PAD;
                        label(content, fonts, lines, symbol, left, top, cellWidth - 2 * PAD, cellHeight - 2 * PAD);
                    }
                }
            }
            document.getDocumentInformation().setTitle("Étiquettes patient - IPP " + patient.ipp());
            document.getDocumentInformation().setProducer(ReportPdfRenderer.PRODUCER);
            ByteArrayOutputStream out = new ByteArrayOutputStream(32 * 1024);
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("Production des étiquettes impossible : " + e.getMessage(), e);
        }
    }

    private static void label(PDPageContentStream content, PdfFonts fonts, List<String> lines, BitMatrix symbol,
                              float left, float top, float width, float height) throws IOException {
        float textWidth = symbol == null ? width : width - SYMBOL - 8;
        float y = top - 11;
        for (int i = 0; i < lines.size(); i++) {
            PDType0Font font = i == 0 ? fonts.bold : fonts.regular;
            float size = i == 0 ? 10.5f : 8.5f;
            String shown = fit(lines.get(i), font, size, textWidth);
            content.beginText();
            content.setFont(font, size);
            content.newLineAtOffset(left, y);
            content.showText(shown);
            content.endText();
            y -= i == 0 ? 14 : 11.5f;
        }
        if (symbol != null) {
            float module = SYMBOL / symbol.getWidth();
            float x = left + width - SYMBOL;
            float symbolTop = top - (height - SYMBOL) / 2;
            content.setNonStrokingColor(0f);
            for (int r = 0; r < symbol.getHeight(); r++) {
                for (int c = 0; c < symbol.getWidth(); c++) {
                    if (symbol.get(c, r)) {
                        content.addRect(x + c * module, symbolTop - (r + 1) * module, module, module);
                    }
                }
            }
            content.fill();
        }
    }

    /** The text cut with "…" to fit the width; characters the font lacks become "?". */
    private static String fit(String text, PDType0Font font, float size, float width) throws IOException {
        String shown = printable(text, font);
        if (widthOf(shown, font, size) <= width) {
            return shown;
        }
        while (shown.length() > 1 && widthOf(shown + "...", font, size) > width) {
            shown = shown.substring(0, shown.length() - 1);
        }
        return shown.stripTrailing() + "...";
    }

    private static float widthOf(String text, PDType0Font font, float size) throws IOException {
        return font.getStringWidth(text) / 1000f * size;
    }

    private static String printable(String text, PDType0Font font) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            boolean ok = cp >= 0x20;
            if (ok) {
                try {
                    font.encode(new String(Character.toChars(cp)));
                } catch (IOException | IllegalArgumentException e) {
                    ok = false;
                }
            }
            out.appendCodePoint(ok ? cp : '?');
        });
        return out.toString();
    }
}
