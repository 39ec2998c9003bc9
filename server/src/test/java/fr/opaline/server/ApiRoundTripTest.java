package fr.opaline.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.opaline.api.AgendaApi;
import fr.opaline.api.ApiEvent;
import fr.opaline.api.PatientApi;
import fr.opaline.core.patient.PatientFile;
import fr.opaline.api.SessionApi;
import fr.opaline.api.client.ApiClient;
import fr.opaline.api.client.IncompatibleServerException;
import fr.opaline.core.catalogue.ExamType;
import fr.opaline.core.catalogue.Modality;
import fr.opaline.core.catalogue.Room;
import fr.opaline.core.patient.IdentityTraits;
import fr.opaline.core.patient.NewPatient;
import fr.opaline.core.patient.Patient;
import fr.opaline.core.patient.PatientQuery;
import fr.opaline.core.patient.Sex;
import fr.opaline.core.scheduling.AgendaEntry;
import fr.opaline.core.scheduling.Appointment;
import fr.opaline.core.scheduling.AppointmentStatus;
import fr.opaline.core.scheduling.Booking;
import fr.opaline.core.scheduling.BookingConflictException;
import fr.opaline.core.scheduling.BookingRequest;
import fr.opaline.platform.http.HttpService;
import fr.opaline.platform.http.HttpSettings;
import fr.opaline.platform.http.Reply;
import fr.opaline.platform.http.Routes;
import fr.opaline.platform.tls.PinnedTrust;
import fr.opaline.platform.tls.TlsIdentity;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The front desk's path through the API, as two desktops on two workstation keys walk it. */
class ApiRoundTripTest {

    static ApiFixture fixture;
    static Room room;
    static ExamType exam;

    @BeforeAll
    static void start() throws Exception {
        fixture = new ApiFixture();
        room = fixture.core.room("S1", Modality.CT);
        exam = fixture.core.exam("TDM", Modality.CT, 20);
    }

    @AfterAll
    static void stop() throws Exception {
        fixture.close();
    }

    static ApiClient signedIn(String login) {
        ApiClient client = fixture.client(ApiFixture.workstationKey());
        client.api(SessionApi.class).signIn(login, ApiFixture.PASSWORD.toCharArray(), null);
        return client;
    }

    @Test
    void createSearchBookMoveArriveAndOpenTheRecordThroughTheApi() {
        ApiClient desk = signedIn("secretaire");
        PatientApi patients = desk.api(PatientApi.class);
        AgendaApi agenda = desk.api(AgendaApi.class);
        Patient created = patients.create(NewPatient.of(IdentityTraits.of("Lefèvre", "Anne Marie",
                LocalDate.of(1970, 5, 4), Sex.F, "75056")));
        assertThat(created.ipp()).isNotBlank();
        assertThat(patients.search(PatientQuery.byName("lefe"))).extracting(Patient::id).containsExactly(created.id());

        assertThat(agenda.catalogue().rooms()).extracting(Room::code).contains("S1");
        Instant start = Instant.parse("2026-03-02T09:00:00Z");
        Booking booking = agenda.book(new BookingRequest(created.id(), room.id(), exam.id(), start, null, null,
                "douleur", null));
        assertThat(booking.order().accessionNumber()).isNotBlank();
        assertThatThrownBy(() -> agenda.book(new BookingRequest(created.id(), room.id(), exam.id(),
                start.plusSeconds(300), null, null, null, null)))
                .isInstanceOf(BookingConflictException.class).hasMessageContaining("");

        List<AgendaEntry> day = agenda.agenda(List.of(room.id()), start.minusSeconds(3600), start.plusSeconds(36000));
        assertThat(day).extracting(e -> e.patient().id()).containsExactly(created.id());
        Appointment moved = agenda.move(booking.appointment().id(), start.plusSeconds(3600), room.id());
        assertThat(moved.startsAt()).isEqualTo(start.plusSeconds(3600));
        assertThat(agenda.markArrived(moved.id()).status()).isEqualTo(AppointmentStatus.ARRIVED);

        PatientFile file = patients.open(created.id());
        assertThat(file.appointments()).hasSize(1);
        assertThat(file.appointments().get(0).room().code()).isEqualTo("S1");
        assertThat(file.orders()).hasSize(1);
    }

    @Test
    void aBookingAtOneSeatReachesTheOtherWithinTwoSeconds() throws Exception {
        ApiClient seatA = signedIn("secretaire");
        ApiClient seatB = signedIn("radiologue");
        BlockingQueue<ApiEvent> seen = new LinkedBlockingQueue<>();
        try (AutoCloseable stream = seatB.events(seen::add)) {
            Thread.sleep(300);
            Patient patient = seatA.api(PatientApi.class).create(NewPatient.of(IdentityTraits.of("Martin", "Paul",
                    LocalDate.of(1980, 1, 2), Sex.M, "75056")));
            long sent = System.nanoTime();
            Booking booking = seatA.api(AgendaApi.class).book(new BookingRequest(patient.id(), room.id(), exam.id(),
                    Instant.parse("2026-03-03T10:00:00Z"), null, null, null, null));
            ApiEvent event;
            do {
                event = seen.poll(2, TimeUnit.SECONDS);
            } while (event != null && !event.type().equals("appointment.booked"));
            assertThat(event).as("booking event at the other seat").isNotNull();
            assertThat(Duration.ofNanos(System.nanoTime() - sent)).isLessThan(Duration.ofSeconds(2));
            assertThat(event.subject()).isEqualTo(booking.appointment().id());
            assertThat(event.roomId()).isEqualTo(room.id());
        }
    }

    @Test
    void aDesktopRefusesAServerOfAnotherApiVersionInFrench() throws Exception {
        TlsIdentity identity = TlsIdentity.create("futur", List.of("127.0.0.1"), TlsIdentity.Usage.SERVER,
                Duration.ofDays(1));
        HttpSettings settings = HttpSettings.defaults("futur", new InetSocketAddress("127.0.0.1", 0))
                .withTls(identity.context(PinnedTrust.anyClient()), HttpSettings.ClientAuth.WANT);
        try (HttpService future = new HttpService(settings, new Routes().get("/api/v1/version",
                exchange -> Reply.json(Map.of("api", "2.0", "product", "9.9"))), fr.opaline.core.common.Json.mapper())
                .start()) {
            assertThatThrownBy(() -> ApiClient.connect(future.uri(), identity.fingerprint(),
                    ApiFixture.workstationKey(), Duration.ofSeconds(5)))
                    .isInstanceOf(IncompatibleServerException.class)
                    .hasMessageContaining("n'est pas compatible").hasMessageContaining("mettez à jour ce poste");
        }
    }

    @Test
    void aDesktopRefusesAServerWhoseCertificateIsNotThePinnedOne() {
        String wrong = TlsIdentity.create("autre", List.of(), TlsIdentity.Usage.SERVER, Duration.ofDays(1)).fingerprint();
        assertThatThrownBy(() -> ApiClient.connect(fixture.base(), wrong, ApiFixture.workstationKey(),
                Duration.ofSeconds(5)))
                .hasMessageContaining("certificat attendu");
    }

    @Test
    void badArgumentsAreRefusedWithA400AndChangeNothing() throws Exception {
        TlsIdentity key = ApiFixture.workstationKey();
        String handle = fixture.signIn(key, "secretaire");
        ApiFixture.Answer answer = fixture.raw(key, "POST", "/api/v1/agenda/markArrived", handle,
                "{\"appointmentId\":\"pas-un-uuid\"}");
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body()).contains("appointmentId");
        assertThat(fixture.raw(key, "POST", "/api/v1/agenda/nope", handle, "{}").status()).isEqualTo(404);
        assertThat(fixture.raw(key, "POST", "/api/v1/agenda/catalogue", handle, "[1]").status()).isEqualTo(200);
        assertThat(fixture.raw(key, "POST", "/api/v1/patient/open", handle, "not json").status()).isEqualTo(400);
    }
}
