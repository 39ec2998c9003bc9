package fr.opaline.documents.report;

import fr.opaline.documents.cda.CdaIdentifiers;
import fr.opaline.documents.cda.CdaN1Writer;
import fr.opaline.documents.cda.CdaN3Writer;
import fr.opaline.documents.cda.CdaReader;
import fr.opaline.documents.pdf.ReportPdfRenderer;
import fr.opaline.documents.xds.XdsMetadataBuilder;

/**
 * Renders a CR: the PDF first, then both CDA around it, then the XDS metadata read back from
 * the CDA just written (so the metadata can only say what the document says). The N3 carries
 * the version's document UID and the report's setId; the N1 variant has its own chain
 * (documentUid.1, setId.1) so that both can be stored and shared without colliding.
 */
public final class ReportRenderer {

    private final CdaReader reader = new CdaReader();

    public RenderedReport render(ReportDocumentData data) {
        byte[] pdf = ReportPdfRenderer.render(data);
        String n3Uid = data.version().documentUid();
        String replaced = data.version().replacesDocumentUid();
        byte[] n3 = CdaN3Writer.write(data, pdf, n3Uid, data.report().setId(), replaced);
        String n1Uid = CdaIdentifiers.n1Uid(n3Uid);
        byte[] n1 = CdaN1Writer.write(data, pdf, n1Uid, CdaIdentifiers.n1Uid(data.report().setId()),
                replaced == null ? null : CdaIdentifiers.n1Uid(replaced));
        boolean invisible = data.version().invisibleToPatient();
        return new RenderedReport(data, pdf, n1, n3, n1Uid, n3Uid,
                XdsMetadataBuilder.from(reader.read(n1).header(), n1, invisible, false),
                XdsMetadataBuilder.from(reader.read(n3).header(), n3, invisible, false));
    }
}
