package fr.opaline.ui.document;

import fr.opaline.api.DocumentApi;
import fr.opaline.core.common.BusinessRuleException;
import fr.opaline.core.document.ClinicalDocument;
import fr.opaline.documents.cda.CdaReader;
import java.util.Optional;
import java.util.UUID;

/**
 * Reads a stored document for the viewer: its content through the practice server (which audits
 * the read), the PDF to show first (the document itself, or the copy a CDA carries) and the CDA's
 * readable view. Blocking: off the FX thread.
 */
public final class DocumentLibrary {

    static final String PDF = "application/pdf";

    private final DocumentApi documents;
    private final CdaReader reader = new CdaReader();

    /** @param documents the server's document area; null: no document can be read (said so) */
    public DocumentLibrary(DocumentApi documents) {
        this.documents = documents;
    }

    /** The document with its content (the record's list is read without it); the server audits the read. */
    public ClinicalDocument load(UUID id) {
        if (documents == null) {
            throw new BusinessRuleException("Documents non disponibles : pas de connexion au serveur du cabinet.");
        }
        return documents.content(id);
    }

    /** The PDF to show first: the document itself, or the copy its CDA carries. */
    public Optional<byte[]> pdfOf(ClinicalDocument document) {
        if (PDF.equals(document.mimeType())) {
            return Optional.of(document.content());
        }
        return isCda(document) ? reader.read(document.content()).pdf() : Optional.empty();
    }

    /** The CDA's narrative as text (Opaline's stylesheet); a document that is not a CDA has none. */
    public Optional<String> cdaText(ClinicalDocument document) {
        if (!isCda(document)) {
            return Optional.empty();
        }
        return Optional.of(CdaText.fromHtml(reader.read(document.content()).html(null)));
    }

    /**
     * Whom the CDA is about, as its header says (CDA/DD.05, VISU.02): used name and first name,
     * birth name when it differs, birth date and INS; empty for a document that is not a CDA or
     * names nobody.
     */
    public Optional<PatientLine> patientLine(ClinicalDocument document) {
        if (!isCda(document)) {
            return Optional.empty();
        }
        fr.opaline.documents.cda.CdaHeader header = reader.read(document.content()).header();
        fr.opaline.documents.cda.CdaHeader.PatientName name = header.patientName();
        if (name == null && header.ins() == null) {
            return Optional.empty();
        }
        String used = name == null ? null : first(name.usedName(), name.birthName());
        String given = name == null ? null : first(name.usedGivenName(), name.firstBirthGivenName());
        String birthName = name == null || name.birthName() == null || name.birthName().equals(used) ? null : name.birthName();
        java.time.LocalDate born = null;
        String b = header.birthTime();
        if (b != null && b.length() >= 8) {
            try {
                born = java.time.LocalDate.of(Integer.parseInt(b.substring(0, 4)), Integer.parseInt(b.substring(4, 6)),
                        Integer.parseInt(b.substring(6, 8)));
            } catch (RuntimeException e) {
                born = null;
            }
        }
        return Optional.of(new PatientLine(used, given, birthName, born,
                header.ins() == null ? null : header.ins().extension()));
    }

    /** The patient a CDA's header names. */
    public record PatientLine(String name, String givenName, String birthName, java.time.LocalDate birthDate, String ins) {
    }

    private static String first(String a, String b) {
        return a != null && !a.isBlank() ? a : b;
    }

    public static boolean isCda(ClinicalDocument document) {
        String mime = document.mimeType() == null ? "" : document.mimeType();
        return mime.contains("xml") || mime.contains("hl7");
    }
}
