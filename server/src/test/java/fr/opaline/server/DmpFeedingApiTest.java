package fr.opaline.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.opaline.api.DmpApi;
import fr.opaline.api.ReportApi;
import fr.opaline.api.ReportFile;
import fr.opaline.api.SessionApi;
import fr.opaline.api.client.ApiClient;
import fr.opaline.api.client.ApiException;
import fr.opaline.api.dmp.DocumentFeed;
import fr.opaline.core.audit.AuditEvent;
import fr.opaline.core.catalogue.Modality;
import fr.opaline.core.document.ClinicalDocument;
import fr.opaline.core.document.DocumentRepository;
import fr.opaline.core.document.DocumentStatus;
import fr.opaline.core.document.Provenance;
import fr.opaline.core.patient.IdentityAttributes;
import fr.opaline.core.patient.IdentityStatus;
import fr.opaline.core.patient.InsNumber;
import fr.opaline.core.patient.Patient;
import fr.opaline.core.patient.Sex;
import fr.opaline.core.practice.PracticeSettings;
import fr.opaline.core.report.ReportContent;
import fr.opaline.core.report.ReportService;
import fr.opaline.core.scheduling.Booking;
import fr.opaline.core.scheduling.BookingRequest;
import fr.opaline.core.testing.CoreFixture;
import fr.opaline.dmp.DmpAuditActions;
import fr.opaline.dmp.DmpChanges;
import fr.opaline.dmp.consent.ConsentGuard;
import fr.opaline.dmp.consent.DmpConsentService;
import fr.opaline.dmp.dica.DicaService;
import fr.opaline.dmp.feeding.DmpFeedingListener;
import fr.opaline.dmp.feeding.DmpFeedingService;
import fr.opaline.dmp.feeding.DmpFeedingSettings;
import fr.opaline.documents.drimbox.DrimboxLinkTemplate;
import fr.opaline.documents.report.ReportDataLoader;
import fr.opaline.documents.report.ReportDocumentsPublisher;
import fr.opaline.documents.report.ReportRenderer;
import fr.opaline.server.record.RecordEndpoints;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The DMP feeding controls decided by the server (decision 0320): a secretary gets 403 on each act
 * the DSR leaves to a health professional and nothing changes; a radiologist's hold keeps the CR out
 * of the DMP at validation and her release queues it; historical feed, DMP-only delete (with a
 * reason) and visibility are audited, and the record keeps its document.
 */
class DmpFeedingApiTest {

    static final LocalDate DAY = LocalDate.of(2026, 3, 2);
    static final ReportContent TEXT = new ReportContent("Toux persistante.", "Scanner thoracique sans injection.",
            "Pas de nodule.", "Examen normal.");

    ApiFixture fixture;
    Patient patient;
    Booking booking;

    @BeforeEach
    void start() throws Exception {
        fixture = new ApiFixture(DmpFeedingApiTest::areas);
        CoreFixture core = fixture.core;
        patient = qualified(core.patient("MARTIN", "ANNE", LocalDate.of(1988, 9, 3), Sex.F));
        booking = core.booking.book(new BookingRequest(patient.id(), core.room("CT1", Modality.CT).id(),
                core.exam("CT-THX", Modality.CT, 20).id(), DAY.atTime(LocalTime.of(9, 0)).atZone(CoreFixture.PARIS)
                .toInstant(), "Dr Martin", null, null, null), core.secretary);
    }

    @AfterEach
    void stop() throws Exception {
        fixture.close();
    }

    static PracticeApi.Endpoints areas(CoreFixture core) {
        core.database.inTransactionRun(ctx -> {
            PracticeSettings.put(ctx, PracticeSettings.NAME, "Cabinet de test");
            PracticeSettings.put(ctx, PracticeSettings.FINESS, "690000001");
            PracticeSettings.put(ctx, PracticeSettings.UID_ROOT, CoreFixture.UID_ROOT);
            PracticeSettings.put(ctx, PracticeSettings.ADDRESS, "12 allée des Tilleuls");
            PracticeSettings.put(ctx, PracticeSettings.POSTAL_CODE, "69003");
            PracticeSettings.put(ctx, PracticeSettings.CITY, "Lyon");
        });
        DmpFeedingSettings settings = new DmpFeedingSettings(Duration.ofMinutes(10), 5);
        ReportService reports = new ReportService(core.database, core.audit, core.ids, core.clock, core.uids);
        ReportDataLoader loader = new ReportDataLoader(new PracticeSettings(core.database).profile(), null,
                new DrimboxLinkTemplate(DrimboxLinkTemplate.DEFAULT_TEMPLATE, Duration.ofDays(365)));
        reports.addPublicationListener(new ReportDocumentsPublisher(loader, new ReportRenderer(), core.ids, core.clock));
        reports.addPublicationListener(new DmpFeedingListener(core.outbox, core.clock, settings));
        DmpChanges changes = new DmpChanges();
        PracticeApi.Endpoints record = RecordEndpoints.of(core.database, core.audit, core.clock, core.patients, null,
                null, new DmpConsentService(core.database, core.audit, core.ids, core.clock, core.episodes, changes),
                new DicaService(core.database, new ConsentGuard(core.database, core.clock), changes, core.clock), null,
                new DmpFeedingService(core.database, core.outbox, core.audit, core.clock, settings), false);
        return events -> {
            Map<Class<?>, Object> areas = new HashMap<>(record.build(events));
            areas.put(ReportApi.class, new ReportEndpoint(core.database, reports, loader, core.outbox, events,
                    core.clock));
            return areas;
        };
    }

    Patient qualified(Patient created) {
        return fixture.core.patients.update(created.id(), p -> p.withIdentity(p.traits(),
                new InsNumber("288097512301788", InsNumber.OID_TEST_NIR), IdentityStatus.QUALIFIEE,
                IdentityAttributes.NONE, "CNI", fixture.core.clock.instant()), "test", fixture.core.secretary);
    }

    ApiClient signedIn(String login) {
        ApiClient client = fixture.client(ApiFixture.workstationKey());
        client.api(SessionApi.class).signIn(login, ApiFixture.PASSWORD.toCharArray(), null);
        return client;
    }

    UUID pastCda(Patient owner) {
        UUID id = fixture.core.ids.newId();
        fixture.core.database.inTransactionRun(ctx -> new DocumentRepository(ctx).insertIfAbsent(new ClinicalDocument(
                id, owner.id(), "1.2.3.9^" + id, "1.2.3.9^set" + id, 1, "18748-4", "CR scanner 2024",
                fixture.core.clock.instant().minus(Duration.ofDays(700)), "Dr Lœw", "10003456789", Provenance.LOCAL,
                DocumentStatus.CURRENT, false, false, "text/xml",
                "<ClinicalDocument/>".getBytes(StandardCharsets.UTF_8), null, fixture.core.clock.instant())));
        return id;
    }

    @Test
    void aSecretaryGets403OnEveryFeedingActAndNothingChanges() throws Exception {
        UUID document = pastCda(patient);
        ReportFile draft = signedIn("secretaire").api(ReportApi.class).saveDraft(booking.step().id(), TEXT);
        UUID report = draft.report().id();
        var key = ApiFixture.workstationKey();
        String handle = fixture.signIn(key, "secretaire");
        long audited = fixture.core.audit.latest(1000).size();
        Map<String, String> bodies = Map.of(
                "holdFeed", "{\"reportId\":\"" + report + "\",\"held\":true}",
                "hideFromLegalRepresentatives", "{\"reportId\":\"" + report + "\",\"hidden\":true}",
                "feedHistorical", "{\"documentId\":\"" + document + "\"}",
                "deleteFromDmp", "{\"documentId\":\"" + document + "\",\"reason\":\"Erreur de patient\"}",
                "changeVisibility", "{\"documentId\":\"" + document + "\",\"invisibleToPatient\":true,"
                        + "\"hiddenFromLegalRepresentatives\":true}");
        for (var call : bodies.entrySet()) {
            ApiFixture.Answer answer = fixture.raw(key, "POST", "/api/v1/dmp/" + call.getKey(), handle, call.getValue());
            assertThat(answer.status()).as(call.getKey()).isEqualTo(403);
            assertThat(answer.body()).contains("secrétaire");
        }
        ApiClient secretary = signedIn("secretaire");
        assertThat(secretary.api(DmpApi.class).feedOptions(report).held()).isFalse();
        DocumentFeed feed = secretary.api(DmpApi.class).documentFeed(document);
        assertThat(feed.state()).isEqualTo("NONE");
        assertThat(feed.invisibleToPatient()).isFalse();
        assertThat(fixture.core.audit.latest(1000)).extracting(AuditEvent::action)
                .doesNotContain(DmpAuditActions.FEED_OPTION_CHANGED, DmpAuditActions.FEED_REQUESTED,
                        DmpAuditActions.DELETE_REQUESTED, DmpAuditActions.VISIBILITY_CHANGED);
        assertThat(fixture.raw(key, "POST", "/api/v1/dmp/holdFeed", null, bodies.get("holdFeed")).status())
                .isEqualTo(401);
        assertThat(audited).isPositive();
    }

    @Test
    void aHeldReportIsNotSentAtValidationAndItsReleaseQueuesTheSend() {
        ApiClient radiologist = signedIn("radiologue");
        UUID step = booking.step().id();
        UUID report = radiologist.api(ReportApi.class).saveDraft(step, TEXT).report().id();
        assertThat(radiologist.api(DmpApi.class).holdFeed(report, true).held()).isTrue();
        ReportFile validated = radiologist.api(ReportApi.class).validate(step, TEXT, "Examen fait en urgence");
        UUID cda = cdaOf(validated);
        assertThat(radiologist.api(DmpApi.class).documentFeed(cda).state()).isEqualTo("HELD");

        assertThat(radiologist.api(DmpApi.class).holdFeed(report, false).held()).isFalse();
        assertThat(radiologist.api(DmpApi.class).documentFeed(cda).state()).isEqualTo("SCHEDULED");
        assertThat(fixture.core.audit.forPatient(patient.id(), 100)).filteredOn(
                e -> e.action().equals(DmpAuditActions.FEED_OPTION_CHANGED)).extracting(AuditEvent::detail)
                .contains("envoi au DMP suspendu", "envoi au DMP autorisé");

        DocumentFeed hidden = null;
        assertThat(radiologist.api(DmpApi.class).hideFromLegalRepresentatives(report, true)
                .hiddenFromLegalRepresentatives()).isTrue();
        hidden = radiologist.api(DmpApi.class).documentFeed(cda);
        assertThat(hidden.hiddenFromLegalRepresentatives()).isTrue();
    }

    UUID cdaOf(ReportFile validated) {
        UUID version = validated.versions().get(validated.versions().size() - 1).id();
        List<ClinicalDocument> documents = new DocumentRepository(fixture.core.database.dsl()).findByReportVersion(version);
        return documents.stream().filter(d -> "text/xml".equals(d.mimeType())
                && d.documentUid().equals(validated.versions().get(validated.versions().size() - 1).documentUid()))
                .findFirst().orElseThrow().id();
    }

    @Test
    void historicalFeedDeleteFromTheDmpOnlyAndVisibilityAreTheRadiologistsAndAudited() {
        ApiClient radiologist = signedIn("radiologue");
        DmpApi dmp = radiologist.api(DmpApi.class);
        UUID document = pastCda(patient);
        assertThat(dmp.feedHistorical(document).state()).isEqualTo("SCHEDULED");

        assertThatThrownBy(() -> dmp.deleteFromDmp(document, "  "))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.getMessage()).contains("motif");
                });
        DocumentFeed deleted = dmp.deleteFromDmp(document, "Erreur de patient");
        // Never tried yet: the send is cancelled; the record keeps the document.
        assertThat(deleted.state()).isEqualTo("CANCELLED");
        assertThat(new DocumentRepository(fixture.core.database.dsl()).findById(document)).isPresent();

        DocumentFeed visibility = dmp.changeVisibility(document, true, true);
        assertThat(visibility.invisibleToPatient()).isTrue();
        assertThat(visibility.hiddenFromLegalRepresentatives()).isTrue();
        assertThat(fixture.core.audit.forPatient(patient.id(), 100)).extracting(AuditEvent::action)
                .contains(DmpAuditActions.FEED_REQUESTED, DmpAuditActions.DELETE_REQUESTED,
                        DmpAuditActions.VISIBILITY_CHANGED);
        assertThat(fixture.core.audit.forPatient(patient.id(), 100)).filteredOn(
                e -> e.action().equals(DmpAuditActions.DELETE_REQUESTED)).singleElement()
                .satisfies(e -> assertThat(e.actorLogin()).isEqualTo("radiologue"));

        // Without a qualified INS, a historical document does not leave.
        Patient provisional = fixture.core.patient("DUPUIS", "PAUL", LocalDate.of(1960, 1, 2), Sex.M);
        UUID other = pastCda(provisional);
        assertThatThrownBy(() -> dmp.feedHistorical(other)).isInstanceOfSatisfying(ApiException.class,
                e -> assertThat(e.getMessage()).contains("INS du patient doit d'abord être qualifiée"));
        assertThat(dmp.documentFeed(other).state()).isEqualTo("NONE");
    }
}
