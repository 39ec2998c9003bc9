package fr.opaline.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.opaline.api.PrintApi;
import fr.opaline.api.PrintedDocument;
import fr.opaline.api.SessionApi;
import fr.opaline.api.client.ApiClient;
import fr.opaline.api.client.ApiException;
import fr.opaline.core.audit.AuditEvent;
import fr.opaline.core.catalogue.ExamType;
import fr.opaline.core.catalogue.Modality;
import fr.opaline.core.catalogue.Room;
import fr.opaline.core.patient.Patient;
import fr.opaline.core.patient.Sex;
import fr.opaline.core.practice.PracticeSettings;
import fr.opaline.core.scheduling.Booking;
import fr.opaline.core.scheduling.BookingRequest;
import fr.opaline.documents.pdf.ConvocationPdfRenderer;
import fr.opaline.server.print.PrintEndpoint;
import fr.opaline.server.record.RecordEndpoints;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The printables through the API: rendered by the server from the database (practice settings,
 * appointment, exam type's preparation), each print audited as a read of the patient's data, and
 * only for the roles that print; the preparation text is the administrator's.
 */
class PrintApiTest {

    ApiFixture fixture;
    Patient patient;
    ExamType exam;
    Booking booking;

    @BeforeEach
    void start() throws Exception {
        fixture = new ApiFixture(core -> RecordEndpoints.of(core.database, core.audit, core.clock, core.patients, null,
                null, null, null, null, false));
        var core = fixture.core;
        patient = core.patient("LEFÈVRE", "ANNE", LocalDate.of(1962, 8, 30), Sex.F);
        Room room = core.room("SC1", Modality.CT);
        exam = core.exam("CT-THX", Modality.CT, 20);
        Instant start = core.clock.instant().plus(Duration.ofDays(2)).truncatedTo(ChronoUnit.HOURS);
        booking = core.booking.book(new BookingRequest(patient.id(), room.id(), exam.id(), start, null, null, null, null),
                core.secretary);
        PracticeSettings settings = new PracticeSettings(core.database);
        settings.put(PracticeSettings.NAME, "Imagerie du Parc");
        settings.put(PracticeSettings.ADDRESS, "3 avenue du Parc");
        settings.put(PracticeSettings.POSTAL_CODE, "69006");
        settings.put(PracticeSettings.CITY, "Lyon");
        settings.put(PracticeSettings.PHONE, "04 78 00 00 00");
    }

    @AfterEach
    void stop() throws Exception {
        fixture.close();
    }

    ApiClient signedIn(String login) {
        ApiClient client = fixture.client(ApiFixture.workstationKey());
        client.api(SessionApi.class).signIn(login, ApiFixture.PASSWORD.toCharArray(), null);
        return client;
    }

    @Test
    void theSecretaryPrintsAConvocationWithThePreparationTheAdministratorTyped() throws Exception {
        PrintApi admin = signedIn("admin").api(PrintApi.class);
        assertThat(admin.preparation(exam.id())).isEmpty();
        admin.setPreparation(exam.id(), "  Venir à jeun depuis 4 heures.\nApporter les examens antérieurs.  ");
        assertThat(admin.preparation(exam.id())).isEqualTo("Venir à jeun depuis 4 heures.\nApporter les examens antérieurs.");

        PrintedDocument letter = signedIn("secretaire").api(PrintApi.class).convocation(booking.appointment().id());
        String when = ConvocationPdfRenderer.DAY_TIME.format(booking.appointment().startsAt().atZone(fixture.core.clock.getZone()));
        assertThat(text(letter.pdf())).contains("Imagerie du Parc", "3 avenue du Parc, 69006 Lyon", "Tél. : 04 78 00 00 00",
                "Patient : LEFÈVRE ANNE", "Date et heure : " + when, "Salle : Salle SC1", "Examen : Examen CT-THX",
                "Venir à jeun depuis 4 heures.", "Apporter les examens antérieurs.");
        assertThat(letter.fileName()).startsWith("convocation-" + patient.ipp()).endsWith(".pdf");
        assertThat(fixture.core.audit.forPatient(patient.id(), 20)).filteredOn(
                e -> e.action().equals(PrintEndpoint.AUDIT_CONVOCATION)).singleElement()
                .satisfies(e -> assertThat(e.actorLogin()).isEqualTo("secretaire"));

        admin.setPreparation(exam.id(), " ");
        assertThat(text(signedIn("radiologue").api(PrintApi.class).convocation(booking.appointment().id()).pdf()))
                .doesNotContain("Préparation").doesNotContain("jeun");
    }

    @Test
    void labelsArePrintedThroughTheApiAndAudited() throws Exception {
        PrintedDocument labels = signedIn("secretaire").api(PrintApi.class).labels(patient.id());
        assertThat(text(labels.pdf())).contains("LEFÈVRE ANNE", "Nom de naissance : LEFÈVRE", "Né(e) le 30/08/1962",
                "IPP : " + patient.ipp()).doesNotContain("INS :");
        assertThat(fixture.core.audit.forPatient(patient.id(), 20)).extracting(AuditEvent::action)
                .contains(PrintEndpoint.AUDIT_LABELS);
    }

    @Test
    void rolesAndBadInputAreRefusedInFrench() {
        UUID appointment = booking.appointment().id();
        assertThatThrownBy(() -> signedIn("admin").api(PrintApi.class).convocation(appointment))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(403));
        assertThatThrownBy(() -> signedIn("admin").api(PrintApi.class).labels(patient.id()))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(403));
        assertThatThrownBy(() -> signedIn("secretaire").api(PrintApi.class).setPreparation(exam.id(), "x"))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(403));
        assertThatThrownBy(() -> fixture.client(ApiFixture.workstationKey()).api(PrintApi.class).labels(patient.id()))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(401));
        assertThatThrownBy(() -> signedIn("secretaire").api(PrintApi.class).convocation(UUID.randomUUID()))
                .isInstanceOf(fr.opaline.core.common.NotFoundException.class).hasMessageContaining("Rendez-vous introuvable");
        assertThatThrownBy(() -> signedIn("admin").api(PrintApi.class).setPreparation(exam.id(), "x".repeat(4001)))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.getMessage()).contains("Préparation trop longue");
                });
        assertThat(signedIn("admin").api(PrintApi.class).preparation(exam.id())).isEmpty();
    }

    private static String text(byte[] pdf) throws Exception {
        try (var document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }
}
