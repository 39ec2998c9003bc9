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

    public static boolean isCda(ClinicalDocument document) {
        String mime = document.mimeType() == null ? "" : document.mimeType();
        return mime.contains("xml") || mime.contains("hl7");
    }
}
