package fr.opaline.ui.journeys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.opaline.core.catalogue.CatalogueRepository;
import fr.opaline.core.catalogue.ExamType;
import fr.opaline.core.catalogue.Room;
import fr.opaline.core.user.AccountAdministration.NewAccount;
import fr.opaline.core.user.AuthenticationException;
import fr.opaline.core.user.Role;
import fr.opaline.core.user.Totp;
import fr.opaline.core.user.UserAccount;
import fr.opaline.ui.DesktopContext;
import fr.opaline.ui.testing.AdministrationFixture;
import fr.opaline.ui.testing.DesktopFixture;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.control.TextField;
import javafx.scene.image.ImageView;
import org.junit.jupiter.api.Test;

/**
 * Issue 21, the administrator's side of the accounts and the catalogue: from the Administration
 * screen, through the practice server, a password reset to a temporary one shown once, a second
 * factor re-enrolled from its QR code and confirmed by a first code, a room and an exam edited and
 * deactivated (the exam stays on the appointment already booked, and is no longer offered).
 */
class AdministrationCredentialsJourneyTest extends DesktopJourney {

    private static final String PASSWORD = "Correct-Horse-42-Battery!";

    private AdministrationFixture admin;
    private UserAccount dupont;

    @Override
    protected String login() {
        return "admin";
    }

    @Override
    protected void prepare(DesktopFixture fixture) throws Exception {
        admin = new AdministrationFixture(fixture);
        dupont = admin.accounts.create(admin.actor, new NewAccount("dupont", "Claire Dupont", Role.SECRETAIRE, null,
                null, null), "Bienvenue-2026".toCharArray());
        admin.authentication.changePassword("dupont", "Bienvenue-2026".toCharArray(), PASSWORD.toCharArray(), null);
    }

    @Override
    protected DesktopContext context(DesktopFixture fixture) {
        return admin.context();
    }

    @Override
    protected void warmUpJourney() throws Exception {
        robot.clickOn("#nav-admin");
        until(() -> app.mainWindow().admin().refreshedAtProperty().get() != null);
        robot.clickOn("Salles et examens");
        robot.clickOn("Utilisateurs et rôles");
        robot.clickOn("#nav-agenda");
    }

    @Test
    void anAdministratorResetsAPasswordShownOnceThatMustBeChangedAtTheNextSignIn() throws Exception {
        robot.clickOn("#nav-admin");
        clickCell("dupont");
        robot.clickOn("#admin-account-reset-password");
        untilText("#admin-banner .label", t -> t.startsWith("Mot de passe de « dupont » réinitialisé"));
        String temporary = robot.lookup("#admin-issued-password").queryAs(TextField.class).getText();
        assertThat(temporary).hasSizeGreaterThanOrEqualTo(16);
        assertThat(f.core.audit.latest(1).get(0).action() + " " + f.core.audit.latest(1).get(0).actorLogin())
                .isEqualTo("PASSWORD_RESET admin");

        assertThatThrownBy(() -> admin.authentication.login("dupont", PASSWORD.toCharArray(), null))
                .as("the old password no longer opens").isInstanceOf(AuthenticationException.class);
        assertThatThrownBy(() -> admin.authentication.login("dupont", temporary.toCharArray(), null))
                .isInstanceOfSatisfying(AuthenticationException.class, e -> assertThat(e.reason())
                        .isEqualTo(AuthenticationException.Reason.PASSWORD_CHANGE_REQUIRED));
        until(() -> app.mainWindow().admin().accounts().stream().anyMatch(a -> a.user().login().equals("dupont")
                && a.mustChangePassword()));

        robot.clickOn("#admin-issued-dismiss");
        until(() -> !robot.lookup("#admin-issued-password-box").query().isVisible());
        assertThat(robot.lookup("#admin-issued-password").queryAs(TextField.class).getText())
                .as("shown once").isEmpty();
    }

    @Test
    void anAdministratorReenrolsTheSecondFactorFromItsQrCodeAndAFirstCode() throws Exception {
        robot.clickOn("#nav-admin");
        clickCell("dupont");
        robot.clickOn("#admin-account-reenrol-totp");
        untilText("#admin-banner .label", t -> t.startsWith("Nouveau second facteur de « dupont »"));
        until(() -> robot.lookup("#admin-totp-qr").queryAs(ImageView.class).getImage() != null);
        assertThat(robot.lookup("#admin-totp-qr").queryAs(ImageView.class).getImage().getWidth()).isGreaterThan(100);
        var issued = app.mainWindow().admin().issuedTotpProperty().get();
        assertThat(issued.uri()).startsWith("otpauth://totp/").contains("dupont");
        assertThat(text("#admin-totp-secret")).contains(issued.secret());

        // The user's phone: the authenticator application computes the code from the scanned secret.
        robot.clickOn("#admin-totp-code").write("000000".equals(code(issued.secret())) ? "111111" : "000000");
        robot.clickOn("#admin-totp-confirm");
        untilText("#admin-banner .label", t -> t.startsWith("Code incorrect"));
        robot.clickOn("#admin-totp-code").write(code(issued.secret()));
        robot.clickOn("#admin-totp-confirm");
        untilText("#admin-banner .label", t -> t.equals(
                "Second facteur de « dupont » confirmé : il sera demandé à chaque connexion."));
        until(() -> !robot.lookup("#admin-totp-box").query().isVisible());
        assertThatThrownBy(() -> admin.authentication.login("dupont", PASSWORD.toCharArray(), null))
                .isInstanceOfSatisfying(AuthenticationException.class, e -> assertThat(e.reason())
                        .isEqualTo(AuthenticationException.Reason.TOTP_REQUIRED));
        assertThat(f.core.audit.latest(3)).filteredOn(e -> "admin".equals(e.actorLogin()))
                .extracting(e -> e.action()).containsExactly("TOTP_CONFIRMED", "TOTP_ENROLLED");
    }

    @Test
    void anAdministratorEditsAndDeactivatesARoomAndAnExamThatStaysOnItsAppointment() throws Exception {
        robot.clickOn("#nav-admin");
        robot.clickOn("Salles et examens");
        clickCell("Scanner 2");
        until(() -> "Scanner 2".equals(robot.lookup("#admin-room-edit-name").queryAs(TextField.class).getText()));
        robot.lookup("#admin-room-edit-name").queryAs(TextField.class).clear();
        robot.clickOn("#admin-room-edit-name").write("Scanner 2 (64 barrettes)");
        robot.clickOn("#admin-room-save");
        untilText("#admin-banner .label", t -> t.equals("Salle CT2 modifiée."));
        assertThat(room("CT2").name()).isEqualTo("Scanner 2 (64 barrettes)");
        robot.clickOn("#admin-room-disable");
        untilText("#admin-banner .label", t -> t.startsWith("Salle CT2 désactivée"));
        assertThat(room("CT2").active()).isFalse();

        clickCell("Scanner cérébral");
        until(() -> "15".equals(robot.lookup("#admin-exam-edit-minutes").queryAs(TextField.class).getText()));
        robot.lookup("#admin-exam-edit-minutes").queryAs(TextField.class).clear();
        robot.clickOn("#admin-exam-edit-minutes").write("4");
        robot.clickOn("#admin-exam-save");
        untilText("#admin-banner .label", t -> t.equals("La durée d'un examen va de 5 à 480 minutes."));
        robot.lookup("#admin-exam-edit-minutes").queryAs(TextField.class).clear();
        robot.clickOn("#admin-exam-edit-minutes").write("25");
        robot.clickOn("#admin-exam-save");
        untilText("#admin-banner .label", t -> t.equals("Examen CT-CRANE modifié."));
        assertThat(exam("CT-CRANE").durationMinutes()).isEqualTo(25);
        robot.clickOn("#admin-exam-disable");
        untilText("#admin-banner .label", t -> t.startsWith("Examen CT-CRANE désactivé"));
        assertThat(exam("CT-CRANE").active()).isFalse();
        assertThat(f.core.audit.latest(2)).extracting(e -> e.detail())
                .containsExactly("examen désactivé : CT-CRANE", "examen modifié : CT-CRANE : durée : 15 min → 25 min");

        // The agenda: the 10:00 brain scan booked before stays; the exam and the room are no longer offered.
        // The server announced the change: this desktop read its catalogue again on its own.
        robot.clickOn("#nav-agenda");
        until(() -> app.mainWindow().agenda().catalogueProperty().get().exams().stream()
                .noneMatch(x -> x.code().equals("CT-CRANE")));
        assertThat(app.mainWindow().agenda().catalogueProperty().get().rooms()).extracting(Room::code)
                .doesNotContain("CT2");
        until(() -> robot.lookup("#appointment-" + f.provisionalAtTen.appointment().id()).tryQuery().isPresent());
    }

    private String code(String secret) {
        return Totp.code(secret, Totp.step(f.core.clock.instant()));
    }

    private Room room(String code) {
        return f.db.database().inSnapshot(ctx -> new CatalogueRepository(ctx).roomByCode(code)).orElseThrow();
    }

    private ExamType exam(String code) {
        return f.db.database().inSnapshot(ctx -> new CatalogueRepository(ctx).examTypeByCode(code)).orElseThrow();
    }

    /** Clicks a table cell once the rows read after the last action are laid out. */
    private void clickCell(String text) throws Exception {
        until(() -> robot.lookup(".table-cell").match((Node n) -> n instanceof Labeled l && text.equals(l.getText())
                && n.isVisible()).tryQuery().isPresent());
        robot.clickOn(robot.lookup(".table-cell").match((Node n) -> n instanceof Labeled l && text.equals(l.getText())
                && n.isVisible()).queryAs(Node.class));
    }
}
