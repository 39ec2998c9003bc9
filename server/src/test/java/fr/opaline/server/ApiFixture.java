package fr.opaline.server;

import fr.opaline.api.client.ApiClient;
import fr.opaline.core.testing.AccountsFixture;
import fr.opaline.core.testing.CoreFixture;
import fr.opaline.core.testing.TestDatabases;
import fr.opaline.core.user.Role;
import fr.opaline.platform.http.HttpSettings;
import fr.opaline.platform.tls.PinnedTrust;
import fr.opaline.platform.tls.TlsIdentity;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

/**
 * A practice server on an in-memory database, serving the API on loopback (port 0) with a fresh
 * TLS identity, three accounts (secretary, radiologist, administrator; password {@link #PASSWORD}),
 * and the means to call it as a desktop would ({@link #client}) or by hand ({@link #raw}).
 */
final class ApiFixture implements AutoCloseable {

    static final String PASSWORD = "Correct-Horse-42-Battery!";
    static final Duration IDLE = Duration.ofMinutes(10);

    final TestDatabases.TestDatabase db;
    final CoreFixture core;
    final AccountsFixture accounts;
    final PracticeApi api;
    final ApiServer server;

    ApiFixture() throws IOException {
        this(core -> PracticeApi.Endpoints.NONE);
    }

    /** With further areas, built over this fixture's core services. */
    ApiFixture(java.util.function.Function<CoreFixture, PracticeApi.Endpoints> more) throws IOException {
        db = TestDatabases.h2();
        core = new CoreFixture(db.database());
        accounts = new AccountsFixture(core);
        accounts.account("secretaire", Role.SECRETAIRE, null, PASSWORD);
        accounts.account("radiologue", Role.RADIOLOGUE, "10001234567", PASSWORD);
        accounts.account("admin", Role.ADMINISTRATEUR, null, PASSWORD);
        api = PracticeApi.over(core.database, core.clock, accounts.authentication, core.patients, core.booking,
                IDLE, Duration.ofHours(12), PracticeApi.SignInOptions.PASSWORD_ONLY, more.apply(core));
        server = new ApiServer(HttpSettings.defaults("API test", new InetSocketAddress("127.0.0.1", 0)),
                TlsIdentity.create("serveur test", List.of("127.0.0.1", "localhost"), TlsIdentity.Usage.SERVER,
                        Duration.ofDays(1)), api, "test").start();
    }

    static TlsIdentity workstationKey() {
        return TlsIdentity.create("poste test", List.of(), TlsIdentity.Usage.CLIENT, Duration.ofDays(1));
    }

    URI base() {
        return server.uri();
    }

    ApiClient client(TlsIdentity key) {
        return ApiClient.connect(base(), server.fingerprint(), key, Duration.ofSeconds(10));
    }

    /** An HTTP exchange written by hand, with the given workstation key (null: none). */
    Answer raw(TlsIdentity key, String method, String path, String handle, String json) throws Exception {
        javax.net.ssl.SSLContext context;
        if (key == null) {
            context = javax.net.ssl.SSLContext.getInstance("TLS");
            context.init(null, new javax.net.ssl.TrustManager[] {PinnedTrust.server(server.fingerprint())}, null);
        } else {
            context = key.context(PinnedTrust.server(server.fingerprint()));
        }
        HttpClient http = HttpClient.newBuilder().sslContext(context).build();
        HttpRequest.Builder request = HttpRequest.newBuilder(base().resolve(path.substring(1)))
                .timeout(Duration.ofSeconds(10))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8))
                .header("Content-Type", "application/json");
        if (handle != null) {
            request.header("Authorization", "Bearer " + handle);
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), response.body());
    }

    /** Signs in by hand and returns the session handle. */
    String signIn(TlsIdentity key, String login) throws Exception {
        Answer answer = raw(key, "POST", "/api/v1/session/signIn", null,
                "{\"login\":\"" + login + "\",\"password\":\"" + PASSWORD + "\"}");
        if (answer.status() != 200) {
            throw new AssertionError("sign-in " + login + ": " + answer);
        }
        return fr.opaline.core.common.Json.mapper().readTree(answer.body()).get("handle").asText();
    }

    record Answer(int status, String body) {
    }

    @Override
    public void close() throws Exception {
        server.close();
        db.close();
    }
}
