package fr.opaline.ui.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.oauth2.sdk.auth.Secret;
import fr.opaline.core.testing.AccountsFixture;
import fr.opaline.core.user.Role;
import fr.opaline.core.user.UserRepository;
import fr.opaline.psc.client.HttpsProxyTransport;
import fr.opaline.psc.client.ProxyClient;
import fr.opaline.psc.client.ProxyTrust;
import fr.opaline.psc.oidc.OidcProvider;
import fr.opaline.psc.oidc.OidcProviderConfig;
import fr.opaline.psc.oidc.OidcProviders;
import fr.opaline.psc.proxy.LanCertificate;
import fr.opaline.psc.proxy.ProxyHttpServer;
import fr.opaline.psc.proxy.ProxyService;
import fr.opaline.sandbox.psc.ECpsSimulator;
import fr.opaline.sandbox.psc.SandboxOpenIdProvider;
import fr.opaline.psc.vault.TokenCipher;
import fr.opaline.psc.vault.TokenVault;
import fr.opaline.psc.vault.VaultKey;
import fr.opaline.ui.DesktopContext;
import fr.opaline.ui.session.AuthenticationPort;
import fr.opaline.ui.session.ProxySignIn;
import fr.opaline.ui.shell.DesktopApplication;
import fr.opaline.ui.testing.DesktopFixture;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Labeled;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Issue 9 journey: signing in with Pro Santé Connect by CIBA on the real sign-in screen (SC.PSC.13).
 * The desktop talks HTTPS to a real proxy e-santé, which talks OIDC/CIBA to the sandbox PSC; the
 * test approves on the sandbox's e-CPS after checking it shows the code the screen shows. The FX
 * thread is watched from the screen's first display until the approval (the whole CIBA wait).
 */
class PscCibaSignInJourneyTest {

    private DesktopFixture f;
    private SandboxOpenIdProvider psc;
    private ProxyHttpServer server;
    private DesktopApplication app;
    private FxRobot robot;
    private FxStallGuard guard;

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @BeforeEach
    void openTheSignInScreen() throws Exception {
        robot = new FxRobot();
        f = new DesktopFixture();
        AccountsFixture accounts = new AccountsFixture(f.core);
        f.core.user("dr.lambert", Role.RADIOLOGUE, "99700000000");
        Clock clock = Clock.systemUTC();
        psc = new SandboxOpenIdProvider(0, null, "secret-" + UUID.randomUUID(),
                new ECpsSimulator(ECpsSimulator.Mode.MANUAL, Duration.ZERO, System.out, System.in),
                new SandboxOpenIdProvider.Settings(Duration.ofMinutes(2), Duration.ofSeconds(1), Duration.ofMinutes(5),
                        Duration.ofMinutes(30)), clock);
        psc.start();
        OidcProviders providers = new OidcProviders(List.of(new OidcProvider(OidcProviderConfig.psc("psc",
                psc.discovery(), SandboxOpenIdProvider.CLIENT_ID, new Secret(psc.clientSecret())), clock)), "psc");
        TokenVault vault = new TokenVault(f.db.database(), providers, new TokenCipher(VaultKey.random()), clock,
                f.core.ids, Duration.ofHours(10), Duration.ofSeconds(60));
        ProxyService proxy = new ProxyService(f.db.database(), providers, vault, accounts.reconciliation, f.core.audit,
                clock, true);
        LanCertificate.Material tls = LanCertificate.create(Set.of("localhost", "127.0.0.1"), Instant.now());
        server = new ProxyHttpServer(proxy, new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                LanCertificate.serverContext(tls), Duration.ofHours(1));
        server.start();
        ProxyClient client = new ProxyClient(new HttpsProxyTransport(server.uri("127.0.0.1"),
                ProxyTrust.pinned(tls.certificate()), Duration.ofSeconds(20)));
        ProxySignIn psc = new ProxySignIn(client,
                id -> new UserRepository(f.db.database().dsl()).findById(id), null, Duration.ofMinutes(1));
        // The practice server checks the proxy's session itself before it opens its own (as opaline server does).
        f.pscSessions = (handle, address) -> ProxyClient.authenticatedSession(client.session(handle),
                id -> new UserRepository(f.db.database().dsl()).findById(id));
        AuthenticationPort signIn = new fr.opaline.ui.session.ApiSignIn(f.api(), psc);
        DesktopContext context = new DesktopContext("9.9.9-test", f.services(), signIn, null, Locale.FRENCH,
                Duration.ofMinutes(10), Duration.ofSeconds(1));
        FxToolkit.setupStage((Stage stage) -> {
            app = new DesktopApplication(context);
            app.start(stage);
        });
        until(() -> robot.lookup("#login-national-id").tryQuery().isPresent());
        WaitForAsyncUtils.waitForFxEvents();
        guard = new FxStallGuard();
    }

    @AfterEach
    void close() throws Exception {
        try {
            if (guard != null) {
                guard.close();
            }
        } finally {
            if (app != null) {
                robot.interact(() -> app.stop());
            }
            FxToolkit.hideStage();
            server.stop(Duration.ZERO);
            psc.stop(Duration.ZERO);
            f.close();
        }
    }

    @Test
    void theCodeOnTheScreenIsTheOneOnTheECpsAndApprovingOpensTheDesktop() throws Exception {
        robot.clickOn("#login-national-id").write("899700000000");
        robot.clickOn("#login-psc-ciba");
        until(() -> !text("#login-binding-message").isEmpty());
        String code = text("#login-binding-message");
        assertThat(code).as("two digits, ANS proxy e-Santé API").matches("[0-9]{2}");
        assertThat(text("#login-status")).isEqualTo("En attente de votre validation dans l’application e-CPS…");
        String request = onThePhone(code);
        guard.close();
        guard.assertNoStall();

        assertThat(psc.decide(request, true)).isTrue();

        until(() -> app.mainWindow() != null && robot.lookup("#header-user").tryQuery().isPresent());
        assertThat(text("#header-user")).startsWith("dr.lambert");
    }

    @Test
    void aProfessionalWithoutAnAccountHereIsToldSo() throws Exception {
        robot.clickOn("#login-national-id").write("899700000003");
        robot.clickOn("#login-psc-ciba");
        until(() -> !text("#login-binding-message").isEmpty());
        assertThat(psc.decide(onThePhone(text("#login-binding-message")), true)).isTrue();

        until(() -> text("#login-error").startsWith("Professionnel inconnu du cabinet"));
        assertThat(text("#login-error")).contains("Julien MOREAU");
        assertThat(app.mainWindow()).isNull();
        guard.assertNoStall();
    }

    @Test
    void cancellingStopsTheWaitAndTheScreenIsReadyAgain() throws Exception {
        robot.clickOn("#login-national-id").write("899700000000");
        robot.clickOn("#login-psc-ciba");
        until(() -> !text("#login-binding-message").isEmpty());
        String request = onThePhone(text("#login-binding-message"));

        robot.clickOn("#login-cancel");

        until(() -> text("#login-status").equals("Connexion annulée."));
        assertThat(robot.lookup("#login-psc-ciba").queryButton().isDisabled()).isFalse();
        assertThat(psc.decide(request, true)).as("the phone may still answer").isTrue();

        // Instead of waiting to see nothing happen: a new sign-in, approved after the cancelled one,
        // opens the desktop — so the proxy has polled PSC since that first approval — and PSC still
        // holds the cancelled request's approval uncollected (a wait still alive would have taken
        // its token: CONSUMED), while the new request's token was taken.
        robot.clickOn("#login-psc-ciba");
        until(() -> !text("#login-binding-message").isEmpty() && onThePhoneIfShown(text("#login-binding-message")) != null);
        String second = onThePhone(text("#login-binding-message"));
        assertThat(second).isNotEqualTo(request);
        assertThat(psc.decide(second, true)).isTrue();
        until(() -> app.mainWindow() != null && robot.lookup("#header-user").tryQuery().isPresent());
        assertThat(cibaStatus(second)).isEqualTo("CONSUMED");
        assertThat(cibaStatus(request)).as("the cancelled request's approval was never collected").isEqualTo("APPROVED");
        guard.assertNoStall();
    }

    /** The status of a CIBA request at the sandbox PSC (its inspection view). */
    @SuppressWarnings("unchecked")
    private String cibaStatus(String ref) {
        Map<String, Object> state = (Map<String, Object>) psc.inspect();
        return ((List<Map<String, Object>>) state.get("cibaRequests")).stream().filter(r -> ref.equals(r.get("ref")))
                .map(r -> String.valueOf(r.get("status"))).findFirst().orElseThrow();
    }

    private String onThePhoneIfShown(String code) {
        return psc.pendingApprovals().stream().filter(r -> psc.bindingMessage(r).orElse("").equals(code)).reduce((older, newer) -> newer)
                .orElse(null);
    }

    /** The sandbox e-CPS's pending request showing this code. */
    private String onThePhone(String code) {
        return psc.pendingApprovals().stream().filter(r -> psc.bindingMessage(r).orElse("").equals(code)).reduce((older, newer) -> newer)
                .orElseThrow(() -> new AssertionError("the e-CPS does not show " + code));
    }

    private void until(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(condition).get());
    }

    private String text(String query) {
        return robot.lookup(query).queryAs(Labeled.class).getText();
    }
}
