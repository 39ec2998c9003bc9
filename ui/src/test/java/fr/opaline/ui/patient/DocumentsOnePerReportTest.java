package fr.opaline.ui.patient;

import static org.assertj.core.api.Assertions.assertThat;

import fr.opaline.core.document.ClinicalDocument;
import fr.opaline.core.document.DocumentStatus;
import fr.opaline.core.document.Provenance;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** CDA/DD.15: a local CR is one line of the record (its N3), its N1 and PDF behind it; other documents stay. */
class DocumentsOnePerReportTest {

    static ClinicalDocument doc(String uid, String mime, UUID reportVersion) {
        return new ClinicalDocument(UUID.randomUUID(), UUID.randomUUID(), uid, uid, 1, "18748-4", "CR scanner",
                Instant.parse("2026-03-02T09:00:00Z"), "Dr X", null, reportVersion == null ? Provenance.MSSANTE
                : Provenance.LOCAL, DocumentStatus.CURRENT, false, false, mime, null, reportVersion, Instant.now());
    }

    @Test
    void aLocalCrIsOneLineWithItsThreeFormsBehind() {
        UUID v1 = UUID.randomUUID();
        UUID v2 = UUID.randomUUID();
        // Listed in any order: the PDF and the N1 before the N3.
        ClinicalDocument pdf = doc("1.2.250.9.1.2", "application/pdf", v1);
        ClinicalDocument n1 = doc("1.2.250.9.1.1", "text/xml", v1);
        ClinicalDocument n3 = doc("1.2.250.9.1", "text/xml", v1);
        ClinicalDocument amendedN3 = doc("1.2.250.9.7", "text/xml", v2);
        ClinicalDocument amendedPdf = doc("1.2.250.9.7.2", "application/pdf", v2);
        ClinicalDocument received = doc("1.2.3.4", "text/xml", null);

        List<ClinicalDocument> all = List.of(pdf, n1, n3, received, amendedPdf, amendedN3);
        assertThat(PatientRecordViewModel.onePerReport(all)).containsExactly(n3, received, amendedN3);
        assertThat(PatientRecordViewModel.byReport(all).get(v1)).containsExactly(n3, n1, pdf);
        assertThat(PatientRecordViewModel.byReport(all).get(v2)).containsExactly(amendedN3, amendedPdf);
    }
}
