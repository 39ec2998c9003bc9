package fr.opaline.ui.journeys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import fr.opaline.core.testing.AccountsFixture;
import fr.opaline.core.user.AccountAdministration.NewAccount;
import fr.opaline.core.user.Role;
import fr.opaline.core.user.Totp;
import fr.opaline.dmp.vihf.AccessAuthentication;
import fr.opaline.ui.DesktopContext;
import fr.opaline.ui.dmp.DmpUsers;
import fr.opaline.ui.session.ApiSignIn;
import fr.opaline.ui.session.SignInMethod;
import fr.opaline.ui.shell.DesktopApplication;
import fr.opaline.ui.testing.DesktopFixture;
import java.awt.image.BufferedImage;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelReader;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A secretary's own account on the real desktop, through the practice server's API: the first
 * sign-in with the temporary password an administrator gave must choose a new one under the
 * policy; she then turns on the TOTP second factor by scanning the QR code (read back here by
 * zbarimg, an independent decoder) and typing a first code; from then on the sign-in asks for
 * the code, and a session opened with it is AIR simplifié for the DMP.
 */
class LocalAccountJourneyTest {

    private static final String TEMPORARY = "Provisoire-2026!";
    private static final String CHOSEN = "Cabinet-Radio-2026!";

    @TempDir
    Path dir;
    private DesktopFixture f;
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
        new AccountsFixture(f.core).administration.create(AccountsFixture.ADMIN_PROCESS,
                new NewAccount("accueil.durand", "Marie Durand", Role.SECRETAIRE, null, null, null),
                TEMPORARY.toCharArray());
        DesktopContext context = new DesktopContext("9.9.9-test", f.services(),
                new ApiSignIn(f.api(), null), null, Locale.FRENCH, Duration.ofMinutes(10), Duration.ofSeconds(1));
        FxToolkit.setupStage((Stage stage) -> {
            app = new DesktopApplication(context);
            app.start(stage);
        });
        until(() -> robot.lookup("#login-password").tryQuery().isPresent());
        WaitForAsyncUtils.waitForFxEvents();
        guard = new FxStallGuard();
    }

    @AfterEach
    void close() throws Exception {
        try {
            if (guard != null) {
                guard.close();
                guard.assertNoStall();
            }
        } finally {
            if (app != null) {
                robot.interact(() -> app.stop());
            }
            FxToolkit.hideStage();
            f.close();
        }
    }

    @Test
    void firstSignInChoosesAPasswordThenTotpIsEnrolledAndAskedAtTheNextSignIn() throws Exception {
        robot.clickOn("#login-login").write("accueil.durand");
        robot.clickOn("#login-password").write(TEMPORARY);
        robot.clickOn("#login-submit");
        untilText("#login-new-password-prompt", t -> t.equals("Mot de passe provisoire : choisissez votre mot de passe."));
        assertThat(app.mainWindow()).isNull();

        robot.clickOn("#login-new-password").write(CHOSEN);
        robot.clickOn("#login-new-password-confirm").write(CHOSEN + "x");
        robot.clickOn("#login-new-password-submit");
        untilText("#login-error", t -> t.equals("Les deux saisies du nouveau mot de passe diffèrent."));

        robot.clickOn("#login-new-password").write("durand");
        robot.clickOn("#login-new-password-confirm").write("durand");
        robot.clickOn("#login-new-password-submit");
        untilText("#login-error", t -> t.startsWith("Le nouveau mot de passe doit "));
        assertThat(app.mainWindow()).as("the policy refused it on the server").isNull();

        robot.clickOn("#login-new-password").write(CHOSEN);
        robot.clickOn("#login-new-password-confirm").write(CHOSEN);
        // The guard watched the sign-in steps; the main window's first opening (class loading) is not its concern.
        guard.close();
        guard.assertNoStall();
        robot.clickOn("#login-new-password-submit");
        until(() -> app.mainWindow() != null && robot.lookup("#header-user").tryQuery().isPresent());
        until(() -> !app.mainWindow().agenda().items().isEmpty());
        // A first dialog once (class loading), as the other journeys warm up before being watched.
        robot.clickOn("#shell-about");
        until(() -> robot.lookup("#about").tryQuery().isPresent());
        javafx.scene.control.DialogPane about = robot.lookup("#about").queryAs(javafx.scene.control.DialogPane.class);
        robot.clickOn(about.lookupButton(javafx.scene.control.ButtonType.CLOSE));
        until(() -> robot.lookup("#about").tryQuery().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        guard = new FxStallGuard();
        assertThat(text("#header-user")).startsWith("Marie Durand");
        assertThat(app.session().user().method()).isEqualTo(SignInMethod.PASSWORD);
        assertThat(DmpUsers.of(app.session().user(), false).authentication()).as("a password alone").isNull();

        robot.clickOn("#shell-totp");
        until(() -> robot.lookup("#totp-qr").tryQuery().map(n -> ((ImageView) n).getImage() != null).orElse(false));
        String uri = zbar(png((ImageView) robot.lookup("#totp-qr").query()));
        assertThat(uri).startsWith("otpauth://totp/Opaline:accueil.durand?secret=");
        String secret = query(URI.create(uri), "secret");
        assertThat(text("#totp-secret").replace(" ", "")).endsWith(secret);

        robot.clickOn("#totp-code").write("000000".equals(code(secret)) ? "111111" : "000000");
        robot.clickOn("#totp-confirm");
        untilText("#totp-error", t -> t.startsWith("Code incorrect"));
        robot.clickOn("#totp-code").write(code(secret));
        robot.clickOn("#totp-confirm");
        untilText("#totp-status", t -> t.startsWith("Second facteur activé"));
        until(() -> !robot.lookup("#shell-totp").query().isVisible());
        javafx.scene.control.DialogPane pane = robot.lookup("#totp-enrolment").queryAs(javafx.scene.control.DialogPane.class);
        robot.clickOn(pane.lookupButton(javafx.scene.control.ButtonType.CLOSE));
        until(() -> robot.lookup("#totp-enrolment").tryQuery().isEmpty());
        guard.close();
        guard.assertNoStall();
        guard = null;

        // Next sign-in, 30 s later (a TOTP code is accepted once): password, then the code.
        robot.press(javafx.scene.input.KeyCode.CONTROL, javafx.scene.input.KeyCode.L)
                .release(javafx.scene.input.KeyCode.L, javafx.scene.input.KeyCode.CONTROL);
        until(() -> robot.lookup("#lock-switch-user").tryQuery().isPresent());
        robot.clickOn("#lock-switch-user");
        until(() -> robot.lookup("#login #login-login").tryQuery().map(Node::isVisible).orElse(false));
        robot.interact(() -> f.core.clock.advance(Duration.ofSeconds(31)));
        typeInto("#login #login-login", "accueil.durand");
        typeInto("#login #login-password", CHOSEN);
        robot.clickOn("#login #login-submit");
        untilText("#login #login-totp-prompt", t -> t.startsWith("Saisissez le code à 6 chiffres"));
        typeInto("#login #login-totp-code", code(secret));
        robot.clickOn("#login #login-totp-submit");
        until(() -> app.mainWindow() != null && app.session().user() != null && app.mainWindow().isVisible());
        assertThat(app.session().user().method()).isEqualTo(SignInMethod.PASSWORD_TOTP);
        assertThat(DmpUsers.of(app.session().user(), false).authentication())
                .isEqualTo(AccessAuthentication.AIR_SIMPLIFIE);
        assertThat(robot.lookup("#shell-totp").query().isVisible()).isFalse();

        // The lock screen asks for the code too, for the same user only.
        robot.press(javafx.scene.input.KeyCode.CONTROL, javafx.scene.input.KeyCode.L)
                .release(javafx.scene.input.KeyCode.L, javafx.scene.input.KeyCode.CONTROL);
        until(() -> robot.lookup("#lock #login-password").tryQuery().map(Node::isVisible).orElse(false));
        robot.interact(() -> f.core.clock.advance(Duration.ofSeconds(31)));
        typeInto("#lock #login-password", CHOSEN);
        robot.clickOn("#lock #login-submit");
        untilText("#lock #login-totp-prompt", t -> t.startsWith("Saisissez le code à 6 chiffres"));
        typeInto("#lock #login-totp-code", code(secret));
        robot.clickOn("#lock #login-totp-submit");
        until(() -> !app.session().isLocked() && app.mainWindow().isVisible());
        assertThat(app.session().user().method()).isEqualTo(SignInMethod.PASSWORD_TOTP);
    }

    private String code(String secret) {
        return Totp.code(secret, Totp.step(f.core.clock.instant()));
    }

    private static String query(URI uri, String name) {
        for (String pair : uri.getRawQuery().split("&")) {
            if (pair.startsWith(name + "=")) {
                return pair.substring(name.length() + 1);
            }
        }
        throw new AssertionError(name + " absent de " + uri);
    }

    /** The QR code as the screen shows it, saved as a PNG. */
    private Path png(ImageView view) throws Exception {
        Image image = view.getImage();
        PixelReader pixels = image.getPixelReader();
        BufferedImage copy = new BufferedImage((int) image.getWidth(), (int) image.getHeight(), BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < copy.getHeight(); y++) {
            for (int x = 0; x < copy.getWidth(); x++) {
                copy.setRGB(x, y, pixels.getArgb(x, y) & 0xFFFFFF);
            }
        }
        Path png = dir.resolve("totp.png");
        ImageIO.write(copy, "png", png.toFile());
        return png;
    }

    private static String zbar(Path png) throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/zbarimg")), "zbarimg (zbar-tools) absent de cette machine");
        Process process = new ProcessBuilder("/usr/bin/zbarimg", "--raw", "-q", png.toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isZero();
        return out.strip();
    }

    private void until(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(condition).get());
    }

    private void untilText(String query, java.util.function.Predicate<String> condition) throws Exception {
        try {
            until(() -> robot.lookup(query).tryQuery().isPresent() && condition.test(text(query)));
        } catch (java.util.concurrent.TimeoutException e) {
            String shown = WaitForAsyncUtils.asyncFx(() -> robot.lookup(query).tryQuery().isPresent() ? text(query)
                    : "(absent)").get();
            throw new AssertionError(query + " shows \"" + shown + "\"", e);
        }
    }

    private void typeInto(String query, String typed) throws Exception {
        javafx.scene.control.TextInputControl input = robot.lookup(query).queryAs(javafx.scene.control.TextInputControl.class);
        robot.interact(() -> {
            input.requestFocus();
            input.selectAll();
        });
        until(input::isFocused);
        robot.write(typed);
    }

    private String text(String query) {
        Node node = robot.lookup(query).query();
        return node instanceof Labeled labeled ? labeled.getText()
                : node instanceof javafx.scene.control.TextInputControl input ? input.getText() : node.toString();
    }
}
