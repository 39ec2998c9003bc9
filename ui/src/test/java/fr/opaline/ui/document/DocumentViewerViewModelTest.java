package fr.opaline.ui.document;

import static org.assertj.core.api.Assertions.assertThat;

import fr.opaline.core.document.ClinicalDocument;
import fr.opaline.core.document.DocumentRepository;
import fr.opaline.core.document.DocumentStatus;
import fr.opaline.core.document.Provenance;
import fr.opaline.ui.i18n.Messages;
import fr.opaline.ui.testing.DesktopFixture;
import fr.opaline.ui.testing.Direct;
import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.util.UUID;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The viewer shows the PDF first, rendered with PDFBox (SC.CDA/VISU.01); bad content is explained. */
class DocumentViewerViewModelTest {

    DesktopFixture f;
    DocumentViewerViewModel model;

    @BeforeEach
    void open() {
        f = new DesktopFixture();
        model = new DocumentViewerViewModel(new DocumentLibrary(f.signedIn(f.secretary).api()
                .api(fr.opaline.api.DocumentApi.class)), Direct.background(), Messages.french());
    }

    @AfterEach
    void close() throws Exception {
        f.close();
    }

    @Test
    void aStoredPdfIsRenderedPageByPage() throws Exception {
        ClinicalDocument stored = store("application/pdf", pdf(2));

        model.show(listed(stored));

        assertThat(model.pages()).hasSize(2);
        assertThat(model.pages().get(0).getWidth()).isGreaterThan(800).isLessThan(1000); // A4 at 110 dpi
        assertThat(model.noteProperty().get()).isEqualTo("2 pages");
        assertThat(model.modeProperty().get()).isEqualTo(DocumentViewerViewModel.Mode.PDF);
        assertThat(model.cdaAvailableProperty().get()).isFalse();
        // Printing (issue 24) prints or saves exactly the stored PDF.
        assertThat(model.printableProperty().get()).isTrue();
        assertThat(model.printableDocument()).hasValueSatisfying(printed -> {
            assertThat(printed.pdf()).isEqualTo(stored.content());
            assertThat(printed.fileName()).isEqualTo("Scanner thoracique.pdf");
        });
    }

    @Test
    void aNewerVersionInTheDmpIsSaidInTheViewerAsSoonAsTheDmpAnswers() throws Exception {
        ClinicalDocument stored = store("application/pdf", pdf(1));
        java.util.Set<UUID> newerInDmp = new java.util.HashSet<>();
        model.newerElsewhere(id -> newerInDmp.contains(id) ? java.util.Optional.of("CR scanner (v2)")
                : java.util.Optional.empty());

        model.show(listed(stored));
        assertThat(model.versionNoticeProperty().get()).isEmpty();

        newerInDmp.add(stored.id()); // the DMP tab's list arrives after the document was opened
        model.recheckVersion();
        assertThat(model.versionNoticeProperty().get())
                .isEqualTo("Une version plus récente de ce document existe dans le DMP (« CR scanner (v2) ») : "
                        + "voir l’onglet DMP.");
    }

    @Test
    void theReceivedAnsCrShowsItsEmbeddedPdfAndThePatientItNames() throws Exception {
        ClinicalDocument stored = store("text/xml", fr.opaline.ui.testing.ReceivedDocuments.firstVersion());

        model.show(listed(stored));

        assertThat(model.noteProperty().get()).doesNotStartWith("Pas de PDF");
        assertThat(model.pages()).isNotEmpty();
        assertThat(model.patientLineProperty().get())
                .isEqualTo("Patient : PAT-TROIS DOMINIQUE, né(e) le 28/03/1979, INS 279035121518989");
    }

    @Test
    void unreadableContentGivesAMessageNotACrash() {
        ClinicalDocument stored = store("text/xml", "<pas-un-cda/>".getBytes());

        model.show(listed(stored));

        assertThat(model.pages()).isEmpty();
        assertThat(model.errorProperty().get()).contains("CDA");
        assertThat(model.printableProperty().get()).isFalse();
        assertThat(model.printableDocument()).isEmpty();
    }

    private ClinicalDocument listed(ClinicalDocument stored) {
        return new DocumentRepository(f.db.database().dsl()).listForPatient(stored.patientId()).stream()
                .filter(d -> d.id().equals(stored.id())).findFirst().orElseThrow();
    }

    private ClinicalDocument store(String mime, byte[] content) {
        Instant now = f.core.clock.instant();
        ClinicalDocument d = new ClinicalDocument(UUID.randomUUID(), f.qualified.id(), "1.2.3.4." + now.toEpochMilli(),
                "1.2.3.5." + now.toEpochMilli(), 1, "18748-4", "Scanner thoracique", now, "Dr Lambert", "99700000000",
                Provenance.LOCAL, DocumentStatus.CURRENT, false, false, mime, content, null, now);
        f.db.database().inTransactionRun(ctx -> new DocumentRepository(ctx).insertIfAbsent(d));
        return d;
    }

    private static byte[] pdf(int pages) throws Exception {
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            for (int i = 0; i < pages; i++) {
                document.addPage(new PDPage(PDRectangle.A4));
            }
            document.save(out);
            return out.toByteArray();
        }
    }
}
