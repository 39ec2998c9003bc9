package fr.opaline.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.opaline.api.AdministrationApi;
import fr.opaline.api.SessionApi;
import fr.opaline.api.StatisticsApi;
import fr.opaline.api.WorklistApi;
import fr.opaline.api.admin.ConfiguredEndpoint;
import fr.opaline.api.client.ApiClient;
import fr.opaline.api.client.ApiException;
import fr.opaline.core.catalogue.ExamType;
import fr.opaline.core.catalogue.Modality;
import fr.opaline.core.catalogue.Room;
import fr.opaline.core.order.StepEntry;
import fr.opaline.core.order.StepStatus;
import fr.opaline.core.patient.Patient;
import fr.opaline.core.patient.Sex;
import fr.opaline.core.scheduling.BookingRequest;
import fr.opaline.core.user.AccountAdministration.NewAccount;
import fr.opaline.core.user.Role;
import fr.opaline.core.user.UserRepository;
import fr.opaline.platform.tls.TlsIdentity;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The worklist, statistics and administration areas: without a session 401, a secretary 403 on
 * every administration operation (whatever the body), an administrator goes through; the
 * worklist marks are the technologists' and radiologists'.
 */
class AdministrationApiTest {

    static ApiFixture fixture;

    @BeforeAll
    static void start() throws Exception {
        fixture = new ApiFixture();
        fixture.accounts.account("manip", Role.MANIPULATEUR, null, ApiFixture.PASSWORD);
    }

    @AfterAll
    static void stop() throws Exception {
        fixture.close();
    }

    private static List<Operation> area(String name) {
        return fixture.server.dispatcher().operations().stream().filter(o -> o.area().equals(name)).toList();
    }

    private static ApiClient signedIn(String login) {
        ApiClient client = fixture.client(ApiFixture.workstationKey());
        client.api(SessionApi.class).signIn(login, ApiFixture.PASSWORD.toCharArray(), null);
        return client;
    }

    @Test
    void everyAdministrationOperationIsRefusedWithoutASessionAndToASecretary() throws Exception {
        List<Operation> admin = area("admin");
        assertThat(admin).extracting(Operation::name).contains("accounts", "createAccount", "addRoom", "configuration");
        assertThat(admin).allSatisfy(o -> assertThat(o.roles()).containsExactly(Role.ADMINISTRATEUR));
        TlsIdentity key = ApiFixture.workstationKey();
        String handle = fixture.signIn(key, "secretaire");
        for (Operation operation : admin) {
            String path = "/api/v1/admin/" + operation.name();
            assertThat(fixture.raw(key, "POST", path, null, "{}").status()).as(path).isEqualTo(401);
            ApiFixture.Answer answer = fixture.raw(key, "POST", path, handle, "{}");
            assertThat(answer.status()).as(path).isEqualTo(403);
            assertThat(answer.body()).contains("secrétaire").contains("ne permet pas");
        }
        // A well-formed creation by hand changes nothing.
        ApiFixture.Answer create = fixture.raw(key, "POST", "/api/v1/admin/createAccount", handle,
                "{\"account\":{\"login\":\"intrus\",\"displayName\":\"Intrus\",\"role\":\"ADMINISTRATEUR\"},"
                        + "\"temporaryPassword\":\"Bienvenue-2026-Long!\"}");
        assertThat(create.status()).isEqualTo(403);
        assertThat(new UserRepository(fixture.db.database().dsl()).findByLogin("intrus")).isEmpty();
        assertThat(fixture.raw(key, "POST", "/api/v1/statistics/report", handle, "{}").status()).isEqualTo(403);
        assertThat(fixture.raw(key, "POST", "/api/v1/worklist/start", handle, "{}").status()).isEqualTo(403);
        assertThat(fixture.raw(key, "POST", "/api/v1/worklist/steps", handle,
                "{\"day\":\"2026-03-02\"}").status()).isEqualTo(200);
    }

    @Test
    void anAdministratorListsCreatesAddsARoomAndReadsTheConfiguration() {
        AdministrationApi admin = signedIn("admin").api(AdministrationApi.class);
        assertThat(admin.accounts()).extracting(a -> a.user().login()).contains("admin", "secretaire");
        var created = admin.createAccount(new NewAccount("dupont", "Claire Dupont", Role.SECRETAIRE, null, null, null),
                "Bienvenue-2026".toCharArray());
        assertThat(created.role()).isEqualTo(Role.SECRETAIRE);
        Room room = admin.addRoom("IRM1", "IRM 1,5 T", Modality.MR, "AE_IRM1", null);
        assertThat(admin.rooms()).extracting(Room::code).contains("IRM1");
        assertThat(fixture.core.audit.latest(2)).extracting(e -> e.action() + " " + e.actorLogin())
                .containsExactly("CATALOGUE_CHANGED admin", "ACCOUNT_CREATED admin");
        assertThat(room.active()).isTrue();
        assertThat(admin.configuration().ansStatusUrl()).startsWith("https://");
        assertThatThrownBy(() -> admin.addRoom("IRM1", "Doublon", Modality.MR, "AE_IRM2", null))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(422);
                    assertThat(e.getMessage()).contains("existe déjà");
                });
        assertThat(new ConfiguredEndpoint("DMP", "dmp.url", null, null).state()).isEqualTo("non configuré");
    }

    @Test
    void anAdministratorResetsAPasswordReenrolsTotpAndEditsThenDeactivatesAnExam() {
        AdministrationApi admin = signedIn("admin").api(AdministrationApi.class);
        var user = admin.createAccount(new NewAccount("martin", "Paul Martin", Role.SECRETAIRE, null, null, null),
                "Bienvenue-2026".toCharArray());

        String temporary = admin.resetPassword(user.id());
        assertThat(temporary).hasSizeGreaterThanOrEqualTo(16);
        assertThatThrownBy(() -> fixture.client(ApiFixture.workstationKey()).api(SessionApi.class)
                .signIn("martin", temporary.toCharArray(), null))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.error())
                        .isEqualTo("authentication_password_change_required"));
        var enrolment = admin.reenrolTotp(user.id());
        assertThat(enrolment.provisioningUri()).startsWith("otpauth://totp/").contains("martin");
        assertThatThrownBy(() -> admin.confirmTotp(user.id(), "12"))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(400));
        String code = fr.opaline.core.user.Totp.code(enrolment.secret(),
                fr.opaline.core.user.Totp.step(fixture.core.clock.instant()));
        admin.confirmTotp(user.id(), code);
        assertThat(admin.accounts()).filteredOn(a -> a.user().login().equals("martin"))
                .singleElement().satisfies(a -> assertThat(a.totp()).isTrue());

        ExamType exam = admin.addExamType("ECHO9", "Échographie", Modality.US, 20, null);
        assertThat(admin.updateExamType(exam.id(), "Échographie abdominale", 30, null).durationMinutes()).isEqualTo(30);
        assertThat(admin.setExamTypeActive(exam.id(), false).active()).isFalse();
        Room room = admin.addRoom("US9", "Écho 9", Modality.US, "AE_US9", null);
        assertThat(admin.updateRoom(room.id(), "Échographie 9", "AE_US9B", null).stationAeTitle()).isEqualTo("AE_US9B");
        assertThat(admin.setRoomActive(room.id(), false).active()).isFalse();
        assertThat(fixture.core.audit.latest(1).get(0).detail()).isEqualTo("salle désactivée : US9");
    }

    @Test
    void aTechnologistMarksAnExamEnCoursThenRealiseAndTheStatisticsAreRead() {
        Room room = fixture.core.room("CT9", Modality.CT);
        ExamType exam = fixture.core.exam("TDM9", Modality.CT, 20);
        Patient patient = fixture.core.patient("MOREAU", "JULIE", LocalDate.of(1970, 1, 1), Sex.F);
        LocalDate day = LocalDate.ofInstant(fixture.core.clock.instant(), fixture.core.clock.getZone());
        fixture.core.booking.book(new BookingRequest(patient.id(), room.id(), exam.id(),
                day.atTime(16, 0).atZone(fixture.core.clock.getZone()).toInstant(), null, null, null, null),
                fixture.core.secretary);
        WorklistApi worklist = signedIn("manip").api(WorklistApi.class);
        StepEntry step = worklist.steps(day).stream().filter(s -> s.patient().id().equals(patient.id()))
                .findFirst().orElseThrow();

        worklist.start(step.step().id());
        assertThat(status(worklist, day, step)).isEqualTo(StepStatus.IN_PROGRESS);
        worklist.complete(step.step().id());
        assertThat(status(worklist, day, step)).isEqualTo(StepStatus.COMPLETED);
        assertThat(fixture.core.audit.latest(1).get(0).actorLogin()).isEqualTo("manip");

        assertThat(signedIn("radiologue").api(StatisticsApi.class).report().values()).isNotEmpty();
    }

    private static StepStatus status(WorklistApi worklist, LocalDate day, StepEntry entry) {
        return worklist.steps(day).stream().filter(s -> s.step().id().equals(entry.step().id())).findFirst()
                .orElseThrow().step().status();
    }
}
