package fr.opaline.documents.pdf;

import com.google.zxing.common.BitMatrix;
import fr.opaline.core.order.ImagingOrder;
import fr.opaline.core.patient.Patient;
import fr.opaline.core.practice.PracticeProfile;
import fr.opaline.core.report.ReportVersion;
import fr.opaline.documents.barcode.Barcodes;
import fr.opaline.documents.cda.CdaTime;
import fr.opaline.documents.cda.ImagingProcedureCodes;
import fr.opaline.documents.cda.PersonName;
import fr.opaline.documents.ins.InsCartouche;
import fr.opaline.documents.report.ReportDocumentData;
import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.format.DateTimeFormatter;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.Locale;
import java.util.TimeZone;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.common.PDMetadata;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.color.PDOutputIntent;
import org.apache.xmpbox.XMPMetadata;
import org.apache.xmpbox.schema.AdobePDFSchema;
import org.apache.xmpbox.schema.DublinCoreSchema;
import org.apache.xmpbox.schema.PDFAIdentificationSchema;
import org.apache.xmpbox.schema.XMPBasicSchema;
import org.apache.xmpbox.xml.XmpSerializer;

/**
 * The CR as a PDF/A-1b a radiologist would sign: practice header, patient identity with the INS
 * cartouche and the Datamatrix INS marked "INS à scanner", the exam and its identifiers,
 * indication, technique, results, conclusion, signature block and the DRIMbox viewer link with
 * its QR code and availability period. Fonts embedded, XMP metadata, sRGB output intent.
 */
public final class ReportPdfRenderer {

    public static final String PRODUCER = "Opaline RIS";
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy", Locale.FRENCH);
    private static final DateTimeFormatter DAY_TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy 'à' HH:mm", Locale.FRENCH);
    private static final byte[] SRGB = ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData();
    private static final float BODY = 10f;

    private ReportPdfRenderer() {
    }

    public static byte[] render(ReportDocumentData d) {
        try (PDDocument document = new PDDocument()) {
            PdfFonts fonts = new PdfFonts(document);
            try (PdfPages pages = new PdfPages(document, fonts)) {
                header(pages, d);
                identity(pages, d);
                exam(pages, d);
                ReportVersion v = d.version();
                section(pages, "Indication", v.indication(), "Non précisée");
                section(pages, "Technique", v.technique(), "Non précisée");
                section(pages, "Résultats", v.results(), "Non renseignés");
                section(pages, "Conclusion", v.conclusion(), "Non renseignée");
                signature(pages, d);
                drimbox(pages, d);
                pages.footers(footer(d));
            }
            pdfa(document, d);
            ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
            // PDF/A-1 (PDF 1.4) forbids cross-reference and object streams.
            document.save(out, org.apache.pdfbox.pdfwriter.compress.CompressParameters.NO_COMPRESSION);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("Production du PDF impossible : " + e.getMessage(), e);
        }
    }

    static String title(ReportDocumentData d) {
        return "Compte rendu d'imagerie - " + d.exam().label();
    }

    private static void header(PdfPages p, ReportDocumentData d) throws IOException {
        PracticeProfile practice = d.practice();
        PDType0Font bold = p.fonts().bold;
        PDType0Font regular = p.fonts().regular;
        float top = p.y;
        p.textAt(PdfPages.MARGIN, top - 14, practice.name(), bold, 14);
        float y = top - 28;
        for (String line : new String[] {
                join(practice.addressLine(), join(practice.postalCode(), practice.city(), " "), ", "),
                practice.phone() == null ? null : "Tél. " + practice.phone(),
                identifiers(practice)}) {
            if (line != null && !line.isBlank()) {
                p.textAt(PdfPages.MARGIN, y, line, regular, 8.5f);
                y -= 11;
            }
        }
        String kind = "Compte rendu d'imagerie médicale";
        float right = PdfPages.SIZE.getWidth() - PdfPages.MARGIN;
        p.textAt(right - p.textWidth(kind, bold, 11), top - 14, kind, bold, 11);
        String when = (d.draft() ? "Brouillon du " : "Du ") + DAY.format(d.signedAt().atZone(CdaTime.PARIS));
        p.textAt(right - p.textWidth(when, regular, 9), top - 27, when, regular, 9);
        if (d.version().versionNumber() > 1) {
            String version = "Version " + d.version().versionNumber();
            p.textAt(right - p.textWidth(version, bold, 9), top - 39, version, bold, 9);
        }
        p.y = Math.min(y, top - 44) - 4;
        p.line(PdfPages.MARGIN, p.y, right);
        p.gap(8);
    }

    private static String identifiers(PracticeProfile practice) {
        StringBuilder s = new StringBuilder();
        if (practice.finess() != null) {
            s.append("FINESS ").append(practice.finess());
        }
        if (practice.siret() != null) {
            s.append(s.isEmpty() ? "" : " - ").append("SIRET ").append(practice.siret());
        }
        if (practice.rppsRang() != null) {
            s.append(s.isEmpty() ? "" : " - ").append("RPPS-rang ").append(practice.rppsRang());
        }
        return s.toString();
    }

    private static void identity(PdfPages p, ReportDocumentData d) throws IOException {
        Patient patient = d.patient();
        InsCartouche cartouche = InsCartouche.of(patient);
        PDType0Font bold = p.fonts().bold;
        PDType0Font regular = p.fonts().regular;
        float symbolSize = 70;
        float boxHeight = Math.max(cartouche.lines().size() * 11.5f + 24, symbolSize + 34);
        p.need(boxHeight + 10);
        float top = p.y;
        p.box(PdfPages.MARGIN, top, p.width(), boxHeight);
        p.textAt(PdfPages.MARGIN + 8, top - 14, "Patient : " + patient.displayLastName() + " " + patient.displayFirstName(),
                bold, 10.5f);
        float y = top - 28;
        for (InsCartouche.Line line : cartouche.lines()) {
            p.textAt(PdfPages.MARGIN + 8, y, line.label() + " : ", regular, 8.5f);
            p.textAt(PdfPages.MARGIN + 150, y, line.value(), bold, 8.5f);
            y -= 11.5f;
        }
        if (cartouche.withDatamatrix()) {
            BitMatrix dm = Barcodes.datamatrixIns(patient.ins(), patient.traits());
            float module = symbolSize / dm.getWidth();
            float x = PdfPages.SIZE.getWidth() - PdfPages.MARGIN - 16 - symbolSize;
            p.symbol(dm, x, top - 12, module);
            String label = "INS à scanner";
            p.textAt(x + (symbolSize - p.textWidth(label, bold, 8)) / 2, top - 12 - symbolSize - 12, label, bold, 8);
        }
        p.y = top - boxHeight - 12;
    }

    private static void exam(PdfPages p, ReportDocumentData d) throws IOException {
        ImagingOrder order = d.order();
        PDType0Font regular = p.fonts().regular;
        PDType0Font bold = p.fonts().bold;
        String ccam = d.exam().ccamCode() == null ? "" : " (acte CCAM " + d.exam().ccamCode() + ")";
        p.paragraph(PdfPages.MARGIN, p.width(), "Examen : " + d.exam().label() + ccam, bold, 10.5f);
        String region = d.exam().anatomicalRegionLabel() == null ? "" : " - Région anatomique : " + d.exam().anatomicalRegionLabel();
        p.paragraph(PdfPages.MARGIN, p.width(), "Modalité : " + ImagingProcedureCodes.modalityDisplayName(d.exam().modality())
                + " (" + d.exam().modality().name() + ")" + region, regular, 8.5f);
        p.paragraph(PdfPages.MARGIN, p.width(), "Date de l'examen : " + DAY_TIME.format(d.step().scheduledStart().atZone(CdaTime.PARIS))
                + " - N° d'examen (accession) : " + order.accessionNumber() + " - N° de demande : "
                + order.placerOrderNumber(), regular, 8.5f);
        p.paragraph(PdfPages.MARGIN, p.width(), "Study Instance UID : " + d.step().studyInstanceUid(), regular, 8.5f);
        if (order.referringPhysicianName() != null && !order.referringPhysicianName().isBlank()) {
            p.paragraph(PdfPages.MARGIN, p.width(), "Médecin demandeur : " + order.referringPhysicianName(), regular, 8.5f);
        }
        if (d.version().replacesDocumentUid() != null) {
            p.paragraph(PdfPages.MARGIN, p.width(), "Cette version " + d.version().versionNumber()
                    + " remplace la version " + (d.version().versionNumber() - 1)
                    + (d.version().statusReason() == null ? "" : " (motif : " + d.version().statusReason() + ")") + ".",
                    bold, 8.5f);
        }
        p.gap(6);
    }

    private static void section(PdfPages p, String heading, String text, String whenEmpty) throws IOException {
        p.need(40);
        p.paragraph(PdfPages.MARGIN, p.width(), heading, p.fonts().bold, 11.5f);
        p.gap(2);
        p.paragraph(PdfPages.MARGIN, p.width(), text == null || text.isBlank() ? whenEmpty : text, p.fonts().regular, BODY);
        p.gap(8);
    }

    private static void signature(PdfPages p, ReportDocumentData d) throws IOException {
        p.need(40);
        PersonName name = PersonName.parse(d.signer().displayName());
        String text;
        if (d.draft()) {
            text = "BROUILLON - compte rendu non validé, rédigé par " + name.display() + ".";
        } else {
            text = "Compte rendu validé le " + DAY_TIME.format(d.signedAt().atZone(CdaTime.PARIS)) + " par "
                    + name.display() + ", médecin radiologue (RPPS " + d.legalAuthenticator().rpps() + ").";
        }
        p.gap(4);
        p.paragraph(PdfPages.MARGIN, p.width(), text, p.fonts().bold, 9.5f);
        p.gap(10);
    }

    private static void drimbox(PdfPages p, ReportDocumentData d) throws IOException {
        BitMatrix qr = Barcodes.qrCode(d.viewerLink().url());
        float size = Math.max(80, qr.getWidth() * 2.2f);
        float height = size + 30;
        p.need(height);
        float top = p.y;
        p.line(PdfPages.MARGIN, top, PdfPages.SIZE.getWidth() - PdfPages.MARGIN);
        float qrX = PdfPages.MARGIN + 4;
        p.symbol(qr, qrX, top - 10, size / qr.getWidth());
        float textX = qrX + size + 16;
        float textWidth = PdfPages.SIZE.getWidth() - PdfPages.MARGIN - textX;
        p.y = top - 8;
        p.paragraph(textX, textWidth, "Images de l'examen (visionneuse DRIMbox)", p.fonts().bold, 10);
        p.paragraph(textX, textWidth, "Disponibles du " + DAY.format(d.viewerLink().availableFrom().atZone(CdaTime.PARIS))
                + " au " + DAY.format(d.viewerLink().availableUntil().atZone(CdaTime.PARIS))
                + ". Scannez le QR code ou ouvrez l'adresse :", p.fonts().regular, 8.5f);
        for (String line : p.wrap(d.viewerLink().url(), p.fonts().regular, 8, textWidth)) {
            p.paragraph(textX, textWidth, line, p.fonts().regular, 8);
        }
        p.y = Math.min(p.y, top - height);
    }

    private static String footer(ReportDocumentData d) {
        return title(d) + " - " + d.patient().displayLastName() + " " + d.patient().displayFirstName() + " - né(e) le "
                + DAY.format(d.patient().traits().birthDate()) + " - document " + d.version().documentUid() + " v"
                + d.version().versionNumber();
    }

    private static void pdfa(PDDocument document, ReportDocumentData d) throws IOException {
        Calendar created = GregorianCalendar.from(d.signedAt().atZone(CdaTime.PARIS));
        created.setTimeZone(TimeZone.getTimeZone(CdaTime.PARIS));
        String title = title(d);
        String author = PersonName.parse(d.signer().displayName()).display();
        PDDocumentInformation info = document.getDocumentInformation();
        info.setTitle(title);
        info.setAuthor(author);
        info.setSubject("Compte rendu d'imagerie médicale");
        info.setCreator(PRODUCER);
        info.setProducer(PRODUCER);
        info.setCreationDate(created);
        info.setModificationDate(created);

        XMPMetadata xmp = XMPMetadata.createXMPMetadata();
        DublinCoreSchema dc = xmp.createAndAddDublinCoreSchema();
        dc.setTitle(title);
        dc.addCreator(author);
        dc.setDescription("Compte rendu d'imagerie médicale");
        XMPBasicSchema basic = xmp.createAndAddXMPBasicSchema();
        basic.setCreatorTool(PRODUCER);
        basic.setCreateDate(created);
        basic.setModifyDate(created);
        AdobePDFSchema pdf = xmp.createAndAddAdobePDFSchema();
        pdf.setProducer(PRODUCER);
        PDFAIdentificationSchema id = xmp.createAndAddPDFAIdentificationSchema();
        id.setPart(1);
        try {
            id.setConformance("B");
        } catch (org.apache.xmpbox.type.BadFieldValueException e) {
            throw new IllegalStateException(e);
        }
        ByteArrayOutputStream xml = new ByteArrayOutputStream();
        try {
            new XmpSerializer().serialize(xmp, xml, true);
        } catch (javax.xml.transform.TransformerException e) {
            throw new IOException("Métadonnées XMP impossibles à écrire", e);
        }
        PDMetadata metadata = new PDMetadata(document);
        metadata.importXMPMetadata(xml.toByteArray());
        document.getDocumentCatalog().setMetadata(metadata);

        PDOutputIntent intent = new PDOutputIntent(document, new ByteArrayInputStream(SRGB));
        intent.setInfo("sRGB IEC61966-2.1");
        intent.setOutputCondition("sRGB IEC61966-2.1");
        intent.setOutputConditionIdentifier("sRGB IEC61966-2.1");
        intent.setRegistryName("http://www.color.org");
        document.getDocumentCatalog().addOutputIntent(intent);
        document.getDocumentCatalog().setLanguage("fr-FR");

        // Same document, same file identifier (PDF/A requires one): derived from the CDA id.
        COSString fileId = new COSString(md5(d.version().documentUid() + "#" + d.version().versionNumber()));
        COSArray ids = new COSArray(List.of(fileId, fileId));
        document.getDocument().getTrailer().setItem(COSName.ID, ids);
    }

    private static byte[] md5(String s) {
        try {
            return MessageDigest.getInstance("MD5").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String join(String a, String b, String sep) {
        if (a == null || a.isBlank()) {
            return b == null ? "" : b;
        }
        return b == null || b.isBlank() ? a : a + sep + b;
    }

}
