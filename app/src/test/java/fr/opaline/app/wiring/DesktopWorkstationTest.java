package fr.opaline.app.wiring;

import static org.assertj.core.api.Assertions.assertThat;

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
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code opaline desktop --server} on a workstation (issue 16): the desktop is wired from the
 * workstation's configuration and the server's API only. Its configuration points the database at
 * an address where nothing listens; the desktop never notices, because it never opens it, and leaves
 * no database file in its home.
 */
class DesktopWorkstationTest {

    @TempDir
    Path serverHome;

    @TempDir
    Path workstationHome;

    @Test
    void aWorkstationSignsInBooksAndSearchesWithoutADatabase() throws Exception {
        try (var db = TestDatabases.h2()) {
            OpalineConfig serverConfig = OpalineConfig.of(serverHome, Map.of("accounts.argon2.memoryKiB", "1024",
                    "accounts.argon2.iterations", "1"));
            CoreServices core = CoreServices.over(serverConfig, db.database(), Clock.systemUTC(),
                    IdGenerator.timeOrdered(Clock.systemUTC()));
            new CoreFixture(db.database()).room("S1", Modality.MR);
            new fr.opaline.core.practice.PracticeSettings(db.database())
                    .put(fr.opaline.core.practice.PracticeSettings.NAME, "Cabinet des Tilleuls");
            AccountsWiring accounts = new AccountsWiring(core);
            accounts.administration.create(Actor.system("test"), new NewAccount("accueil", "Accueil", Role.SECRETAIRE,
                    null, null, null), "Provisoire-0000-x".toCharArray());
            accounts.authentication.changePassword("accueil", "Provisoire-0000-x".toCharArray(),
                    "Bleu-Vert-Soleil-2026!".toCharArray(), null);
            ApiLauncher server = ApiLauncher.inProcess(core, false, null);
            server.start();
            try {
                OpalineConfig workstation = OpalineConfig.of(workstationHome, Map.of(
                        "db.url", "jdbc:postgresql://127.0.0.1:1/personne", "ui.practiceName", "Nom local ignoré",
                        "ui.psc.enabled", "false"));
                try (ApiClient api = ApiWiring.connect(workstation, server.uri(), server.fingerprint())) {
                    DesktopContext context = DesktopWiring.workstation(workstation, "test",
                            SignInWiring.workstation(workstation), api);
                    assertThat(context.services().practiceName()).as("the server's name, not the workstation's")
                            .isEqualTo("Cabinet des Tilleuls");
                    assertThat(context.services().databaseDescription()).startsWith("serveur du cabinet 127.0.0.1:");
                    assertThat(context.authentication().offersPscCiba()).isFalse();

                    AuthenticatedUser user = context.authentication().signInWithPassword("accueil",
                            "Bleu-Vert-Soleil-2026!".toCharArray());
                    assertThat(user.account().role()).isEqualTo(Role.SECRETAIRE);
                    assertThat(new AgendaGateway(context.services()).catalogue().rooms()).hasSize(1);
                    assertThat(new PatientDirectory(context.services()).search(PatientQuery.byName("X"), user.actor()))
                            .isEmpty();
                    context.authentication().signOut(user);
                }
                try (Stream<Path> files = Files.walk(workstationHome)) {
                    assertThat(files.map(Path::toString)).noneMatch(f -> f.endsWith(".mv.db") || f.contains("data"));
                }
            } finally {
                server.stop(Duration.ofSeconds(1));
            }
        }
    }
}
