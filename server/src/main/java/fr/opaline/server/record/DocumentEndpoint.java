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

    /** The views of documents were exported for the DPO. */
    public static final String AUDIT_VIEWS_EXPORTED = "DOCUMENT_VIEWS_EXPORTED";

    private final Database database;
    private final AuditTrail audit;
    private final java.time.Clock clock;

    public DocumentEndpoint(Database database, AuditTrail audit) {
        this(database, audit, java.time.Clock.systemDefaultZone());
    }

    /** @param clock its zone dates the export's days and lines */
    public DocumentEndpoint(Database database, AuditTrail audit, java.time.Clock clock) {
        this.database = database;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public String viewsCsv(java.time.LocalDate from, java.time.LocalDate to) {
        if (from == null || to == null) {
            throw HttpError.badRequest("Indiquez la période (du, au).");
        }
        if (to.isBefore(from)) {
            throw HttpError.badRequest("Période invalide : la date de fin précède la date de début.");
        }
        if (from.plusYears(3).isBefore(to)) {
            throw HttpError.badRequest("Période trop longue : trois ans au plus par export.");
        }
        ServerSession session = Call.signedIn();
        java.time.ZoneId zone = clock.getZone();
        return database.inTransaction(ctx -> {
            String csv = DocumentViews.csv(ctx, from.atStartOfDay(zone).toInstant(),
                    to.plusDays(1).atStartOfDay(zone).toInstant(), zone);
            audit.record(ctx, AuditEntry.of(session.actor(), AUDIT_VIEWS_EXPORTED, null)
                    .withDetail("consultations du " + from + " au " + to));
            return csv;
        });
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
