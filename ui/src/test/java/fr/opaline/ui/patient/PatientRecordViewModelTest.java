package fr.opaline.ui.patient;

import static org.assertj.core.api.Assertions.assertThat;

import fr.opaline.core.audit.AuditAction;
import fr.opaline.core.document.ClinicalDocument;
import fr.opaline.core.document.DocumentRepository;
import fr.opaline.core.document.DocumentStatus;
import fr.opaline.core.document.Provenance;
import fr.opaline.ui.i18n.Messages;
import fr.opaline.ui.testing.DesktopFixture;
import fr.opaline.ui.testing.Direct;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PatientRecordViewModelTest {

    DesktopFixture f;

    @BeforeEach
    void open() {
        f = new DesktopFixture();
    }

    @AfterEach
    void close() throws Exception {
        f.close();
    }

    static ClinicalDocument document(UUID patientId, String type, String title, Instant act, Provenance provenance) {
        return new ClinicalDocument(UUID.randomUUID(), patientId, "1.2.3." + UUID.randomUUID().getLeastSignificantBits(),
                "set-" + UUID.randomUUID(), 1, type, title, act, "Dr Claire Lambert", "99700000000", provenance,
                DocumentStatus.CURRENT, false, false, "text/xml", "<ClinicalDocument/>".getBytes(StandardCharsets.UTF_8),
                null, act);
    }

    @Test
    void theRecordShowsAppointmentsOrdersAndDocumentsByTypeThenLatestActFirst() {
        Instant jan = Instant.parse("2026-01-10T10:00:00Z");
        Instant feb = Instant.parse("2026-02-10T10:00:00Z");
        f.db.database().inTransactionRun(ctx -> {
            DocumentRepository documents = new DocumentRepository(ctx);
            documents.insertIfAbsent(document(f.qualified.id(), "18748-4", "CR scanner janvier", jan, Provenance.LOCAL));
            documents.insertIfAbsent(document(f.qualified.id(), "11488-4", "Consultation", feb, Provenance.MSSANTE));
            documents.insertIfAbsent(document(f.qualified.id(), "18748-4", "CR IRM février", feb, Provenance.DMP));
        });
        PatientRecordViewModel record = new PatientRecordViewModel(new PatientDirectory(f.signedIn(f.secretary)),
                Direct.background(), Messages.french(), () -> f.actor);

        record.open(f.qualified.id());

        assertThat(record.patientProperty().get().id()).isEqualTo(f.qualified.id());
        assertThat(record.appointments()).hasSize(1);
        assertThat(record.appointments().get(0).exam().label()).isEqualTo("Scanner thoracique");
        assertThat(record.orders()).hasSize(1);
        assertThat(record.orders().get(0).order().accessionNumber()).isEqualTo(f.qualifiedAtNine.order().accessionNumber());
        assertThat(record.orders().get(0).steps()).hasSize(1);
        assertThat(record.documents()).extracting(ClinicalDocument::title)
                .containsExactly("Consultation", "CR IRM février", "CR scanner janvier");
        assertThat(f.core.audit.forPatient(f.qualified.id(), 5))
                .anyMatch(e -> e.action().equals(AuditAction.PATIENT_READ) && "secretariat".equals(e.actorLogin()));
    }

    @Test
    void anUnknownPatientIsExplained() {
        PatientRecordViewModel record = new PatientRecordViewModel(new PatientDirectory(f.signedIn(f.secretary)),
                Direct.background(), Messages.french(), () -> f.actor);
        record.open(UUID.randomUUID());
        assertThat(record.errorProperty().get()).isEqualTo("Patient introuvable");
        assertThat(record.loadingProperty().get()).isFalse();
    }
}
