package fr.opaline.server.record;

import fr.opaline.api.DocumentApi;
import fr.opaline.core.audit.AuditEntry;
import fr.opaline.core.audit.AuditTrail;
import fr.opaline.core.common.NotFoundException;
import fr.opaline.core.document.ClinicalDocument;
import fr.opaline.core.document.DocumentRepository;
import fr.opaline.core.persistence.Database;
import fr.opaline.platform.http.HttpError;
import fr.opaline.server.Call;
import fr.opaline.server.ServerSession;
import java.util.List;
import java.util.UUID;

/** The record's documents: the list, and a document's content, each read written to the audit trail. */
public final class DocumentEndpoint implements DocumentApi {

    /** A document's content was read (viewer, copy). */
    public static final String AUDIT_DOCUMENT_READ = "DOCUMENT_READ";
    /** The list of a patient's documents was read. */
    public static final String AUDIT_DOCUMENTS_LISTED = "DOCUMENTS_LISTED";

    private final Database database;
    private final AuditTrail audit;

    public DocumentEndpoint(Database database, AuditTrail audit) {
        this.database = database;
        this.audit = audit;
    }

    @Override
    public List<ClinicalDocument> list(UUID patientId) {
        if (patientId == null) {
            throw HttpError.badRequest("Patient non précisé.");
        }
        ServerSession session = Call.signedIn();
        return database.inTransaction(ctx -> {
            List<ClinicalDocument> documents = new DocumentRepository(ctx).listForPatient(patientId);
            audit.record(ctx, AuditEntry.of(session.actor(), AUDIT_DOCUMENTS_LISTED, patientId));
            return documents;
        });
    }

    @Override
    public ClinicalDocument content(UUID documentId) {
        if (documentId == null) {
            throw HttpError.badRequest("Document non précisé.");
        }
        ServerSession session = Call.signedIn();
        return database.inTransaction(ctx -> {
            ClinicalDocument document = new DocumentRepository(ctx).findById(documentId)
                    .orElseThrow(() -> new NotFoundException("Document introuvable : il a peut-être été supprimé."));
            audit.record(ctx, AuditEntry.of(session.actor(), AUDIT_DOCUMENT_READ, document.patientId())
                    .on("clinical_document", document.id())
                    .withDetail(document.title() == null ? document.mimeType() : document.title()));
            return document;
        });
    }
}
