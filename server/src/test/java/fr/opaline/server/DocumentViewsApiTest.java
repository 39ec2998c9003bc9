package fr.opaline.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.opaline.api.DocumentApi;
import fr.opaline.api.SessionApi;
import fr.opaline.api.client.ApiClient;
import fr.opaline.api.client.ApiException;
import fr.opaline.core.audit.AuditEvent;
import fr.opaline.core.document.ClinicalDocument;
import fr.opaline.core.document.DocumentRepository;
import fr.opaline.core.document.DocumentStatus;
import fr.opaline.core.document.Provenance;
import fr.opaline.core.patient.Patient;
import fr.opaline.core.patient.Sex;
import fr.opaline.server.record.DocumentEndpoint;
import fr.opaline.server.record.DocumentViews;
import fr.opaline.server.record.RecordEndpoints;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every view of a document's content is audited by the server, and the administrator exports who
 * viewed which document for the DPO (SC.DMP/CONF.14); the export is the administrator's only.
 */
class DocumentViewsApiTest {

    ApiFixture fixture;
    Patient patient;
    UUID document;

    @BeforeEach
    void start() throws Exception {
        fixture = new ApiFixture(core -> RecordEndpoints.of(core.database, core.audit, core.clock, core.patients, null,
                null, null, null, null, false));
        patient = fixture.core.patient("ROBERT", "LUCIE", LocalDate.of(1970, 4, 12), Sex.F);
        document = fixture.core.ids.newId();
        fixture.core.database.inTransactionRun(ctx -> new DocumentRepository(ctx).insertIfAbsent(new ClinicalDocument(
                document, patient.id(), "1.2.3^doc", "1.2.3^set", 1, "18748-4", "IRM du genou; droit",
                fixture.core.clock.instant(), "Dr Lœw", "10003456789", Provenance.DMP, DocumentStatus.CURRENT, false,
                false, "text/plain", "contenu".getBytes(StandardCharsets.UTF_8), null, fixture.core.clock.instant())));
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
    void loadingAContentWritesTheViewAndTheAdministratorExportsIt() {
        ApiClient radiologist = signedIn("radiologue");
        radiologist.api(DocumentApi.class).content(document);
        assertThat(fixture.core.audit.forPatient(patient.id(), 20)).filteredOn(
                e -> e.action().equals(DocumentEndpoint.AUDIT_DOCUMENT_READ)).singleElement().satisfies(e -> {
                    assertThat(e.actorLogin()).isEqualTo("radiologue");
                    assertThat(e.objectId()).isEqualTo(document.toString());
                });

        LocalDate today = LocalDate.ofInstant(fixture.core.clock.instant(), fixture.core.clock.getZone());
        String csv = signedIn("admin").api(DocumentApi.class).viewsCsv(today.minusDays(1), today);
        String[] lines = csv.split("\r\n");
        assertThat(lines[0]).isEqualTo(DocumentViews.HEADER);
        assertThat(lines).hasSize(2);
        assertThat(lines[1]).contains("(radiologue)", ";10001234567;", ";ROBERT LUCIE;" + patient.ipp() + ";",
                "\"IRM du genou; droit\"", ";DMP / Mon espace santé");
        assertThat(fixture.core.audit.latest(5)).extracting(AuditEvent::action)
                .contains(DocumentEndpoint.AUDIT_VIEWS_EXPORTED);
        // The day before holds no view.
        assertThat(signedIn("admin").api(DocumentApi.class).viewsCsv(today.minusDays(3), today.minusDays(1))
                .split("\r\n")).containsExactly(DocumentViews.HEADER);
    }

    @Test
    void onlyTheAdministratorExportsAndABadPeriodIsRefused() throws Exception {
        for (String login : new String[] {"secretaire", "radiologue"}) {
            assertThatThrownBy(() -> signedIn(login).api(DocumentApi.class).viewsCsv(LocalDate.of(2026, 1, 1),
                    LocalDate.of(2026, 1, 31))).isInstanceOfSatisfying(ApiException.class,
                    e -> assertThat(e.status()).isEqualTo(403));
        }
        assertThatThrownBy(() -> signedIn("admin").api(DocumentApi.class).viewsCsv(LocalDate.of(2026, 2, 1),
                LocalDate.of(2026, 1, 1))).isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.getMessage()).contains("date de fin précède");
                });
    }
}
