package fr.opaline.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import fr.opaline.api.OperatorApi;
import fr.opaline.api.client.ApiClient;
import fr.opaline.core.audit.AuditEvent;
import fr.opaline.core.testing.AccountsFixture;
import fr.opaline.core.user.AccountSummary;
import fr.opaline.platform.http.HttpError;
import fr.opaline.platform.http.HttpSettings;
import fr.opaline.platform.tls.PinnedTrust;
import fr.opaline.platform.tls.TlsIdentity;
import fr.opaline.server.operator.OperatorCredential;
import fr.opaline.server.operator.OperatorEndpoint;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The operator area (decision 0310): the operator credential from loopback gets through, audited as
 * "opérateur"; no credential, a wrong one or a user's session handle gets 401; any other source
 * address gets 403 whatever it presents; a server that never opened the area (a desktop's own) 401s.
 */
class OperatorApiTest {

    static ApiFixture fixture;
    static OperatorCredential credential;
    static OperatorCredential.Published published;

    @TempDir
    static Path secrets;

    @BeforeAll
    static void start() throws Exception {
        fixture = new ApiFixture(core -> events -> {
            AccountsFixture accounts = new AccountsFixture(core);
            return Map.of(OperatorApi.class, new OperatorEndpoint(core.database, accounts.administration,
                    accounts.review, core.audit, core.clock, OperatorEndpoint.OPERATOR));
        });
        credential = OperatorCredential.generate();
        fixture.server.dispatcher().admitOperators(credential);
        Path file = secrets.resolve(OperatorCredential.FILE_NAME);
        credential.publish(file, fixture.server.uri(), fixture.server.fingerprint());
        published = OperatorCredential.read(file).orElseThrow();
    }

    @AfterAll
    static void stop() throws Exception {
        fixture.close();
    }

    @Test
    void theCredentialFileIsReadableByTheServersAccountOnlyAndGoneAtStop() throws Exception {
        Path file = secrets.resolve("other-" + OperatorCredential.FILE_NAME);
        OperatorCredential other = OperatorCredential.generate();
        other.publish(file, URI.create("https://127.0.0.1:1"), "ab:cd");
        assumeTrue(file.getFileSystem().supportedFileAttributeViews().contains("posix"));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        credential.withdraw(file); // not its file: left alone
        assertThat(file).exists();
        other.withdraw(file);
        assertThat(file).doesNotExist();
        assertThat(OperatorCredential.read(file)).isEmpty();
    }

    @Test
    void theOperatorCredentialFromLoopbackRunsTheCommandsAuditedAsOperator() {
        ApiClient client = ApiClient.connect(published.uri(), published.fingerprint(), ApiFixture.workstationKey(),
                Duration.ofSeconds(10)).presenting(published.token());
        OperatorApi operator = client.api(OperatorApi.class);

        assertThat(operator.accounts()).extracting(AccountSummary::user).extracting(u -> u.login())
                .contains("secretaire", "radiologue", "admin");
        operator.setActive("secretaire", false);
        assertThat(operator.accounts()).filteredOn(a -> a.user().login().equals("secretaire"))
                .allMatch(a -> !a.user().active());
        operator.setActive("secretaire", true);
        assertThat(operator.verifyAudit().intact()).isTrue();
        assertThatThrownBy(() -> operator.unlock("personne")).hasMessageContaining("Compte inconnu : personne");

        List<AuditEvent> latest = fixture.core.audit.latest(10);
        assertThat(latest).filteredOn(e -> e.action().equals("ACCOUNT_DISABLED"))
                .extracting(AuditEvent::actorLogin).contains("system:opérateur");
        assertThat(latest).filteredOn(e -> e.action().equals("OPERATOR_CALL"))
                .extracting(AuditEvent::detail).contains("liste des comptes", "vérification du journal d'audit");
    }

    @Test
    void withoutTheCredentialEveryOperatorCallGets401() throws Exception {
        TlsIdentity key = ApiFixture.workstationKey();
        String adminSession = fixture.signIn(key, "admin");
        for (Operation operation : fixture.server.dispatcher().operations()) {
            if (!operation.operatorCall()) {
                continue;
            }
            String path = "/api/v1/" + operation.area() + "/" + operation.name();
            for (String presented : new String[] {null, "faux-jeton", published.token() + "x", adminSession}) {
                ApiFixture.Answer answer = fixture.raw(key, "POST", path, presented, "{}");
                assertThat(answer.status()).as(path + " with " + presented).isEqualTo(401);
                assertThat(answer.body()).contains("Jeton d'opérateur absent ou invalide");
            }
        }
        assertThat(fixture.core.audit.latest(3)).noneMatch(e -> e.action().equals("OPERATOR_CALL"));
    }

    @Test
    void fromAnyOtherAddressTheCredentialItselfIsRefused() throws Exception {
        assertThatThrownBy(() -> credential.admit(InetAddress.getByName("192.0.2.10"), published.token()))
                .isInstanceOfSatisfying(HttpError.class, e -> assertThat(e.status()).isEqualTo(403));
        assertThatThrownBy(() -> credential.admit(InetAddress.getByName("fe80::1"), published.token()))
                .isInstanceOfSatisfying(HttpError.class, e -> assertThat(e.status()).isEqualTo(403));
        credential.admit(InetAddress.getByName("127.0.0.1"), published.token());
        credential.admit(InetAddress.getByName("::1"), published.token());

        // End to end: a server on every interface, called over this machine's LAN address.
        Optional<InetAddress> lan = lanAddress();
        assumeTrue(lan.isPresent(), "no non-loopback IPv4 address on this machine");
        PracticeApi api = PracticeApi.over(fixture.core.database, fixture.core.clock, fixture.accounts.authentication,
                fixture.core.patients, fixture.core.booking, ApiFixture.IDLE, Duration.ofHours(1),
                PracticeApi.SignInOptions.PASSWORD_ONLY, events -> Map.of(OperatorApi.class, new OperatorEndpoint(
                        fixture.core.database, fixture.accounts.administration, fixture.accounts.review,
                        fixture.core.audit, fixture.core.clock, OperatorEndpoint.OPERATOR)));
        api.dispatcher().admitOperators(credential);
        try (ApiServer wide = new ApiServer(HttpSettings.defaults("API test", new InetSocketAddress("0.0.0.0", 0)),
                TlsIdentity.create("serveur test", List.of("127.0.0.1"), TlsIdentity.Usage.SERVER, Duration.ofDays(1)),
                api, "test").start()) {
            HttpClient http = HttpClient.newBuilder().sslContext(ApiFixture.workstationKey()
                    .context(PinnedTrust.server(wide.fingerprint()))).build();
            for (InetAddress to : List.of(lan.get(), InetAddress.getByName("127.0.0.1"))) {
                HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create("https://"
                                + to.getHostAddress() + ":" + wide.port() + "/api/v1/operator/accounts"))
                        .timeout(Duration.ofSeconds(10)).header("Authorization", "Bearer " + published.token())
                        .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
                assertThat(answer.statusCode()).as(to + " " + answer.body())
                        .isEqualTo(to.isLoopbackAddress() ? 200 : 403);
            }
        }
    }

    @Test
    void aServerThatNeverOpenedTheOperatorAreaRefusesIt() throws Exception {
        try (ApiFixture closed = new ApiFixture()) {
            ApiFixture.Answer answer = closed.raw(ApiFixture.workstationKey(), "POST", "/api/v1/operator/accounts",
                    published.token(), "{}");
            assertThat(answer.status()).isEqualTo(401);
        }
    }

    private static Optional<InetAddress> lanAddress() throws Exception {
        for (NetworkInterface nic : java.util.Collections.list(NetworkInterface.getNetworkInterfaces())) {
            if (!nic.isUp() || nic.isLoopback()) {
                continue;
            }
            for (InetAddress address : java.util.Collections.list(nic.getInetAddresses())) {
                if (address instanceof Inet4Address && !address.isLoopbackAddress()) {
                    return Optional.of(address);
                }
            }
        }
        return Optional.empty();
    }
}
