package fr.opaline.documents.cda;

import fr.opaline.documents.report.ReportDocumentData;
import java.util.Base64;

/** CDA R2 niveau 1: the IMG-CR-IMG header and the PDF/A of the CR as the non-XML body. */
public final class CdaN1Writer {

    private CdaN1Writer() {
    }

    /**
     * @param documentUid the N1's own CDA id; setId and replaced id are the N1 chain's
     */
    public static byte[] write(ReportDocumentData data, byte[] pdf, String documentUid, String setId, String replacesUid) {
        XmlBuilder x = new XmlBuilder();
        CdaHeaderWriter.write(x, data, CdaHeaderWriter.Level.N1, documentUid, setId, replacesUid);
        x.start("component").start("nonXMLBody");
        x.start("text").attr("mediaType", "application/pdf").attr("representation", "B64")
                .raw(Base64.getEncoder().encodeToString(pdf));
        x.end();
        x.end().end();
        x.end();
        return x.toBytes();
    }
}
