package fr.opaline.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.opaline.api.ApiEvent;
import fr.opaline.api.QueueApi;
import fr.opaline.api.QueueEntry;
import fr.opaline.api.ReportApi;
import fr.opaline.api.ReportFile;
import fr.opaline.api.SendChannel;
import fr.opaline.api.SessionApi;
import fr.opaline.api.client.ApiClient;
import fr.opaline.api.client.ApiException;
import fr.opaline.core.audit.AuditEvent;
import fr.opaline.core.catalogue.Modality;
import fr.opaline.core.outbox.JobOutcome;
import fr.opaline.core.outbox.JobState;
import fr.opaline.core.patient.Patient;
import fr.opaline.core.patient.Sex;
import fr.opaline.core.practice.PracticeSettings;
import fr.opaline.core.report.ReportContent;
import fr.opaline.core.report.ReportService;
import fr.opaline.core.report.ReportStatus;
import fr.opaline.core.scheduling.Booking;
import fr.opaline.core.scheduling.BookingRequest;
import fr.opaline.core.testing.CoreFixture;
import fr.opaline.core.user.Role;
import fr.opaline.documents.drimbox.DrimboxLinkTemplate;
import fr.opaline.documents.report.ReportDataLoader;
import fr.opaline.mss.outbound.SendJob;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The report editor and the feeding queue over real HTTPS with workstation keys: who may do what
 * is decided by the server; a radiologist validates, an exam not réalisé is refused in French
 * unless an override reason is given; a CR's read is audited; the editor's send status and the
 * queue read the same outbox jobs.
 */
class ReportAndQueueApiTest {

    static final LocalDate DAY = LocalDate.of(2026, 3, 2);
    static final ReportContent TEXT = new ReportContent("Toux persistante", "Scanner thoracique sans injection",
            "Pas de nodule.", "Examen normal.");

    ApiFixture fixture;
    Patient patient;
    Booking booking;

    @BeforeEach
    void start() throws Exception {
        fixture = new ApiFixture(ReportAndQueueApiTest::areas);
        fixture.accounts.account("manip", Role.MANIPULATEUR, null, ApiFixture.PASSWORD);
        CoreFixture core = fixture.core;
        var room = core.room("CT1", Modality.CT);
        var exam = core.exam("CT-THX", Modality.CT, 20);
        patient = core.patient("MARTIN", "ANNE", LocalDate.of(1980, 5, 6), Sex.F);
        booking = core.booking.book(new BookingRequest(patient.id(), room.id(), exam.id(),
                DAY.atTime(LocalTime.of(9, 0)).atZone(CoreFixture.PARIS).toInstant(), "Dr Martin", null, null, null),
                core.secretary);
    }

    /** The report and queue areas as the practice server wires them, over the fixture's core. */
    static PracticeApi.Endpoints areas(CoreFixture core) {
        core.database.inTransactionRun(ctx -> {
            PracticeSettings.put(ctx, PracticeSettings.NAME, "Cabinet de test");
            PracticeSettings.put(ctx, PracticeSettings.FINESS, "690000001");
            PracticeSettings.put(ctx, PracticeSettings.UID_ROOT, CoreFixture.UID_ROOT);
            PracticeSettings.put(ctx, PracticeSettings.ADDRESS, "12 allée des Tilleuls");
            PracticeSettings.put(ctx, PracticeSettings.POSTAL_CODE, "69003");
            PracticeSettings.put(ctx, PracticeSettings.CITY, "Lyon");
        });
        ReportService reports = new ReportService(core.database, core.audit, core.ids, core.clock, core.uids);
        ReportDataLoader loader = new ReportDataLoader(new PracticeSettings(core.database).profile(), null,
                new DrimboxLinkTemplate(DrimboxLinkTemplate.DEFAULT_TEMPLATE, Duration.ofDays(365)));
        return events -> {
            QueueEndpoint.publishOutcomes(core.outbox, events, core.clock);
            return Map.of(
                    ReportApi.class, new ReportEndpoint(core.database, reports, loader, core.outbox, events, core.clock),
                    QueueApi.class, new QueueEndpoint(core.database, core.outbox, events, core.clock));
        };
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

    UUID userId(String login) {
        return new fr.opaline.core.user.UserRepository(fixture.core.database.dsl()).findByLogin(login).orElseThrow().id();
    }

    /** Waits until the server holds the other seat's event stream. */
    void streamOpen() throws InterruptedException {
        long until = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (fixture.api.events().listeners() == 0 && System.nanoTime() < until) {
            Thread.sleep(10);
        }
        assertThat(fixture.api.events().listeners()).isPositive();
    }

    UUID step() {
        return booking.step().id();
    }

    @Test
    void withoutASessionEveryReportAndQueueCallIs401() throws Exception {
        var key = ApiFixture.workstationKey();
        for (String route : List.of("report/validate", "report/open", "report/preview", "queue/jobs", "queue/cancel")) {
            ApiFixture.Answer answer = fixture.raw(key, "POST", "/api/v1/" + route, null, "{}");
            assertThat(answer.status()).as(route).isEqualTo(401);
        }
    }

    @Test
    void aSecretaryTypesADraftButMayNotValidateAmendOrRetract() throws Exception {
        ApiClient secretary = signedIn("secretaire");
        ReportFile draft = secretary.api(ReportApi.class).saveDraft(step(), TEXT);
        assertThat(draft.versions()).singleElement().satisfies(v -> {
            assertThat(v.status()).isEqualTo(ReportStatus.DRAFT);
            assertThat(v.conclusion()).isEqualTo("Examen normal.");
        });
        assertThatThrownBy(() -> secretary.api(ReportApi.class).validate(step(), TEXT, "urgence"))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(403);
                    assertThat(e.getMessage()).isEqualTo(
                            "Votre rôle (secrétaire) ne permet pas de valider un compte rendu.");
                });
        // By hand, with her session handle: the same.
        var key = ApiFixture.workstationKey();
        String handle = fixture.signIn(key, "secretaire");
        for (String operation : List.of("validate", "amend", "retract", "setInvisibleToPatient")) {
            assertThat(fixture.raw(key, "POST", "/api/v1/report/" + operation, handle,
                    "{\"stepId\":\"" + step() + "\",\"reason\":\"x\",\"invisible\":true}").status())
                    .as(operation).isEqualTo(403);
        }
        assertThat(fixture.core.database.dsl().fetchValue("select status from report")).isEqualTo("DRAFT");
        // A technologist neither reads nor types CRs, nor sees the queue.
        ApiClient technologist = signedIn("manip");
        assertThatThrownBy(() -> technologist.api(ReportApi.class).open(step()))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(403));
        assertThatThrownBy(() -> technologist.api(QueueApi.class).counts())
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(403));
    }

    @Test
    void aRadiologistValidatesOnlyAPerformedExamUnlessSheGivesAnOverrideReason() throws Exception {
        ApiClient radiologist = signedIn("radiologue");
        ApiClient otherSeat = signedIn("secretaire");
        List<ApiEvent> seen = new CopyOnWriteArrayList<>();
        try (AutoCloseable stream = otherSeat.events(seen::add)) {
            streamOpen();
            ReportFile opened = radiologist.api(ReportApi.class).open(step());
            assertThat(opened.report()).isNull();
            assertThat(opened.prefill().technique()).isNotNull();
            assertThat(radiologist.api(ReportApi.class).exams(DAY)).extracting(e -> e.step().id()).containsExactly(step());

            assertThatThrownBy(() -> radiologist.api(ReportApi.class).validate(step(), TEXT, null))
                    .isInstanceOfSatisfying(ApiException.class, e -> {
                        assertThat(e.status()).isEqualTo(422);
                        assertThat(e.error()).isEqualTo("exam_not_performed");
                        assertThat(e.getMessage()).contains("n'a pas été marqué réalisé").contains("dérogation");
                    });
            ReportFile refused = radiologist.api(ReportApi.class).open(step());
            assertThat(refused.versions()).singleElement().extracting(v -> v.status()).isEqualTo(ReportStatus.DRAFT);

            ReportFile validated = radiologist.api(ReportApi.class).validate(step(), TEXT,
                    "Examen fait en urgence, non pointé par le manipulateur");
            assertThat(validated.versions()).singleElement().satisfies(v -> {
                assertThat(v.status()).isEqualTo(ReportStatus.VALIDATED);
                assertThat(v.legalAuthenticatorId()).isEqualTo(userId("radiologue"));
            });
            assertThat(validated.report().status()).isEqualTo(ReportStatus.VALIDATED);
            assertThat(fixture.core.audit.latest(10)).extracting(AuditEvent::action)
                    .contains("REPORT_VALIDATION_OVERRIDE", "REPORT_VALIDATED");
            // The other seat hears of it (its editor and queue read again).
            long until = System.nanoTime() + Duration.ofSeconds(2).toNanos();
            while (seen.stream().noneMatch(e -> e.type().equals("report.validated")) && System.nanoTime() < until) {
                Thread.sleep(20);
            }
            assertThat(seen).extracting(ApiEvent::type).contains("report.validated");
            assertThat(seen).filteredOn(e -> e.type().equals("report.validated")).extracting(ApiEvent::subject)
                    .containsExactly(step());

            // The printed CR, rendered by the server.
            byte[] pdf = radiologist.api(ReportApi.class).preview(validated.versions().get(0).id(), null).pdf();
            assertThat(new String(pdf, 0, 5, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
        }
    }

    @Test
    void openingAnExistingCrIsAuditedAsARead() throws Exception {
        ApiClient secretary = signedIn("secretaire");
        ReportFile draft = secretary.api(ReportApi.class).saveDraft(step(), TEXT);
        ApiClient radiologist = signedIn("radiologue");

        radiologist.api(ReportApi.class).open(step());

        AuditEvent read = fixture.core.audit.latest(1).get(0);
        assertThat(read.action()).isEqualTo("REPORT_READ");
        assertThat(read.patientId()).isEqualTo(patient.id());
        assertThat(read.objectId()).isEqualTo(draft.report().id().toString());
        assertThat(read.actorId()).isEqualTo(userId("radiologue"));
    }

    @Test
    void theEditorsSendStatusAndTheQueueReadTheSameOutboxJobs() throws Exception {
        ApiClient radiologist = signedIn("radiologue");
        var merm = fr.opaline.core.common.Actor.user(userId("manip"), "manip");
        fixture.core.progress.start(step(), merm);
        fixture.core.progress.complete(step(), merm);
        ReportFile validated = radiologist.api(ReportApi.class).validate(step(), TEXT, null);
        String documentUid = validated.versions().get(0).documentUid();
        ApiClient secretary = signedIn("secretaire");
        List<ApiEvent> seen = new CopyOnWriteArrayList<>();
        UUID mail;
        try (AutoCloseable stream = secretary.events(seen::add)) {
            streamOpen();
            // The MSSanté send of this CR, as the mss module queues it, delivered by a worker.
            var outbox = fixture.core.outbox;
            mail = outbox.enqueue(new SendJob(UUID.randomUUID(), documentUid).request("msg-1@test", patient.id(),
                    "MSSanté envoi du CR → Dr Martin"), fixture.core.secretary);
            var lease = outbox.leaseNext(Set.of(SendJob.TYPE), "test-worker", Duration.ofMinutes(1)).orElseThrow();
            outbox.complete(lease, JobOutcome.done());
            // Every desktop hears that the send went (its queue and editor read again).
            long until = System.nanoTime() + Duration.ofSeconds(2).toNanos();
            while (seen.stream().noneMatch(e -> e.type().equals("send.succeeded")) && System.nanoTime() < until) {
                Thread.sleep(20);
            }
            assertThat(seen).filteredOn(e -> e.type().equals("send.succeeded")).extracting(ApiEvent::subject)
                    .containsExactly(mail);
        }

        var sends = radiologist.api(ReportApi.class).sends(step());
        assertThat(sends.get(SendChannel.MSSANTE).state()).isEqualTo(JobState.DONE);
        assertThat(sends.get(SendChannel.DMP).state()).isNull();

        List<QueueEntry> queue = secretary.api(QueueApi.class).jobs(Set.of(), 100);
        assertThat(queue).filteredOn(e -> e.job().id().equals(mail)).singleElement().satisfies(e -> {
            assertThat(e.job().state()).isEqualTo(JobState.DONE);
            assertThat(e.job().payload()).as("the payload stays on the server").isNull();
            assertThat(e.patientLastName()).isEqualTo("MARTIN");
        });
        assertThat(secretary.api(QueueApi.class).counts()).containsEntry(JobState.DONE, 1);
    }

    @Test
    void theQueuesActionsAreCheckedAndAuditedByTheServer() throws Exception {
        var outbox = fixture.core.outbox;
        UUID feed = outbox.enqueue(fr.opaline.core.outbox.JobRequest.of("dmp-feed", "{}")
                .dueAt(fixture.core.clock.instant().plus(Duration.ofMinutes(10))).about(patient.id(), "CR"),
                fixture.core.secretary);
        ApiClient secretary = signedIn("secretaire");
        secretary.api(QueueApi.class).hold(feed);
        assertThat(outbox.find(feed).orElseThrow().state()).isEqualTo(JobState.HELD);
        AuditEvent held = fixture.core.audit.latest(1).get(0);
        assertThat(held.action()).isEqualTo("JOB_HELD");
        assertThat(held.actorId()).isEqualTo(userId("secretaire"));

        assertThatThrownBy(() -> secretary.api(QueueApi.class).hold(feed))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(422);
                    assertThat(e.getMessage()).isEqualTo("Seul un envoi en attente peut être suspendu.");
                });
        secretary.api(QueueApi.class).sendNow(feed);
        assertThat(outbox.find(feed).orElseThrow().state()).isEqualTo(JobState.PENDING);
        secretary.api(QueueApi.class).cancel(feed);
        assertThat(outbox.find(feed).orElseThrow().state()).isEqualTo(JobState.CANCELLED);
        assertThatThrownBy(() -> secretary.api(QueueApi.class).jobs(Set.of(), 100_000))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(400));
    }
}
