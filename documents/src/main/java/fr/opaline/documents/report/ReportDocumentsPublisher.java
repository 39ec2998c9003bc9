package fr.opaline.documents.report;

import fr.opaline.core.document.ClinicalDocument;
import fr.opaline.core.document.DocumentRepository;
import fr.opaline.core.document.DocumentStatus;
import fr.opaline.core.document.Provenance;
import fr.opaline.core.common.IdGenerator;
import fr.opaline.core.report.ReportPublication;
import fr.opaline.core.report.ReportPublicationListener;
import fr.opaline.documents.cda.CdaIdentifiers;
import java.time.Clock;
import org.jooq.DSLContext;

/**
 * Stores the CR of each validated version in {@code clinical_document} (provenance LOCAL, linked
 * to the version), in the validation's transaction: the CDA N3 (the document to share), the CDA
 * N1 and the PDF/A. Register it before the listeners that send documents.
 */
public final class ReportDocumentsPublisher implements ReportPublicationListener {

    public static final String MIME_CDA = "text/xml";
    public static final String MIME_PDF = "application/pdf";

    private final ReportDataLoader loader;
    private final ReportRenderer renderer;
    private final IdGenerator ids;
    private final Clock clock;

    public ReportDocumentsPublisher(ReportDataLoader loader, ReportRenderer renderer, IdGenerator ids, Clock clock) {
        this.loader = loader;
        this.renderer = renderer;
        this.ids = ids;
        this.clock = clock;
    }

    @Override
    public void onPublication(DSLContext ctx, ReportPublication publication) {
        if (publication.kind() == ReportPublication.Kind.RETRACTED) {
            return; // core already marked the stored documents DELETED
        }
        RenderedReport r = renderer.render(loader.load(ctx, publication.version().id(), clock.instant()));
        DocumentRepository documents = new DocumentRepository(ctx);
        String setId = publication.report().setId();
        store(documents, r, r.n3Uid(), setId, MIME_CDA, r.cdaN3(), publication);
        store(documents, r, r.n1Uid(), CdaIdentifiers.n1Uid(setId), MIME_CDA, r.cdaN1(), publication);
        store(documents, r, CdaIdentifiers.pdfUid(r.n3Uid()), CdaIdentifiers.pdfUid(setId), MIME_PDF, r.pdf(), publication);
    }

    private void store(DocumentRepository documents, RenderedReport r, String uid, String setId, String mime,
                       byte[] content, ReportPublication publication) {
        ReportDocumentData d = r.data();
        documents.insertIfAbsent(new ClinicalDocument(ids.newId(), d.patient().id(), uid, setId,
                d.version().versionNumber(), r.n3Metadata().typeCode().code(), r.n3Metadata().title(), d.signedAt(),
                d.signer().displayName(), d.signer().rpps(), Provenance.LOCAL, DocumentStatus.CURRENT,
                d.version().invisibleToPatient(), false, mime, content, publication.version().id(), clock.instant()));
    }

}
