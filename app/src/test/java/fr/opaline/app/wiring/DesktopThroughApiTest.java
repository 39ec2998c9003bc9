package fr.opaline.app.wiring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.opaline.api.client.ApiClient;
import fr.opaline.app.config.OpalineConfig;
import fr.opaline.core.catalogue.Modality;
import fr.opaline.core.common.Actor;
import fr.opaline.core.common.IdGenerator;
import fr.opaline.core.patient.PatientQuery;
import fr.opaline.core.testing.CoreFixture;
import fr.opaline.core.testing.TestDatabases;
import fr.opaline.core.user.AccountAdministration.NewAccount;
import fr.opaline.core.user.Role;
import fr.opaline.ui.DesktopContext;
import fr.opaline.ui.agenda.AgendaGateway;
import fr.opaline.ui.patient.PatientDirectory;
import fr.opaline.ui.session.AuthenticatedUser;
import fr.opaline.ui.session.AuthenticationException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code opaline desktop} on one seat: the server in the same process, the desktop through its API. */
class DesktopThroughApiTest {

    @TempDir
    Path home;

    @Test
    void theSingleSeatDesktopSignsInAndReadsThroughTheInProcessServer() throws Exception {
        try (var db = TestDatabases.h2()) {
            OpalineConfig config = OpalineConfig.of(home, Map.of("accounts.argon2.memoryKiB", "1024",
                    "accounts.argon2.iterations", "1", "ui.idleLock", "PT5M"));
            CoreServices core = CoreServices.over(config, db.database(), Clock.systemUTC(),
                    IdGenerator.timeOrdered(Clock.systemUTC()));
            new CoreFixture(db.database()).room("S1", Modality.MR);
            AccountsWiring accounts = new AccountsWiring(core);
            accounts.administration.create(Actor.system("test"), new NewAccount("accueil", "Accueil", Role.SECRETAIRE,
                    null, null, null), "Provisoire-0000-x".toCharArray());
            accounts.authentication.changePassword("accueil", "Provisoire-0000-x".toCharArray(),
                    "Bleu-Vert-Soleil-2026!".toCharArray(), null);

            ApiLauncher server = ApiLauncher.inProcess(core, false, null);
            server.start();
            try (ApiClient api = ApiWiring.connect(config, server.uri(), server.fingerprint())) {
                assertThat(server.uri().getHost()).isEqualTo("127.0.0.1");
                DesktopContext context = DesktopWiring.context(core, "test",
                        fr.opaline.ui.session.AuthenticationPort.none(), false, api);
                assertThatThrownBy(() -> context.authentication().signInWithPassword("accueil", "faux".toCharArray()))
                        .isInstanceOf(AuthenticationException.class).hasMessageContaining("incorrect");
                AuthenticatedUser user = context.authentication().signInWithPassword("accueil",
                        "Bleu-Vert-Soleil-2026!".toCharArray());
                assertThat(user.account().role()).isEqualTo(Role.SECRETAIRE);

                assertThat(new AgendaGateway(context.services()).catalogue().rooms()).hasSize(1);
                assertThat(new PatientDirectory(context.services()).search(PatientQuery.byName("X"), user.actor())).isEmpty();
                // The report editor and the feeding queue are served by the server as wired (not 503).
                assertThat(new fr.opaline.ui.report.ReportGateway(api).examsOf(java.time.LocalDate.now())).isEmpty();
                assertThat(new fr.opaline.ui.outbox.FeedingQueueGateway(api).jobs(java.util.Set.of(), 10)).isEmpty();
                // The workstation's key was made at the first connection, readable by its user only.
                Path key = home.resolve("workstation").resolve("workstation.p12");
                assertThat(Files.getPosixFilePermissions(key)).isEqualTo(PosixFilePermissions.fromString("rw-------"));

                context.authentication().signOut(user);
                assertThat(api.signedIn()).isFalse();
            } finally {
                server.stop(Duration.ofSeconds(1));
            }
        }
    }
}
