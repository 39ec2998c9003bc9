package fr.opaline.app.setup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import fr.opaline.app.Main;
import fr.opaline.app.config.OpalineConfig;
import fr.opaline.app.wiring.AccountsWiring;
import fr.opaline.app.wiring.CoreServices;
import fr.opaline.core.user.AuthenticationException;
import fr.opaline.core.user.Role;
import fr.opaline.core.user.Totp;
import fr.opaline.core.user.UserRepository;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code opaline setup} on an empty database creates the first administrator, with the password
 * chosen at installation and a TOTP second factor whose QR code (read back by zbarimg) an
 * authenticator application scans; nothing else is needed to sign in.
 */
class FirstAdministratorSetupTest {

    @TempDir
    Path dir;

    record Run(int exit, String out, String err) {
    }

    private Run opaline(String... args) {
        CommandLine cli = Main.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        List<String> all = new ArrayList<>(List.of("--home", dir.resolve("home").toString()));
        all.addAll(List.of(args));
        return new Run(cli.execute(all.toArray(String[]::new)), out.toString(), err.toString());
    }

    @Test
    void anEmptyDatabaseGetsItsFirstAdministratorWithPasswordAndSecondFactor() throws Exception {
        Files.createDirectories(dir.resolve("home"));
        Files.writeString(dir.resolve("home").resolve(OpalineConfig.FILE_NAME),
                "accounts.argon2.memoryKiB=1024\naccounts.argon2.iterations=1\n");
        Path weak = Files.writeString(dir.resolve("faible.txt"), "admin\n");
        Run refused = opaline("setup", "--non-interactive", "--set", "practice.name=Cabinet du Parc",
                "--set", "practice.finess=750712184", "--admin-password-file", weak.toString());
        assertThat(refused.exit()).isEqualTo(2);
        assertThat(refused.err()).contains("Le mot de passe doit comporter au moins 12 caractères");
        assertThat(refused.out()).as("the practice's settings and the communes are saved before the administrator")
                .contains("Référentiel des communes installé : 41830 codes (@etalab/decoupage-administratif 6.0.0).");

        Path password = Files.writeString(dir.resolve("mdp.txt"), "Cabinet-Parc-2026!\n");
        Path png = dir.resolve("totp.png");
        Run run = opaline("setup", "--non-interactive", "--admin-login", "m.bernard", "--admin-name", "Marc Bernard",
                "--admin-password-file", password.toString(), "--admin-totp-png", png.toString());
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains("Administrateur créé : m.bernard (Marc Bernard).")
                .contains("QR code : " + png.toAbsolutePath());
        Matcher uri = Pattern.compile("Adresse otpauth : (otpauth://\\S+)").matcher(run.out());
        assertThat(uri.find()).isTrue();
        assertThat(zbar(png)).isEqualTo(uri.group(1));
        Matcher secret = Pattern.compile("[?&]secret=([A-Z2-7]+)").matcher(uri.group(1));
        assertThat(secret.find()).isTrue();

        Run confirmed = opaline("users", "totp-enrol", "m.bernard", "--code",
                Totp.code(secret.group(1), Totp.step(Instant.now())));
        assertThat(confirmed.exit()).as(confirmed.err()).isZero();

        try (CoreServices core = CoreServices.open(OpalineConfig.load(dir.resolve("home"), null))) {
            assertThat(new UserRepository(core.database.dsl()).findByRole(Role.ADMINISTRATEUR)).hasSize(1);
            assertThat(new UserRepository(core.database.dsl()).findAll()).as("no other account").hasSize(1);
            // The chosen password is not temporary; the second factor is now asked.
            assertThatThrownBy(() -> new AccountsWiring(core).authentication.login("m.bernard",
                    "Cabinet-Parc-2026!".toCharArray(), null))
                    .isInstanceOfSatisfying(AuthenticationException.class,
                            e -> assertThat(e.reason()).isEqualTo(AuthenticationException.Reason.TOTP_REQUIRED));
        }

        Run again = opaline("setup", "--non-interactive", "--admin-login", "autre.admin", "--admin-password-file",
                password.toString());
        assertThat(again.exit()).isZero();
        assertThat(again.out()).doesNotContain("Administrateur créé");
    }

    private static String zbar(Path png) throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/zbarimg")), "zbarimg (zbar-tools) absent de cette machine");
        Process process = new ProcessBuilder("/usr/bin/zbarimg", "--raw", "-q", png.toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return out.strip();
    }
}
