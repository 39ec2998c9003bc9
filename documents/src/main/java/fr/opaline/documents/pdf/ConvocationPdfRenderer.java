package fr.opaline.documents.pdf;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.format.DateTimeFormatter;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/** The convocation letter for an appointment, one A4 page (more if the preparation is long). */
public final class ConvocationPdfRenderer {

    public static final DateTimeFormatter DAY_TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");

    private ConvocationPdfRenderer() {
    }

    public static byte[] render(Convocation c) {
        try (PDDocument document = new PDDocument()) {
            PdfFonts fonts = new PdfFonts(document);
            PDType0Font regular = fonts.regular;
            PDType0Font bold = fonts.bold;
            try (PdfPages p = new PdfPages(document, fonts)) {
                float x = PdfPages.MARGIN;
                p.paragraph(x, p.width(), orDash(c.practiceName()), bold, 14);
                if (present(c.practiceAddress())) {
                    p.paragraph(x, p.width(), c.practiceAddress(), regular, 10);
                }
                if (present(c.practicePhone())) {
                    p.paragraph(x, p.width(), "Tél. : " + c.practicePhone(), regular, 10);
                }
                p.gap(8);
                p.line(x, p.y, PdfPages.SIZE.getWidth() - PdfPages.MARGIN);
                p.gap(24);
                p.paragraph(x, p.width(), "Convocation à un examen d'imagerie", bold, 16);
                p.gap(14);
                p.paragraph(x, p.width(), "Patient : " + c.patientName(), bold, 11);
                p.gap(6);
                p.paragraph(x, p.width(), "Date et heure : " + DAY_TIME.format(c.startsAt()), regular, 11);
                p.paragraph(x, p.width(), "Salle : " + orDash(c.room()), regular, 11);
                p.paragraph(x, p.width(), "Examen : " + c.exam(), regular, 11);
                if (present(c.preparation())) {
                    p.gap(16);
                    p.paragraph(x, p.width(), "Préparation", bold, 12);
                    p.gap(4);
                    p.paragraph(x, p.width(), c.preparation(), regular, 10.5f);
                }
                p.gap(20);
                p.paragraph(x, p.width(), "Merci de vous présenter à l'accueil quelques minutes avant l'heure"
                        + " du rendez-vous, muni(e) de ce courrier.", regular, 10);
                p.footers(orDash(c.practiceName()) + " - convocation");
            }
            PDDocumentInformation info = document.getDocumentInformation();
            info.setTitle("Convocation - " + c.exam());
            info.setProducer(ReportPdfRenderer.PRODUCER);
            ByteArrayOutputStream out = new ByteArrayOutputStream(32 * 1024);
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("Production de la convocation impossible : " + e.getMessage(), e);
        }
    }

    private static boolean present(String s) {
        return s != null && !s.isBlank();
    }

    private static String orDash(String s) {
        return present(s) ? s : "-";
    }
}
