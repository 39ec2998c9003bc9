package fr.opaline.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.opaline.api.AgendaApi;
import fr.opaline.api.Apis;
import fr.opaline.api.OpenSession;
import fr.opaline.api.PatientApi;
import fr.opaline.api.SessionApi;
import fr.opaline.api.SessionInfo;
import fr.opaline.api.client.ApiClient;
import fr.opaline.api.client.ApiException;
import fr.opaline.core.patient.PatientQuery;
import fr.opaline.core.user.Role;
import fr.opaline.platform.tls.TlsIdentity;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Sessions and roles, enforced by the server on every operation, whatever the desktop shows. */
class AuthorisationTest {

    static ApiFixture fixture;

    @BeforeAll
    static void start() throws Exception {
        fixture = new ApiFixture();
    }

    @AfterAll
    static void stop() throws Exception {
        fixture.close();
    }

    @Test
    void everyOperationButSignInIsRefusedWithoutASession() throws Exception {
        TlsIdentity key = ApiFixture.workstationKey();
        List<Operation> operations = fixture.server.dispatcher().operations();
        assertThat(operations).hasSizeGreaterThanOrEqualTo(Apis.ALL.size());
        List<String> checked = new ArrayList<>();
        for (Operation operation : operations) {
            if (operation.publicCall() || operation.operatorCall()) {
                continue; // the operator area takes the operator credential, not a session: OperatorApiTest
            }
            ApiFixture.Answer answer = fixture.raw(key, "POST", "/api/v1/" + operation.area() + "/" + operation.name(),
                    null, "{}");
            assertThat(answer.status()).as(operation.route() + " " + answer.body()).isEqualTo(401);
            assertThat(answer.body()).contains("connectez-vous");
            checked.add(operation.name());
        }
        assertThat(checked).contains("agenda", "book", "search", "open", "openSessions");
        assertThat(fixture.raw(key, "GET", "/api/v1/events", null, null).status()).isEqualTo(401);
        // A made-up handle is no better than none.
        assertThat(fixture.raw(key, "POST", "/api/v1/patient/search", "forged-handle", "{}").status()).isEqualTo(401);
    }

    @Test
    void aSecretaryGets403OnEveryOperationHerRoleMayNotCall() throws Exception {
        TlsIdentity key = ApiFixture.workstationKey();
        String handle = fixture.signIn(key, "secretaire");
        List<Operation> forbidden = fixture.server.dispatcher().operations().stream()
                .filter(o -> !o.publicCall() && !o.admits(Role.SECRETAIRE)).toList();
        assertThat(forbidden).extracting(Operation::name).contains("openSessions", "revoke");
        for (Operation operation : forbidden) {
            ApiFixture.Answer answer = fixture.raw(key, "POST", "/api/v1/" + operation.area() + "/" + operation.name(),
                    handle, "{}");
            assertThat(answer.status()).as(operation.route()).isEqualTo(403);
            assertThat(answer.body()).contains("secrétaire").contains("ne permet pas");
        }
        // What her role allows goes through.
        assertThat(fixture.raw(key, "POST", "/api/v1/patient/search", handle,
                "{\"query\":{\"namePrefix\":\"DUP\"}}").status()).isEqualTo(200);
    }

    @Test
    void anAdministratorSeesAndRevokesSessionsAndARevokedHandleIsRefused() throws Exception {
        TlsIdentity secretaryKey = ApiFixture.workstationKey();
        ApiClient secretary = fixture.client(secretaryKey);
        SessionInfo opened = secretary.api(SessionApi.class).signIn("secretaire", ApiFixture.PASSWORD.toCharArray(), null);
        assertThat(opened.handle()).as("the client keeps the handle to itself").isNull();
        assertThat(secretary.api(SessionApi.class).current().user().login()).isEqualTo("secretaire");

        ApiClient admin = fixture.client(ApiFixture.workstationKey());
        admin.api(SessionApi.class).signIn("admin", ApiFixture.PASSWORD.toCharArray(), null);
        List<OpenSession> sessions = admin.api(SessionApi.class).openSessions();
        OpenSession hers = sessions.stream().filter(s -> s.sessionId().equals(opened.sessionId())).findFirst().orElseThrow();
        assertThat(hers.workstationFingerprint()).isEqualTo(secretaryKey.fingerprint());
        admin.api(SessionApi.class).revoke(opened.sessionId());

        assertThatThrownBy(() -> secretary.api(PatientApi.class).search(PatientQuery.byName("A")))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(401));
    }

    @Test
    void aHandlePresentedWithAnotherWorkstationsKeyIsRefused() throws Exception {
        TlsIdentity mine = ApiFixture.workstationKey();
        TlsIdentity other = ApiFixture.workstationKey();
        String handle = fixture.signIn(mine, "radiologue");
        assertThat(fixture.raw(mine, "POST", "/api/v1/session/current", handle, "{}").status()).isEqualTo(200);
        ApiFixture.Answer stolen = fixture.raw(other, "POST", "/api/v1/session/current", handle, "{}");
        assertThat(stolen.status()).isEqualTo(401);
        assertThat(stolen.body()).contains("autre poste");
        ApiFixture.Answer keyless = fixture.raw(null, "POST", "/api/v1/session/current", handle, "{}");
        assertThat(keyless.status()).isEqualTo(401);
        assertThat(keyless.body()).contains("certificat client");
    }

    @Test
    void anIdleSessionIsLockedByTheServerUntilItsUserSignsInAgain() throws Exception {
        TlsIdentity key = ApiFixture.workstationKey();
        ApiClient client = fixture.client(key);
        client.api(SessionApi.class).signIn("radiologue", ApiFixture.PASSWORD.toCharArray(), null);
        client.api(AgendaApi.class).catalogue();
        fixture.core.clock.advance(ApiFixture.IDLE.plusSeconds(1));
        assertThatThrownBy(() -> client.api(AgendaApi.class).catalogue())
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(401);
                    assertThat(e.getMessage()).contains("verrouillée");
                });
    }

    @Test
    void aLockedSessionUnlocksOnlyWithItsOwnUsersPassword() throws Exception {
        TlsIdentity key = ApiFixture.workstationKey();
        String handle = fixture.signIn(key, "radiologue");
        assertThat(fixture.raw(key, "POST", "/api/v1/session/lock", handle, "{}").status()).isEqualTo(204);
        assertThat(fixture.raw(key, "POST", "/api/v1/agenda/catalogue", handle, "{}").status()).isEqualTo(401);
        assertThat(fixture.raw(key, "POST", "/api/v1/session/unlock", handle, "{\"password\":\"faux\"}").status())
                .isEqualTo(422);
        assertThat(fixture.raw(key, "POST", "/api/v1/agenda/catalogue", handle, "{}").status()).isEqualTo(401);
        assertThat(fixture.raw(key, "POST", "/api/v1/session/unlock", handle,
                "{\"password\":\"" + ApiFixture.PASSWORD + "\"}").status()).isEqualTo(200);
        assertThat(fixture.raw(key, "POST", "/api/v1/agenda/catalogue", handle, "{}").status()).isEqualTo(200);
    }

    @Test
    void signOutEndsTheSession() throws Exception {
        TlsIdentity key = ApiFixture.workstationKey();
        String handle = fixture.signIn(key, "secretaire");
        assertThat(fixture.raw(key, "POST", "/api/v1/session/signOut", handle, "{}").status()).isEqualTo(204);
        assertThat(fixture.raw(key, "POST", "/api/v1/session/current", handle, "{}").status()).isEqualTo(401);
    }

    @Test
    void theDemonstrationPickerAndPscAreRefusedByAServerThatDoesNotOfferThem() throws Exception {
        TlsIdentity key = ApiFixture.workstationKey();
        ApiFixture.Answer accounts = fixture.raw(key, "POST", "/api/v1/session/demoAccounts", null, "{}");
        assertThat(accounts.status()).isEqualTo(403);
        assertThat(accounts.body()).contains("démonstration");
        assertThat(fixture.raw(key, "POST", "/api/v1/session/signInDemo", null,
                "{\"accountId\":\"" + java.util.UUID.randomUUID() + "\"}").status()).isEqualTo(403);
        assertThat(fixture.raw(key, "POST", "/api/v1/session/signInWithPsc", null, "{\"proxySession\":\"x\"}")
                .status()).isEqualTo(403);
    }

    @Test
    void aWrongPasswordOpensNothingAndSaysSoInFrench() throws Exception {
        ApiFixture.Answer answer = fixture.raw(ApiFixture.workstationKey(), "POST", "/api/v1/session/signIn", null,
                "{\"login\":\"secretaire\",\"password\":\"faux\"}");
        assertThat(answer.status()).isEqualTo(422);
        assertThat(answer.body()).contains("Identifiant ou mot de passe incorrect");
    }
}
