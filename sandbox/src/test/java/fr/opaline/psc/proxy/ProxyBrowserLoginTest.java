package fr.opaline.psc.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.opaline.psc.PscTestRig;
import fr.opaline.psc.api.BrowserCallback;
import fr.opaline.psc.api.BrowserStarted;
import fr.opaline.psc.api.LoginState;
import fr.opaline.psc.api.LoginStatus;
import fr.opaline.psc.api.ProxyException;
import fr.opaline.sandbox.psc.ECpsSimulator;
import fr.opaline.sandbox.psc.SandboxOpenIdProvider;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Browser login (authorization code + PKCE, loopback redirect on the workstation) through the
 * proxy e-santé, with a scripted "browser" clicking on the sandbox PSC's page (SC.PSC.01).
 */
class ProxyBrowserLoginTest {

    private static PscTestRig rig;
    private static final HttpClient BROWSER = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @BeforeAll
    static void start() throws Exception {
        rig = new PscTestRig(ECpsSimulator.Mode.MANUAL, SandboxOpenIdProvider.Settings.defaults());
    }

    @AfterAll
    static void stop() throws Exception {
        rig.close();
    }

    /** Opens the page, picks the professional, clicks, follows the redirect to the loopback. */
    private static void browse(URI authorization, String nationalId, String decision) {
        try {
            HttpResponse<String> page = BROWSER.send(HttpRequest.newBuilder(authorization).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(page.statusCode()).isEqualTo(200);
            Matcher login = Pattern.compile("name=\"login\" value=\"([^\"]+)\"").matcher(page.body());
            Matcher action = Pattern.compile("action=\"([^\"]+)\"").matcher(page.body());
            assertThat(login.find()).isTrue();
            assertThat(action.find()).isTrue();
            HttpResponse<String> redirect = BROWSER.send(HttpRequest.newBuilder(authorization.resolve(action.group(1)))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("login=" + login.group(1) + "&nationalId=" + nationalId
                            + "&decision=" + decision)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(redirect.statusCode()).isEqualTo(302);
            URI back = URI.create(redirect.headers().firstValue("Location").orElseThrow());
            assertThat(back.getHost()).isEqualTo("127.0.0.1");
            BROWSER.send(HttpRequest.newBuilder(back).build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void theProfessionalLogsInInTheBrowserAndTheWorkstationGetsAHandle() {
        AtomicReference<URI> opened = new AtomicReference<>();
        LoginStatus status = rig.client.browserLogin(null, null, uri -> {
            opened.set(uri);
            new Thread(() -> browse(uri, "899700000000", "approve")).start();
        }, Duration.ofSeconds(30));

        assertThat(opened.get().getQuery()).contains("code_challenge_method=S256", "code_challenge=", "nonce=",
                "state=", "acr_values=eidas1", "redirect_uri=http://127.0.0.1:");
        assertThat(status.state()).isEqualTo(LoginState.AUTHENTICATED);
        assertThat(status.session().method()).isEqualTo("OIDC_BROWSER");
        assertThat(status.session().account().login()).isEqualTo("dr.lambert");
        assertThat(rig.transport.everything()).doesNotContain(rig.sandbox.clientSecret()).doesNotContain("code_verifier");
        rig.client.logout(status.sessionHandle());
    }

    @Test
    void aRefusalInTheBrowserEndsTheLogin() {
        LoginStatus status = rig.client.browserLogin(null, null,
                uri -> new Thread(() -> browse(uri, "899700000000", "deny")).start(), Duration.ofSeconds(30));

        assertThat(status.state()).isEqualTo(LoginState.DENIED);
        assertThat(status.sessionHandle()).isNull();
    }

    @Test
    void aForgedStateOrAStolenCodeIsRefused() {
        BrowserStarted started = rig.client.startBrowserLogin(null, URI.create("http://127.0.0.1:9/callback"), null);

        LoginStatus status = rig.client.completeBrowserLogin(started.requestId(),
                new BrowserCallback("état-forgé", "code-volé", null, null));

        assertThat(status.state()).isEqualTo(LoginState.FAILED);
        assertThat(status.message()).contains("ne correspond pas");
    }

    @Test
    void onlyLoopbackRedirectsAreAccepted() {
        assertThatThrownBy(() -> rig.client.startBrowserLogin(null, URI.create("https://pirate.example/callback"), null))
                .isInstanceOfSatisfying(ProxyException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.getMessage()).startsWith("Adresse de retour refusée");
                });
        assertThatThrownBy(() -> rig.client.startBrowserLogin(null, URI.create("http://192.168.1.10:8080/cb"), null))
                .isInstanceOf(ProxyException.class);
    }
}
