package fr.opaline.app;

import static org.assertj.core.api.Assertions.assertThat;

import fr.opaline.app.config.OpalineConfig;
import fr.opaline.sandbox.SandboxHost;
import fr.opaline.app.sandbox.SandboxRegistry;
import fr.opaline.app.server.PracticeServer;
import fr.opaline.app.server.ServerAssembly;
import fr.opaline.app.wiring.AccountsWiring;
import fr.opaline.app.wiring.CoreServices;
import fr.opaline.app.wiring.PscProxyLauncher;
import fr.opaline.core.common.Actor;
import fr.opaline.core.user.AccountAdministration.NewAccount;
import fr.opaline.core.user.Role;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The commands as a practice uses them: {@code opaline sandbox} and {@code opaline server} running,
 * {@code opaline psc login --ciba --id …} on a workstation; {@code opaline users …} on the server.
 */
class PscAndUsersCommandTest {

    @TempDir
    static Path home;
    private static SandboxHost sandbox;
    private static CoreServices core;
    private static PracticeServer server;
    private static String serverUrl;

    @BeforeAll
    static void start() throws Exception {
        Files.writeString(home.resolve(OpalineConfig.FILE_NAME), String.join("\n",
                "psc.proxy.bind=127.0.0.1", "psc.proxy.port=0", "api.bind=127.0.0.1", "api.port=0", "sandbox.psc.approval=auto", "health.port=0",
                "worklist.port=0", "worklist.bindAddress=127.0.0.1",
                "sandbox.psc.approvalDelay=PT0.2S", "accounts.argon2.memoryKiB=1024", "accounts.argon2.iterations=1", ""));
        OpalineConfig config = OpalineConfig.load(home, null);
        sandbox = new SandboxHost(SandboxRegistry.create(config, home.resolve("sandbox")), 0);
        sandbox.start();
        // The server talks to the sandbox PSC only because it is told to, in demonstration mode.
        core = CoreServices.open(fr.opaline.app.wiring.DemoWiring.pointedAtSandboxes(config, sandbox.services(),
                home.resolve("sandbox")));
        new AccountsWiring(core).administration.create(Actor.system("test"), new NewAccount("dr.lambert",
                "Dr Claire Lambert", Role.RADIOLOGUE, "99700000000", "10", "SM44"), null);
        server = ServerAssembly.assemble(core);
        server.start();
        int port = server.services().stream().filter(PscProxyLauncher.class::isInstance)
                .map(PscProxyLauncher.class::cast).findFirst().orElseThrow().port();
        serverUrl = "https://127.0.0.1:" + port + "/";
    }

    @AfterAll
    static void stop() {
        server.stop(Duration.ofSeconds(1));
        sandbox.close();
        core.close();
    }

    private static SeedBackupRestoreTest.Run opaline(String... args) {
        return SeedBackupRestoreTest.opaline(home, args);
    }

    @Test
    void pscLoginPrintsTheCodeWaitsThenPrintsTheProfessional() {
        var run = opaline("psc", "login", "--ciba", "--id", "899700000000", "--server", serverUrl);

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).containsPattern("Code de vérification : [0-9]{2} ")
                .contains("Authentifié : Claire LAMBERT — identifiant national 899700000000, RPPS 99700000000")
                .contains("Compte Opaline : dr.lambert — Dr Claire Lambert (RADIOLOGUE)")
                .contains("Session fermée");
    }

    @Test
    void aProfessionalWithoutAccountIsToldHowToLinkOne() {
        var run = opaline("psc", "login", "--id", "899700000003", "--server", serverUrl);

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.out()).contains("Authentifié : Julien MOREAU").contains("--link <identifiant>");
    }

    @Test
    void badInputIsRefusedWithAFrenchMessage() {
        var run = opaline("psc", "login", "--ciba", "--server", serverUrl);
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("--id est requis");
        var unknown = opaline("psc", "login", "--ciba", "--id", "899799999999", "--server", serverUrl);
        assertThat(unknown.exit()).isEqualTo(2);
        assertThat(unknown.err()).contains("Identifiant national inconnu de Pro Santé Connect");
    }

    @Test
    void certificatePrintsTheFingerprintTheWorkstationsPin() {
        var run = opaline("psc", "certificate");
        assertThat(run.exit()).isZero();
        assertThat(run.out()).containsPattern("Empreinte SHA-256 : ([0-9A-F]{2}:){31}[0-9A-F]{2}");
    }

    @Test
    void usersAreAdministeredAndExportedFromTheCommandLine() throws Exception {
        assertThat(opaline("users", "create", "accueil", "--name", "Mme Ferrand", "--role", "SECRETAIRE").exit()).isZero();
        InputStream stdin = System.in;
        try {
            System.setIn(new ByteArrayInputStream("Rdv-Cabinet-2026\n".getBytes(StandardCharsets.UTF_8)));
            var reset = opaline("users", "set-password", "accueil", "--password-stdin");
            assertThat(reset.exit()).as(reset.err()).isZero();
        } finally {
            System.setIn(stdin);
        }
        assertThat(opaline("users", "set-role", "accueil", "MANIPULATEUR").exit()).isZero();
        assertThat(opaline("users", "set-role", "accueil", "CHEF").exit()).isEqualTo(2);
        var list = opaline("users", "list");
        assertThat(list.out()).contains("accueil").contains("MANIPULATEUR").contains("mot de passe");
        Path csv = home.resolve("revue.csv");
        var export = opaline("users", "export", "--out", csv.toString());
        assertThat(export.out()).contains("comptes exportés");
        assertThat(Files.readString(csv)).contains("accueil;Mme Ferrand;MANIPULATEUR;non;");
        assertThat(core.audit.latest(10)).extracting(e -> e.action()).contains("ACCOUNT_CREATED", "PASSWORD_RESET",
                "ACCOUNT_ROLE_CHANGED", "ACCOUNTS_EXPORTED");
    }
}
