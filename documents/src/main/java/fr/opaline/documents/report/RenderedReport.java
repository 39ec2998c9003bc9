package fr.opaline.documents.report;

import fr.opaline.documents.xds.XdsMetadata;

/**
 * One CR in every format, from the same snapshot (SC.CDA/DD.24): the PDF/A-1b, the CDA N1 (PDF
 * in nonXMLBody), the CDA N3 (IMG-CR-IMG 2024.01, with the PDF copy) and the XDS metadata of
 * both CDA documents, derived from their headers.
 */
public record RenderedReport(ReportDocumentData data, byte[] pdf, byte[] cdaN1, byte[] cdaN3, String n1Uid,
                             String n3Uid, XdsMetadata n1Metadata, XdsMetadata n3Metadata) {
}
