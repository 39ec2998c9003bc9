package fr.opaline.documents.cda;

import fr.opaline.core.catalogue.ExamType;
import fr.opaline.core.report.ReportVersion;
import fr.opaline.documents.report.ReportDocumentData;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.Locale;
import java.util.UUID;

/**
 * CDA R2 niveau 3, IMG-CR-IMG 2024.01: clinical information (indication), the imaging act
 * (technique, modality, anatomical region, DRIMbox viewer link in the DICOM object catalogue),
 * results, conclusion, and the PDF/A copy in the FR-Documents-ajoutes section so that a reader
 * can show the PDF first (SC.CDA/VISU.01/03).
 */
public final class CdaN3Writer {

    /** ID of the observationMedia that carries the PDF copy. */
    public static final String PDF_MEDIA_ID = "CR-PDF";
    static final String PDF_SECTION_TEMPLATE = "1.2.250.1.213.1.1.2.37";
    private static final String LOINC = CdaHeaderWriter.LOINC;
    private static final String DCM = CdaHeaderWriter.DCM;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy", Locale.FRENCH);

    private CdaN3Writer() {
    }

    public static byte[] write(ReportDocumentData data, byte[] pdf, String documentUid, String setId, String replacesUid) {
        XmlBuilder x = new XmlBuilder();
        CdaHeaderWriter.write(x, data, CdaHeaderWriter.Level.N3, documentUid, setId, replacesUid);
        ReportVersion v = data.version();
        x.start("component").start("structuredBody");

        x.start("component");
        section(x, documentUid, "informations-cliniques", new String[] {"1.2.840.10008.9.2", "1.2.250.1.213.1.1.2.205"},
                "55752-0", LOINC, "Informations cliniques", "Informations cliniques");
        x.start("text").end();
        x.start("component");
        section(x, documentUid, "demande", new String[] {"1.2.840.10008.9.7", "1.2.250.1.213.1.1.2.211"}, "55115-0", LOINC,
                "Demande", "Justification de la demande d'examen");
        narrative(x, v.indication(), "Non précisée");
        x.end().end();
        x.start("component");
        history(x, documentUid);
        x.end();
        x.end().end();

        x.start("component");
        imagingAct(x, data, documentUid);
        x.end();

        x.start("component");
        section(x, documentUid, "resultats", new String[] {"2.16.840.1.113883.10.20.6.1.2", "1.2.250.1.213.1.1.2.208"},
                "59776-5", LOINC, "Résultats de l'acte", "Résultats");
        narrative(x, v.results(), "Non renseignés");
        x.end().end();

        x.start("component");
        section(x, documentUid, "conclusion", new String[] {"1.2.840.10008.9.5", "1.2.250.1.213.1.1.2.209"}, "19005-8",
                LOINC, "Conclusions", "Conclusion");
        narrative(x, v.conclusion(), "Non renseignée");
        x.end().end();

        x.start("component");
        pdfCopy(x, data, documentUid, pdf);
        x.end();

        x.end().end();
        x.end();
        return x.toBytes();
    }

    private static void history(XmlBuilder x, String documentUid) {
        section(x, documentUid, "historique", new String[] {"2.16.840.1.113883.10.20.22.2.39", "1.2.250.1.213.1.1.2.213"},
                "11329-0", LOINC, "Historique médical", "Antécédents médicaux / Antécédents chirurgicaux");
        x.start("text");
        x.start("paragraph").text("Antécédents médicaux : ").element("content", "non renseignés", "ID", "antecedents-medicaux").end();
        x.start("paragraph").text("Antécédents chirurgicaux : ").element("content", "non renseignés", "ID", "antecedents-chirurgicaux").end();
        x.start("paragraph").text("Contre-indications : ").element("content", "non renseignées", "ID", "contre-indications").end();
        x.end();
        // The RIS does not record these yet: the entries say "no information" (nullFlavor NI).
        historyEntry(x, documentUid, "11348-0", "Antécédents médicaux", "#antecedents-medicaux");
        historyEntry(x, documentUid, "47519-4", "Antécédents chirurgicaux", "#antecedents-chirurgicaux");
        historyEntry(x, documentUid, "64100-1", "Contre-indications", "#contre-indications");
        x.end();
    }

    private static void historyEntry(XmlBuilder x, String documentUid, String code, String name, String reference) {
        x.start("entry").start("observation").attr("classCode", "OBS").attr("moodCode", "EVN");
        x.empty("templateId", "root", "2.16.840.1.113883.10.20.6.2.13");
        x.empty("templateId", "root", "1.2.250.1.213.1.1.3.150");
        x.empty("id", "root", uuid(documentUid, code));
        x.empty("code", "code", code, "displayName", name, "codeSystem", LOINC, "codeSystemName", "LOINC");
        x.start("text").empty("reference", "value", reference).end();
        x.empty("statusCode", "code", "completed");
        if (code.equals("64100-1")) {
            // Contre-indications are coded from JDV_Contre_indications_CISIS, which has no "unknown":
            // the value is then plain text.
            x.element("value", "non renseignées", "xsi:type", "ST");
        } else {
            x.start("value").attr("xsi:type", "CD").attr("nullFlavor", "NI");
            x.start("originalText").empty("reference", "value", reference).end();
            x.end();
        }
        x.empty("targetSiteCode", "nullFlavor", "NA");
        x.end().end();
    }

    private static void imagingAct(XmlBuilder x, ReportDocumentData d, String documentUid) {
        ExamType exam = d.exam();
        ImagingProcedureCodes.Code procedure = CdaHeaderWriter.procedureCode(exam);
        section(x, documentUid, "acte", new String[] {"1.2.840.10008.9.3", "1.2.250.1.213.1.1.2.206"}, "55111-9", LOINC,
                "Description de l'acte d'imagerie", "Technique d'imagerie");
        x.start("text");
        x.start("table").attr("border", "0");
        x.start("thead").start("tr");
        for (String h : new String[] {"Acte d'imagerie", "Description de l'acte", "Modalité d'imagerie", "Localisation anatomique"}) {
            x.element("th", h);
        }
        x.end().end();
        x.start("tbody").start("tr");
        // The act code is LOINC; the CCAM code rides as its <translation> (below) and is shown here too.
        String ccam = exam.ccamCode() == null || exam.ccamCode().isBlank() ? "" : " [CCAM : " + exam.ccamCode() + "]";
        x.start("td").element("content", "[LOINC : " + procedure.code() + "] " + procedure.displayName() + ccam, "ID",
                "acte-01").end();
        x.start("td").element("content", d.version().technique().isBlank() ? exam.label() : d.version().technique(),
                "ID", "acte-01-description").end();
        x.start("td").element("content", ImagingProcedureCodes.modalityDisplayName(exam.modality()), "ID", "acte-01-modalite").end();
        x.start("td").element("content", exam.anatomicalRegionLabel() == null ? "" : exam.anatomicalRegionLabel(),
                "ID", "acte-01-localisation").end();
        x.end().end();
        x.end();
        x.end();

        x.start("entry").start("procedure").attr("moodCode", "EVN").attr("classCode", "PROC");
        x.empty("templateId", "root", "1.2.840.10008.9.14");
        x.empty("templateId", "root", "1.2.250.1.213.1.1.3.153");
        x.empty("id", "root", uuid(documentUid, "technique"));
        x.start("code").attr("code", procedure.code()).attr("displayName", procedure.displayName()).attr("codeSystem", LOINC)
                .attr("codeSystemName", "LOINC");
        x.start("originalText").attr("mediaType", "text/xml").empty("reference", "value", "#acte-01").end();
        if (exam.ccamCode() != null && !exam.ccamCode().isBlank()) {
            x.empty("translation", "code", exam.ccamCode(), "displayName", exam.label(), "codeSystem",
                    CdaHeaderWriter.CCAM, "codeSystemName", "CCAM");
        }
        x.end();
        x.start("text").empty("reference", "value", "#acte-01-description").end();
        x.empty("effectiveTime", "value", CdaTime.ts(d.step().scheduledStart()));
        x.start("methodCode").attr("code", exam.modality().name())
                .attr("displayName", ImagingProcedureCodes.modalityDisplayName(exam.modality())).attr("codeSystem", DCM)
                .attr("codeSystemName", "DCM");
        x.start("originalText").attr("mediaType", "text/xml").empty("reference", "value", "#acte-01-modalite").end();
        x.end();
        ImagingProcedureCodes.Code site = ImagingProcedureCodes.localisation(exam.anatomicalRegionCode());
        if (site != null) {
            x.start("targetSiteCode").attr("xsi:type", "CD").attr("code", site.code()).attr("displayName", site.displayName())
                    .attr("codeSystem", CdaHeaderWriter.SNOMED).attr("codeSystemName", "SNOMED CT");
            x.start("originalText").attr("mediaType", "text/xml").empty("reference", "value", "#acte-01-localisation").end();
            x.end();
        } else {
            x.empty("targetSiteCode", "nullFlavor", "UNK");
        }
        x.end().end();

        x.start("component");
        section(x, documentUid, "catalogue", new String[] {"2.16.840.1.113883.10.20.6.1.1", "1.2.250.1.213.1.1.2.217"},
                "121181", DCM, "Catalogue d'objets DICOM", "Catalogue d'objets DICOM");
        x.start("text");
        x.start("paragraph").text("Study Instance UID : " + d.step().studyInstanceUid() + " - numéro d'examen : "
                + d.order().accessionNumber()).end();
        x.start("paragraph").text("Images visibles sur la visionneuse DRIMbox jusqu'au "
                + DAY.format(d.viewerLink().availableUntil().atZone(CdaTime.PARIS)) + " : ");
        x.element("linkHtml", d.viewerLink().url(), "href", d.viewerLink().url());
        x.end();
        x.end();
        x.end().end();
        x.end();
    }

    private static void pdfCopy(XmlBuilder x, ReportDocumentData d, String documentUid, byte[] pdf) {
        section(x, documentUid, "documents-ajoutes", new String[] {PDF_SECTION_TEMPLATE}, "55107-7", LOINC,
                "Documents ajoutés", "Copie PDF du compte rendu");
        x.start("text");
        x.start("table").attr("border", "0");
        x.start("thead").start("tr").start("th").element("content", CdaHeaderWriter.title(d), "ID", "titre-pdf").end().end().end();
        x.start("tbody").start("tr").start("td").empty("renderMultiMedia", "referencedObject", PDF_MEDIA_ID).end().end().end();
        x.end();
        x.end();
        x.start("entry").start("organizer").attr("classCode", "CLUSTER").attr("moodCode", "EVN");
        x.empty("templateId", "root", "1.2.250.1.213.1.1.3.18");
        x.empty("id", "root", uuid(documentUid, "pdf-organizer"));
        x.empty("code", "code", "55107-7", "displayName", "Document attaché", "codeSystem", LOINC, "codeSystemName", "LOINC");
        x.empty("statusCode", "code", "completed");
        x.start("component").attr("typeCode", "COMP").start("observation").attr("classCode", "OBS").attr("moodCode", "EVN");
        x.empty("templateId", "root", "1.3.6.1.4.1.19376.1.5.3.1.4.13");
        x.empty("templateId", "root", "1.2.250.1.213.1.1.3.48");
        x.empty("templateId", "root", "1.2.250.1.213.1.1.3.48.18");
        x.empty("id", "root", uuid(documentUid, "pdf-type"));
        x.empty("code", "code", "69764-9", "displayName", "Type de document", "codeSystem", LOINC, "codeSystemName", "LOINC");
        x.start("text").empty("reference", "value", "#titre-pdf").end();
        x.empty("statusCode", "code", "completed");
        x.empty("effectiveTime", "nullFlavor", "NA");
        x.start("value").attr("xsi:type", "CD").attr("code", CdaHeaderWriter.CR_IMAGING)
                .attr("displayName", CdaHeaderWriter.CR_IMAGING_NAME).attr("codeSystem", LOINC).attr("codeSystemName", "LOINC");
        x.start("originalText").empty("reference", "value", "#titre-pdf").end();
        x.end();
        x.end().end();
        x.start("component").start("observationMedia").attr("classCode", "OBS").attr("moodCode", "EVN")
                .attr("ID", PDF_MEDIA_ID);
        x.start("value").attr("mediaType", "application/pdf").attr("representation", "B64")
                .raw(Base64.getEncoder().encodeToString(pdf)).end();
        x.end().end();
        x.end().end();
        x.end();
    }

    /** Opens a section with its templates, id, code and title; the caller writes text and entries, then closes. */
    private static void section(XmlBuilder x, String documentUid, String name, String[] templates, String code,
                                String codeSystem, String displayName, String title) {
        x.start("section");
        for (String t : templates) {
            x.empty("templateId", "root", t);
        }
        x.empty("id", "root", uuid(documentUid, name));
        x.empty("code", "code", code, "displayName", displayName, "codeSystem", codeSystem, "codeSystemName",
                codeSystem.equals(DCM) ? "DCM" : "LOINC");
        x.element("title", title);
    }

    /** Free text as paragraphs (blank lines) with line breaks. */
    private static void narrative(XmlBuilder x, String text, String whenEmpty) {
        x.start("text");
        String body = text == null || text.isBlank() ? whenEmpty : text;
        for (String paragraph : body.split("\\n\\s*\\n")) {
            x.start("paragraph");
            String[] lines = paragraph.strip().split("\\n");
            for (int i = 0; i < lines.length; i++) {
                if (i > 0) {
                    x.empty("br");
                }
                x.text(lines[i]);
            }
            x.end();
        }
        x.end();
    }

    /** Stable ids for the sections and entries of one document: same document, same bytes. */
    static String uuid(String documentUid, String name) {
        return UUID.nameUUIDFromBytes((documentUid + "#" + name).getBytes(StandardCharsets.UTF_8)).toString()
                .toUpperCase(Locale.ROOT);
    }
}
