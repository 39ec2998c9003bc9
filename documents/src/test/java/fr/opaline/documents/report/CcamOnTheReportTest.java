package fr.opaline.documents.report;

import static org.assertj.core.api.Assertions.assertThat;

import fr.opaline.core.catalogue.ExamType;
import fr.opaline.core.common.MutableClock;
import fr.opaline.core.testing.TestDatabases;
import fr.opaline.documents.cda.CdaN3Writer;
import fr.opaline.documents.drimbox.DrimboxLinkTemplate;
import fr.opaline.documents.pdf.ReportPdfRenderer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/**
 * The exam's CCAM code on the CR: a {@code <translation>} of the LOINC act code in the CDA, and in
 * the human-readable parts (the N3 narrative and the PDF).
 */
class CcamOnTheReportTest {

    @Test
    void theCcamCodeIsCarriedAndShown() throws Exception {
        try (var db = TestDatabases.h2()) {
            MutableClock clock = new MutableClock(Instant.parse("2026-03-02T10:15:00Z"), ZoneId.of("Europe/Paris"));
            SampleReport.Result sample = SampleReport.create(db.database(), clock, new DrimboxLinkTemplate(
                    "https://drimbox.exemple.fr/viewer?study={studyInstanceUid}&an={accessionNumber}", Duration.ofDays(365)));
            ReportDocumentData loaded = sample.loader().load(db.database().dsl(), sample.version().id(), clock.instant());
            ExamType e = loaded.exam();
            // Test data: a fictitious act in the CCAM format.
            ExamType withCcam = new ExamType(e.id(), e.code(), e.label(), e.modality(), e.anatomicalRegionCode(),
                    e.anatomicalRegionLabel(), "ZZZZ001", e.durationMinutes(), e.active());
            ReportDocumentData d = new ReportDocumentData(loaded.practice(), loaded.facilityTypeCode(), loaded.patient(),
                    loaded.order(), loaded.step(), withCcam, loaded.author(), loaded.legalAuthenticator(), loaded.report(),
                    loaded.version(), loaded.viewerLink(), loaded.signedAt());

            byte[] pdf = ReportPdfRenderer.render(d);
            String text;
            try (var document = Loader.loadPDF(pdf)) {
                text = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
            }
            assertThat(text).contains("Examen : Scanner thoracique (acte CCAM ZZZZ001)");

            String cda = new String(CdaN3Writer.write(d, pdf, "1.2.250.1.999.1", "1.2.250.1.999.2", null),
                    StandardCharsets.UTF_8);
            assertThat(cda).contains("[CCAM : ZZZZ001]")
                    .contains("<translation code=\"ZZZZ001\" displayName=\"Scanner thoracique\" codeSystem=\"1.2.250.1.215.300.1\"");
        }
    }
}
