package fr.opaline.ui.document;

import fr.opaline.core.common.NotFoundException;
import fr.opaline.core.document.ClinicalDocument;
import fr.opaline.core.document.DocumentRepository;
import fr.opaline.core.persistence.Database;
import fr.opaline.documents.cda.CdaReader;
import java.util.Optional;
import java.util.UUID;

/**
 * Reads a stored document for the viewer: its content, the PDF to show first (the document
 * itself, or the copy a CDA carries) and the CDA's readable view. Blocking: off the FX thread.
 */
public final class DocumentLibrary {

    static final String PDF = "application/pdf";

    private final Database database;
    private final CdaReader reader = new CdaReader();

    public DocumentLibrary(Database database) {
        this.database = database;
    }

    /** The document with its content (the record's list is read without it). */
    public ClinicalDocument load(UUID id) {
        return new DocumentRepository(database.dsl()).findById(id)
                .orElseThrow(() -> new NotFoundException("Document introuvable : il a peut-être été supprimé."));
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

    public static boolean isCda(ClinicalDocument document) {
        String mime = document.mimeType() == null ? "" : document.mimeType();
        return mime.contains("xml") || mime.contains("hl7");
    }
}
