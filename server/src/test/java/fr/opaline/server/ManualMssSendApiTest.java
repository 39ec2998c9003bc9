package fr.opaline.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.opaline.api.DirectoryApi;
import fr.opaline.api.DirectoryContact;
import fr.opaline.api.SessionApi;
import fr.opaline.api.client.ApiClient;
import fr.opaline.api.client.ApiException;
import fr.opaline.core.catalogue.Modality;
import fr.opaline.core.patient.Patient;
import fr.opaline.core.patient.Sex;
import fr.opaline.core.scheduling.Booking;
import fr.opaline.core.scheduling.BookingRequest;
import fr.opaline.core.testing.CoreFixture;
import fr.opaline.core.user.Role;
import fr.opaline.mss.outbound.ManualSends;
import fr.opaline.mss.outbound.OrderCorrespondents;
import fr.opaline.mss.trace.MssTrace;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * "Envoyer par MSSanté" is a radiologist's act (decision 0300): the server answers 403 to a
 * secretary's and a technologist's session before anything is read or queued; a radiologist's call
 * goes through to the rules (here refused in French: no directory on this server), nothing queued.
 */
class ManualMssSendApiTest {

    static final DirectoryContact DR_LEGRAND = new DirectoryContact("99700010006", "Dr Claire LEGRAND", "Médecin",
            "Cabinet médical Foch", "Paris", "cabinet.foch@medecin.sandbox.mssante.fr", "CAB");

    ApiFixture fixture;
    Booking booking;

    @BeforeEach
    void start() throws Exception {
        fixture = new ApiFixture(ManualMssSendApiTest::areas);
        fixture.accounts.account("manip", Role.MANIPULATEUR, null, ApiFixture.PASSWORD);
        CoreFixture core = fixture.core;
        var room = core.room("CT1", Modality.CT);
        var exam = core.exam("CT-THX", Modality.CT, 20);
        Patient patient = core.patient("MARTIN", "ANNE", LocalDate.of(1980, 5, 6), Sex.F);
        booking = core.booking.book(new BookingRequest(patient.id(), room.id(), exam.id(),
                LocalDate.of(2026, 3, 2).atTime(LocalTime.of(9, 0)).atZone(CoreFixture.PARIS).toInstant(),
                "Dr Martin", null, null, null), core.secretary);
    }

    /** The directory area as the practice server wires it, without a directory configured. */
    static PracticeApi.Endpoints areas(CoreFixture core) {
        return events -> Map.of(DirectoryApi.class, new DirectoryEndpoint(null,
                new OrderCorrespondents(core.database, core.audit, core.ids, core.clock),
                new ManualSends(core.database, core.outbox, new MssTrace(core.database, core.ids, core.clock), core.audit,
                        core.ids, core.clock), core.outbox, events, core.clock));
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
    void aSecretaryOrATechnologistGets403AndNothingIsQueued() throws Exception {
        for (String login : new String[] {"secretaire", "manip"}) {
            ApiClient client = signedIn(login);
            assertThatThrownBy(() -> client.api(DirectoryApi.class).sendReport(booking.step().id(), DR_LEGRAND))
                    .as(login).isInstanceOfSatisfying(ApiException.class, e -> {
                        assertThat(e.status()).isEqualTo(403);
                        assertThat(e.getMessage()).contains("ne permet pas de transmettre un compte rendu validé par MSSanté");
                    });
        }
        var key = ApiFixture.workstationKey();
        String handle = fixture.signIn(key, "secretaire");
        assertThat(fixture.raw(key, "POST", "/api/v1/directory/sendReport", handle,
                "{\"stepId\":\"" + booking.step().id() + "\",\"recipient\":{\"rpps\":\"99700010006\","
                        + "\"mssAddress\":\"cabinet.foch@medecin.sandbox.mssante.fr\"}}").status()).isEqualTo(403);
        assertThat(fixture.raw(key, "POST", "/api/v1/directory/sendReport", null, "{}").status()).isEqualTo(401);
        assertThat(fixture.core.database.dsl().fetchCount(fr.opaline.core.persistence.generated.Tables.OUTBOX_JOB))
                .isZero();
    }

    @Test
    void aRadiologistsCallReachesTheRulesAndIsRefusedInFrenchWithoutADirectory() throws Exception {
        ApiClient radiologist = signedIn("radiologue");
        assertThatThrownBy(() -> radiologist.api(DirectoryApi.class).sendReport(booking.step().id(), DR_LEGRAND))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(422);
                    assertThat(e.getMessage()).contains("Aucun annuaire santé");
                });
        assertThatThrownBy(() -> radiologist.api(DirectoryApi.class).sendReport(booking.step().id(), null))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(400));
        assertThat(fixture.core.database.dsl().fetchCount(fr.opaline.core.persistence.generated.Tables.OUTBOX_JOB))
                .isZero();
    }
}
