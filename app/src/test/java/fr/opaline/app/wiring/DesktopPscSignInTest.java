package fr.opaline.app.wiring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.opaline.app.config.OpalineConfig;
import fr.opaline.sandbox.SandboxHost;
import fr.opaline.app.sandbox.SandboxRegistry;
import fr.opaline.app.server.PracticeServer;
import fr.opaline.app.server.ServerAssembly;
import fr.opaline.core.common.Actor;
import fr.opaline.core.user.AccountAdministration.NewAccount;
import fr.opaline.core.user.Role;
import fr.opaline.core.user.UserAccount;
import fr.opaline.sandbox.psc.SandboxOpenIdProvider;
import fr.opaline.ui.session.AuthenticatedUser;
import fr.opaline.ui.session.AuthenticationException;
import fr.opaline.ui.session.AuthenticationPort;
import fr.opaline.ui.session.PscCibaSession;
import fr.opaline.ui.session.SignInMethod;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The desktop's Pro Santé Connect sign-in over the real wire (SC.PSC.13, SC.PSC.02): the adapter
 * talks HTTPS to the practice server's proxy e-santé, which talks OIDC/CIBA over HTTP to the
 * sandbox PSC; the sandbox's e-CPS is in manual mode, so the test approves like the phone would.
 */
class DesktopPscSignInTest {

    @TempDir
    static Path home;
    private static SandboxHost sandbox;
    private static SandboxOpenIdProvider psc;
    private static CoreServices core;
    private static PracticeServer server;
    private static AuthenticationPort signIn;
    private static UserAccount lambert;

    @BeforeAll
    static void start() throws Exception {
        Files.writeString(home.resolve(OpalineConfig.FILE_NAME), String.join("\n",
                "psc.proxy.bind=127.0.0.1", "psc.proxy.port=0", "api.bind=127.0.0.1", "api.port=0", "sandbox.psc.approval=manual", "worklist.enabled=false",
                "health.port=0", "backup.enabled=false",
                "accounts.argon2.memoryKiB=1024", "accounts.argon2.iterations=1", ""));
        OpalineConfig config = OpalineConfig.load(home, null);
        sandbox = new SandboxHost(SandboxRegistry.create(config, home.resolve("sandbox")), 0);
        sandbox.start();
        psc = sandbox.services().stream().filter(SandboxOpenIdProvider.class::isInstance)
                .map(SandboxOpenIdProvider.class::cast).findFirst().orElseThrow();
        // The server talks to the sandbox PSC only because it is told to, in demonstration mode.
        core = CoreServices.open(fr.opaline.app.wiring.DemoWiring.pointedAtSandboxes(config, sandbox.services(),
                home.resolve("sandbox")));
        lambert = new AccountsWiring(core).administration.create(Actor.system("test"), new NewAccount("dr.lambert",
                "Dr Claire Lambert", Role.RADIOLOGUE, "99700000000", "10", "SM44"), null);
        server = ServerAssembly.assemble(core);
        server.start();
        signIn = SignInWiring.demo(core, server);
    }

    @AfterAll
    static void stop() {
        server.stop(Duration.ofSeconds(1));
        sandbox.close();
        core.close();
    }

    @Test
    void aProfessionalApprovingOnTheirECpsOpensTheirLocalAccount() throws Exception {
        assertThat(signIn.offersPscCiba()).isTrue();
        assertThat(signIn.offersPassword()).as("passwords go to the server's API (ApiSignIn), never checked in this process")
                .isFalse();

        PscCibaSession session = signIn.startPscCiba("899700000000");

        assertThat(session.bindingMessage()).as("two digits, ANS proxy e-Santé API").matches("[0-9]{2}");
        approveOnThePhone(session.bindingMessage());
        AuthenticatedUser user = session.await(status -> { });
        assertThat(user.account().id()).isEqualTo(lambert.id());
        assertThat(user.method()).isEqualTo(SignInMethod.PSC_CIBA);
        assertThat(core.audit.latest(20)).anySatisfy(event -> {
            assertThat(event.action()).isEqualTo("LOGIN");
            assertThat(event.actorLogin()).isEqualTo("dr.lambert");
        });

        signIn.signOut(user);
        assertThat(core.audit.latest(5)).as("the proxy session ends with the desktop's").anySatisfy(event -> {
            assertThat(event.action()).isEqualTo("LOGOUT");
            assertThat(event.actorLogin()).isEqualTo("dr.lambert");
        });
    }

    @Test
    void aPscSignInOpensASessionOnThePracticeServersApi() throws Exception {
        ApiLauncher api = server.services().stream().filter(ApiLauncher.class::isInstance).map(ApiLauncher.class::cast)
                .findFirst().orElseThrow();
        try (fr.opaline.api.client.ApiClient client = ApiWiring.connect(core.config, api.uri(), api.fingerprint())) {
            fr.opaline.ui.session.ApiSignIn throughApi = new fr.opaline.ui.session.ApiSignIn(client,
                    (fr.opaline.ui.session.ProxySignIn) signIn);
            PscCibaSession session = throughApi.startPscCiba("899700000000");
            approveOnThePhone(session.bindingMessage());
            AuthenticatedUser user = session.await(status -> { });
            assertThat(user.account().id()).isEqualTo(lambert.id());
            assertThat(client.api(fr.opaline.api.SessionApi.class).current().user().login()).isEqualTo("dr.lambert");
            assertThat(client.api(fr.opaline.api.AgendaApi.class).catalogue()).isNotNull();
            throughApi.signOut(user);
            assertThat(client.signedIn()).isFalse();
        }
    }

    @Test
    void aProfessionalWithoutAnAccountHereIsRefusedInFrench() throws Exception {
        PscCibaSession session = signIn.startPscCiba("899700000003");
        approveOnThePhone(session.bindingMessage());

        assertThatThrownBy(() -> session.await(status -> { })).isInstanceOf(AuthenticationException.class)
                .hasMessageContaining("Professionnel inconnu du cabinet")
                .hasMessageContaining("Julien MOREAU").hasMessageContaining("899700000003");
    }

    @Test
    void anIdentifierPscDoesNotKnowIsRefusedAtOnce() {
        assertThatThrownBy(() -> signIn.startPscCiba("899799999999")).isInstanceOf(AuthenticationException.class)
                .hasMessageContaining("Identifiant national inconnu de Pro Santé Connect");
    }

    @Test
    void cancellingWithdrawsTheRequestAtTheProxy() throws Exception {
        PscCibaSession session = signIn.startPscCiba("899700000001");
        CompletableFuture<Throwable> outcome = awaitInBackground(session, new AtomicReference<>());

        session.cancel();

        assertThat(outcome.get(30, TimeUnit.SECONDS)).isInstanceOf(AuthenticationException.class)
                .hasMessage("Connexion annulée.");
    }

    @Test
    void interruptingTheWaitEndsItAsACancellation() throws Exception {
        PscCibaSession session = signIn.startPscCiba("899700000002");
        AtomicReference<Thread> waiting = new AtomicReference<>();
        CompletableFuture<Throwable> outcome = awaitInBackground(session, waiting);
        while (waiting.get() == null) {
            Thread.onSpinWait();
        }

        waiting.get().interrupt();

        assertThat(outcome.get(30, TimeUnit.SECONDS)).isInstanceOf(InterruptedException.class);
    }

    private static CompletableFuture<Throwable> awaitInBackground(PscCibaSession session, AtomicReference<Thread> thread) {
        CompletableFuture<Throwable> outcome = new CompletableFuture<>();
        Thread waiter = new Thread(() -> {
            try {
                session.await(status -> { });
                outcome.complete(null);
            } catch (Throwable t) {
                outcome.complete(t);
            }
        }, "ciba-wait");
        thread.set(waiter);
        waiter.start();
        return outcome;
    }

    /** The e-CPS shows the same code as the workstation; the professional approves that request. */
    private static void approveOnThePhone(String bindingMessage) {
        String ref = psc.pendingApprovals().stream()
                .filter(r -> psc.bindingMessage(r).orElse("").equals(bindingMessage)).reduce((older, newer) -> newer)
                .orElseThrow(() -> new AssertionError("the phone does not show " + bindingMessage));
        assertThat(psc.decide(ref, true)).isTrue();
    }
}
