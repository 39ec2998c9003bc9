package fr.opaline.it.psc;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.oauth2.sdk.RefreshTokenGrant;
import com.nimbusds.oauth2.sdk.token.RefreshToken;
import fr.opaline.app.config.OpalineConfig;
import fr.opaline.app.server.PracticeServer;
import fr.opaline.app.server.ServerAssembly;
import fr.opaline.app.wiring.AccountsWiring;
import fr.opaline.app.wiring.CoreServices;
import fr.opaline.app.wiring.PscProxyLauncher;
import fr.opaline.app.wiring.PscWiring;
import fr.opaline.core.audit.AuditAction;
import fr.opaline.core.audit.AuditEvent;
import fr.opaline.core.common.Actor;
import fr.opaline.core.common.IdGenerator;
import fr.opaline.core.common.Json;
import fr.opaline.core.persistence.generated.Tables;
import fr.opaline.core.testing.TestDatabases;
import fr.opaline.core.user.AccountAdministration.NewAccount;
import fr.opaline.core.user.Role;
import fr.opaline.psc.api.CibaStarted;
import fr.opaline.psc.api.LoginState;
import fr.opaline.psc.api.LoginStatus;
import fr.opaline.psc.api.ProviderView;
import fr.opaline.psc.api.SessionView;
import fr.opaline.psc.ciba.CibaClient;
import fr.opaline.psc.client.HttpsProxyTransport;
import fr.opaline.psc.client.ProxyClient;
import fr.opaline.psc.client.ProxyTransport;
import fr.opaline.psc.client.ProxyTrust;
import fr.opaline.psc.oidc.OidcProvider;
import fr.opaline.psc.oidc.TokenOutcome;
import fr.opaline.psc.vault.TokenCipher;
import fr.opaline.psc.vault.VaultKey;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The proxy e-santé, wired as in the practice server, against a real Keycloak 26 standing in for
 * Pro Santé Connect (CIBA poll mode, its HTTP authentication channel answered by the test's
 * "phone"), and for a second, establishment identity provider (SC.PSC.13, SC.PSC.02,
 * SC.SSI/IAM.80): approval, denial, expiry, slow_down, refresh, logout, and the code+PKCE flow.
 * One Keycloak start for the whole class.
 */
class KeycloakPscTest {

    private static final String LAMBERT = "899700000000";
    private static final String OKAFOR = "899700000001";
    private static final String LEFEVRE = "899700000002";

    private static ECpsChannel phone;
    private static KeycloakServer keycloak;
    private static TestDatabases.TestDatabase db;
    private static CoreServices core;
    private static PracticeServer server;
    private static PscProxyLauncher proxy;
    private static OpalineConfig config;
    private static String clientSecret;
    private static final List<String> workstationSaw = new ArrayList<>();
    private static ProxyClient workstation;
    private static volatile Throwable browserFailure;

    @BeforeAll
    static void start() throws Exception {
        clientSecret = random();
        String etabSecret = random();
        phone = new ECpsChannel();
        Map<String, String> realms = new LinkedHashMap<>();
        realms.put("opaline", resource("/keycloak/opaline-realm.json").replace("${CLIENT_SECRET}", clientSecret));
        realms.put("etablissement", resource("/keycloak/etablissement-realm.json").replace("${ETAB_SECRET}", etabSecret));
        Path target = Path.of(System.getProperty("opaline.keycloak.home")).getParent().getParent();
        keycloak = KeycloakServer.start(Path.of(System.getProperty("opaline.keycloak.home")), realms, phone.uri(),
                target.resolve("keycloak-run"));
        phone.callbackTo(keycloak.realm("opaline"));

        Path home = Files.createTempDirectory(target, "psc-home");
        Files.createDirectories(home.resolve("secrets"));
        Files.writeString(home.resolve("secrets/psc-client.secret"), clientSecret + "\n");
        Map<String, String> values = new LinkedHashMap<>();
        values.put("psc.providers", "psc, etab");
        values.put("psc.provider.psc.discovery", keycloak.discovery("opaline").toString());
        values.put("psc.provider.psc.clientId", "opaline-proxy");
        values.put("psc.provider.psc.clientSecretFile", "secrets/psc-client.secret");
        values.put("psc.provider.psc.scope", "openid profile");
        values.put("psc.provider.psc.acr", "eidas1");
        values.put("psc.provider.etab.label", "Annuaire de l'établissement");
        values.put("psc.provider.etab.discovery", keycloak.discovery("etablissement").toString());
        values.put("psc.provider.etab.clientId", "opaline-etab");
        values.put("psc.provider.etab.clientSecret", etabSecret);
        values.put("psc.provider.etab.nationalIdClaims", "SubjectNameID");
        values.put("psc.provider.etab.rppsClaim", "rpps");
        // A Keycloak on loopback stands in for PSC: a sandbox address, accepted in demonstration mode only.
        values.put(fr.opaline.app.wiring.NationalServices.MODE_KEY, fr.opaline.app.wiring.NationalServices.DEMO);
        values.put("psc.proxy.bind", "127.0.0.1");
        values.put("psc.proxy.port", "0");
        values.put("psc.refresh.ahead", "PT120S");
        values.put("psc.refresh.every", "PT1H");
        values.put("accounts.argon2.memoryKiB", "1024");
        values.put("accounts.argon2.iterations", "1");
        config = OpalineConfig.of(home, values);
        db = TestDatabases.h2();
        Clock clock = Clock.system(ZoneId.of("Europe/Paris"));
        core = CoreServices.over(config, db.database(), clock, IdGenerator.timeOrdered(clock));
        new AccountsWiring(core).administration.create(Actor.system("test"), new NewAccount("dr.lambert",
                "Dr Claire Lambert", Role.RADIOLOGUE, "99700000000", "10", "SM44"), null);

        server = ServerAssembly.assemble(core, List.of(new PscWiring()));
        server.start();
        proxy = server.services().stream().filter(PscProxyLauncher.class::isInstance).map(PscProxyLauncher.class::cast)
                .findFirst().orElseThrow();
        ProxyTransport https = new HttpsProxyTransport(URI.create("https://127.0.0.1:" + proxy.port() + "/"),
                ProxyTrust.fromPemFile(PscWiring.certificateFile(config)), Duration.ofSeconds(30));
        workstation = new ProxyClient((method, path, bearer, json) -> {
            ProxyTransport.Response response = https.exchange(method, path, bearer, json);
            synchronized (workstationSaw) {
                workstationSaw.add(method + " " + path + " " + json + " -> " + response.body());
            }
            return response;
        });
        phone.decide(LAMBERT, ECpsChannel.Decision.APPROVE);
        phone.decide(OKAFOR, ECpsChannel.Decision.DENY);
        phone.decide(LEFEVRE, ECpsChannel.Decision.IGNORE);
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) {
            server.stop(Duration.ofSeconds(1));
        }
        if (keycloak != null) {
            keycloak.close();
        }
        if (phone != null) {
            phone.close();
        }
        if (db != null) {
            db.close();
        }
    }

    @Test
    void approvedOnThePhoneTheRadiologistIsLoggedInThroughTheProxy() {
        CibaStarted started = workstation.startCiba(null, LAMBERT);
        LoginStatus status = workstation.awaitCiba(started, s -> { });

        assertThat(status.state()).as(status.message()).isEqualTo(LoginState.AUTHENTICATED);
        assertThat(phone.received()).anySatisfy(request -> {
            assertThat(request.loginHint()).isEqualTo(LAMBERT);
            assertThat(request.bindingMessage()).isEqualTo(started.bindingMessage());
            assertThat(request.acrValues()).isEqualTo("eidas1");
        });
        SessionView session = status.session();
        assertThat(session.provider()).isEqualTo("psc");
        assertThat(session.method()).isEqualTo("PSC_CIBA");
        assertThat(session.professional().nationalId()).isEqualTo(LAMBERT);
        assertThat(session.professional().rpps()).isEqualTo("99700000000");
        assertThat(session.professional().displayName()).isEqualTo("Claire LAMBERT");
        assertThat(session.professional().professionCode()).isEqualTo("10");
        assertThat(session.professional().specialtyCode()).isEqualTo("SM44");
        assertThat(session.account().login()).isEqualTo("dr.lambert");
        List<String> actions = core.audit.latest(20).stream().map(AuditEvent::action).toList();
        assertThat(actions).contains(AuditAction.LOGIN, AuditAction.ACCOUNT_LINKED);

        Map<String, String> tokens = vaultTokens(latestSession());
        assertThat(tokens.get("refreshToken")).isNotBlank();
        assertWorkstationSawNoSecret(tokens);
        workstation.logout(status.sessionHandle());
    }

    @Test
    void deniedOnThePhoneTheLoginIsRefusedInFrench() {
        LoginStatus status = workstation.awaitCiba(workstation.startCiba("psc", OKAFOR), s -> { });

        assertThat(status.state()).isEqualTo(LoginState.DENIED);
        assertThat(status.message()).isEqualTo("Connexion refusée sur l'application e-CPS.");
        assertThat(status.sessionHandle()).isNull();
        assertThat(core.audit.latest(1).get(0).action()).isEqualTo(AuditAction.LOGIN_FAILED);
    }

    @Test
    void unansweredTheRequestExpiresAtTheProxyAndAtKeycloak() throws Exception {
        CibaClient direct = new CibaClient(pscProvider(), Clock.systemUTC());
        CibaClient.Ticket ticket = direct.start(LEFEVRE, "EXP-123", null);
        CibaStarted started = workstation.startCiba(null, LEFEVRE);
        assertThat(started.expiresAt()).isBefore(Instant.now().plusSeconds(11));

        LoginStatus status = workstation.awaitCiba(started, s -> { });

        assertThat(status.state()).isEqualTo(LoginState.EXPIRED);
        assertThat(status.message()).startsWith("Délai dépassé");
        // Keycloak itself answers expired_token to a client that would poll past expires_in.
        CibaClient.Ticket ignoringExpiry = new CibaClient.Ticket(ticket.authReqId(), Instant.now().plusSeconds(60),
                ticket.interval());
        Thread.sleep(Math.max(0, Duration.between(Instant.now(), ticket.expiresAt()).toMillis()) + 500);
        // Keycloak counts expiry in whole seconds of its own clock: it may still say pending for a moment.
        CibaClient.Poll answer = direct.poll(ignoringExpiry);
        Instant giveUp = ticket.expiresAt().plusSeconds(10);
        while (answer instanceof CibaClient.Pending && Instant.now().isBefore(giveUp)) {
            Thread.sleep(ticket.interval().toMillis());
            answer = direct.poll(ignoringExpiry);
        }
        assertThat(answer).isInstanceOfSatisfying(CibaClient.Refused.class,
                refused -> assertThat(refused.error()).isEqualTo("expired_token"));
    }

    @Test
    void pollingFasterThanTheIntervalEarnsASlowDownFromKeycloak() {
        CibaClient direct = new CibaClient(pscProvider(), Clock.systemUTC());
        CibaClient.Ticket ticket = direct.start(LEFEVRE, "SLW-456", null);
        assertThat(ticket.interval()).isEqualTo(Duration.ofSeconds(2));

        assertThat(direct.poll(ticket)).isInstanceOf(CibaClient.Pending.class);
        CibaClient.Poll second = direct.poll(ticket);

        assertThat(second).isInstanceOfSatisfying(CibaClient.SlowDown.class,
                slow -> assertThat(slow.ticket().interval()).isEqualTo(Duration.ofSeconds(7)));
    }

    @Test
    void tokensAreRefreshedFromKeycloakAndRevokedAtLogout() {
        LoginStatus status = workstation.awaitCiba(workstation.startCiba(null, LAMBERT), s -> { });
        assertThat(status.state()).isEqualTo(LoginState.AUTHENTICATED);
        UUID sessionId = latestSession();
        Map<String, String> first = vaultTokens(sessionId);

        SessionView refreshed = workstation.refresh(status.sessionHandle());
        Map<String, String> second = vaultTokens(sessionId);
        assertThat(second.get("accessToken")).isNotEqualTo(first.get("accessToken"));
        assertThat(refreshed.accessExpiresAt()).isAfter(Instant.now());

        // Keycloak's access tokens live 60 s and the margin is 120 s: the background refresh takes them.
        proxy.proxy().maintain();
        assertThat(vaultTokens(sessionId).get("accessToken")).isNotEqualTo(second.get("accessToken"));
        String lastRefreshToken = vaultTokens(sessionId).get("refreshToken");
        assertWorkstationSawNoSecret(vaultTokens(sessionId));

        workstation.logout(status.sessionHandle());
        TokenOutcome afterLogout = pscProvider().requestToken(new RefreshTokenGrant(new RefreshToken(lastRefreshToken)));
        assertThat(afterLogout).isInstanceOfSatisfying(TokenOutcome.Refused.class,
                refused -> assertThat(refused.error()).isEqualTo("invalid_grant"));
    }

    @Test
    void browserLoginWithPkceAgainstKeycloak() {
        List<URI> opened = new ArrayList<>();
        LoginStatus status = workstation.browserLogin(null, LAMBERT, uri -> {
            opened.add(uri);
            new Thread(() -> keycloakBrowser(uri, LAMBERT, "Lambert-Kc-2026!")).start();
        }, Duration.ofSeconds(60));

        assertThat(browserFailure).isNull();
        assertThat(opened.get(0).getQuery()).contains("code_challenge_method=S256", "nonce=", "state=");
        assertThat(status.state()).as(status.message()).isEqualTo(LoginState.AUTHENTICATED);
        assertThat(status.session().method()).isEqualTo("OIDC_BROWSER");
        assertThat(status.session().account().login()).isEqualTo("dr.lambert");
        assertWorkstationSawNoSecret(vaultTokens(latestSession()));
        workstation.logout(status.sessionHandle());
    }

    @Test
    void theEstablishmentProviderIsOfferedBesidePscAndLogsInByRpps() {
        List<ProviderView> providers = workstation.providers();
        assertThat(providers).extracting(ProviderView::id).containsExactly("psc", "etab");
        assertThat(providers.get(0).preferred()).isTrue();
        assertThat(providers.get(1).ciba()).isFalse();

        LoginStatus status = workstation.browserLogin("etab", null,
                uri -> new Thread(() -> keycloakBrowser(uri, "claire.lambert", "Etab-Kc-2026!")).start(),
                Duration.ofSeconds(60));

        assertThat(browserFailure).isNull();
        assertThat(status.state()).as(status.message()).isEqualTo(LoginState.AUTHENTICATED);
        assertThat(status.session().provider()).isEqualTo("etab");
        assertThat(status.session().professional().rpps()).isEqualTo("99700000000");
        assertThat(status.session().account().login()).isEqualTo("dr.lambert");
        workstation.logout(status.sessionHandle());
    }

    // ------------------------------------------------------------------ helpers

    private static void assertWorkstationSawNoSecret(Map<String, String> vaultTokens) {
        String seen;
        synchronized (workstationSaw) {
            seen = String.join("\n", workstationSaw);
        }
        assertThat(seen).isNotEmpty();
        assertThat(seen).doesNotContain(clientSecret);
        assertThat(seen).doesNotContain(vaultTokens.get("refreshToken"));
        assertThat(seen).doesNotContain(vaultTokens.get("accessToken"));
        assertThat(seen).doesNotContain(vaultTokens.get("idToken"));
    }

    /**
     * Logs in on Keycloak's login page as a browser would, then follows the redirect to the
     * loopback. Cookies are carried by hand: Keycloak marks them Secure, which browsers (not the
     * JDK's cookie manager) accept on http://127.0.0.1.
     */
    private static void keycloakBrowser(URI authorization, String username, String password) {
        try {
            HttpClient browser = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
            HttpResponse<String> page = browser.send(HttpRequest.newBuilder(authorization).build(),
                    HttpResponse.BodyHandlers.ofString());
            Matcher action = Pattern.compile("action=\"([^\"]*login-actions/authenticate[^\"]*)\"").matcher(page.body());
            if (!action.find()) {
                throw new AssertionError("no login form on Keycloak's page (HTTP " + page.statusCode() + ")");
            }
            String cookies = String.join("; ", page.headers().allValues("Set-Cookie").stream()
                    .map(c -> c.substring(0, c.indexOf(';') < 0 ? c.length() : c.indexOf(';'))).toList());
            URI post = URI.create(action.group(1).replace("&amp;", "&"));
            HttpResponse<String> redirect = browser.send(HttpRequest.newBuilder(post)
                    .header("Content-Type", "application/x-www-form-urlencoded").header("Cookie", cookies)
                    .POST(HttpRequest.BodyPublishers.ofString("username=" + enc(username) + "&password=" + enc(password)
                            + "&credentialId=")).build(), HttpResponse.BodyHandlers.ofString());
            String location = redirect.headers().firstValue("Location")
                    .orElseThrow(() -> new AssertionError("Keycloak did not redirect (HTTP " + redirect.statusCode() + ")"));
            browser.send(HttpRequest.newBuilder(URI.create(location)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception | AssertionError e) {
            browserFailure = e;
            // End the wait on the loopback at once, with the state Keycloak would not have sent.
            String redirectUri = java.net.URLDecoder.decode(authorization.getRawQuery().replaceAll(
                    ".*redirect_uri=([^&]+).*", "$1"), StandardCharsets.UTF_8);
            try {
                HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(redirectUri + "?error=test_browser_failed"))
                        .build(), HttpResponse.BodyHandlers.discarding());
            } catch (Exception ignored) {
                // the login then times out
            }
        }
    }

    private static OidcProvider pscProvider() {
        return PscWiring.providers(config, Clock.systemUTC()).get("psc");
    }

    private static UUID latestSession() {
        return db.database().dsl().select(Tables.PSC_SESSION.ID).from(Tables.PSC_SESSION)
                .orderBy(Tables.PSC_SESSION.CREATED_AT.desc()).limit(1).fetchSingle().value1();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> vaultTokens(UUID sessionId) {
        byte[] blob = db.database().dsl().select(Tables.PSC_SESSION.TOKEN_BLOB).from(Tables.PSC_SESSION)
                .where(Tables.PSC_SESSION.ID.eq(sessionId)).fetchSingle().value1();
        TokenCipher cipher = new TokenCipher(VaultKey.loadOrCreate(config.home().resolve("secrets/psc-vault.key")));
        return Json.read(new String(cipher.decrypt(sessionId, blob), StandardCharsets.UTF_8), Map.class);
    }

    private static String resource(String name) throws Exception {
        try (InputStream in = KeycloakPscTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static String enc(String value) {
        return java.net.URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String random() {
        byte[] raw = new byte[24];
        new SecureRandom().nextBytes(raw);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
    }
}
