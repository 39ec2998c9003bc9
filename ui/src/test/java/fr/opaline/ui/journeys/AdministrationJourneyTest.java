package fr.opaline.ui.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import fr.opaline.core.catalogue.CatalogueRepository;
import fr.opaline.core.user.AccountSummary;
import fr.opaline.core.user.Role;
import fr.opaline.core.user.UserAccount;
import fr.opaline.core.user.UserRepository;
import fr.opaline.ui.DesktopContext;
import fr.opaline.api.admin.CertificateStatus;
import fr.opaline.ui.testing.AdministrationFixture;
import fr.opaline.ui.testing.DesktopFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableView;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 9 journey: the administrator creates an account, changes its role and deactivates it,
 * adds a room, reads a certificate's expiry and asks for the ANS service status; a secretary has
 * no Administration entry. Every action reaches the real services (H2) in the background.
 */
class AdministrationJourneyTest extends DesktopJourney {

    private AdministrationFixture admin;
    private Path certificates;

    @Override
    protected String login() {
        return testName.startsWith("aSecretary") ? "secretariat" : "admin";
    }

    @Override
    protected void prepare(DesktopFixture fixture) throws Exception {
        admin = new AdministrationFixture(fixture);
        certificates = Files.createTempDirectory("opaline-admin-journey");
        admin.certificate(certificates, "DMP", "dmp.keystore", "cabinet-dmp", 0, 20);
    }

    @Override
    protected DesktopContext context(DesktopFixture fixture) {
        return admin.context();
    }

    @Override
    protected void warmUpJourney() throws Exception {
        if (login().equals("admin")) {
            robot.clickOn("#nav-admin");
            until(() -> app.mainWindow().admin().refreshedAtProperty().get() != null);
            for (String tab : new String[] {"Correspondants de confiance", "Salles et examens", "Messageries MSSanté",
                    "Points d’accès et certificats", "Utilisateurs et rôles"}) {
                robot.clickOn(tab);
            }
            robot.clickOn("#admin-account-role");
            robot.clickOn("#admin-account-role");
            robot.clickOn("#nav-agenda");
        }
    }

    @AfterEach
    void removeCertificates() throws Exception {
        if (certificates != null) {
            try (var files = Files.list(certificates)) {
                for (Path file : files.toList()) {
                    Files.delete(file);
                }
            }
            Files.delete(certificates);
        }
    }

    @Test
    void anAdministratorCreatesAUserChangesItsRoleDeactivatesItAddsARoomAndReadsACertificatesExpiry()
            throws Exception {
        robot.clickOn("#nav-admin");
        @SuppressWarnings("unchecked")
        TableView<AccountSummary> accounts = robot.lookup("#admin-accounts-table").queryAs(TableView.class);
        until(() -> accounts.getItems().size() == 2);

        robot.clickOn("#admin-account-login").write("dupont");
        robot.clickOn("#admin-account-name").write("Claire Dupont");
        choose("#admin-account-role", "Secrétaire");
        robot.clickOn("#admin-account-password").write("Bienvenue-2026");
        robot.clickOn("#admin-account-create");
        until(() -> accounts.getItems().size() == 3);
        untilText("#admin-banner .label", t -> t.startsWith("Compte « dupont » créé"));
        assertThat(user("dupont")).hasValueSatisfying(u -> assertThat(u.role()).isEqualTo(Role.SECRETAIRE));
        assertThat(text("#admin-account-login")).as("the form is emptied").isEmpty();

        clickCell("dupont");
        choose("#admin-account-new-role", "Radiologue");
        robot.clickOn("#admin-account-change-role");
        untilText("#admin-banner .label", t -> t.equals("Rôle de « dupont » : Radiologue."));
        assertThat(user("dupont")).hasValueSatisfying(u -> assertThat(u.role()).isEqualTo(Role.RADIOLOGUE));
        until(() -> accounts.getItems().stream().anyMatch(a -> a.user().login().equals("dupont")
                && a.user().role() == Role.RADIOLOGUE));
        assertThat(accounts.getSelectionModel().getSelectedItem().user().login())
                .as("the row stays selected when the list is read again").isEqualTo("dupont");

        robot.clickOn("#admin-account-disable");
        untilText("#admin-banner .label", t -> t.equals("Compte « dupont » désactivé."));
        assertThat(user("dupont")).hasValueSatisfying(u -> assertThat(u.active()).isFalse());
        assertThat(f.core.audit.latest(3)).extracting(e -> e.action() + " " + e.actorLogin()).containsExactly(
                "ACCOUNT_DISABLED admin", "ACCOUNT_ROLE_CHANGED admin", "ACCOUNT_CREATED admin");

        robot.clickOn("Salles et examens");
        robot.clickOn("#admin-room-code").write("IRM1");
        robot.clickOn("#admin-room-name").write("IRM 1,5 T");
        choose("#admin-room-modality", "IRM");
        robot.clickOn("#admin-room-ae").write("AE_IRM1");
        robot.clickOn("#admin-room-add");
        untilText("#admin-banner .label", t -> t.equals("Salle IRM1 « IRM 1,5 T » ajoutée."));
        until(() -> robot.lookup("#admin-rooms-table").queryAs(TableView.class).getItems().size() == 4);
        Optional<fr.opaline.core.catalogue.Room> room = f.db.database().inSnapshot(
                ctx -> new CatalogueRepository(ctx).roomByCode("IRM1"));
        assertThat(room).isPresent();

        robot.clickOn("Points d’accès et certificats");
        @SuppressWarnings("unchecked")
        TableView<CertificateStatus> certificateTable = robot.lookup("#admin-certificates-table").queryAs(TableView.class);
        assertThat(certificateTable.getItems()).singleElement()
                .satisfies(c -> assertThat(c.level()).isEqualTo(CertificateStatus.Level.WARNING));
        // The subject, the state, the days left and the configured DMP address, once the tab is laid out.
        until(() -> robot.lookup("CN=cabinet-dmp,O=Cabinet test,C=FR").tryQuery().isPresent());
        untilText("#admin-certificates-table .certificate-warning", t -> t.equals("À renouveler"));
        until(() -> robot.lookup((Node n) -> n instanceof Labeled l && l.getText() != null
                && l.getText().matches("(19|20) jours")).tryQuery().isPresent());
        until(() -> robot.lookup("https://dmp.example.test/si-dmp-server/v2/services").tryQuery().isPresent());

        robot.clickOn("#admin-ans-status");
        // No browser on the headless test machine: the address is given to open by hand.
        untilText("#admin-banner .label", t -> t.endsWith(AdministrationFixture.ANS_URL));
    }

    /** Issue 23 (HL7 routes): the administrator declares a PACS peer and gives it its ORM route. */
    @Test
    void anAdministratorGivesAnHl7PeerItsOutboundRoute() throws Exception {
        robot.clickOn("#nav-admin");
        robot.clickOn("Correspondants de confiance");
        robot.clickOn("#admin-trust-name").write("PACS du cabinet");
        choose("#admin-trust-channel", "Flux HL7 (établissement, PFI)");
        robot.clickOn("#admin-trust-identifier").write("PACS-APP");
        robot.clickOn("#admin-trust-add");
        untilText("#admin-banner .label", t -> t.contains("PACS du cabinet"));
        clickCell("PACS du cabinet");

        choose("#admin-route-kind", "orm — examens vers un PACS (ORM)");
        robot.clickOn("#admin-route-host").write("pacs.cabinet.local");
        robot.clickOn("#admin-route-port").write("25x75");
        robot.clickOn("#admin-route-save");
        untilText("#admin-banner .label", t -> t.equals("Port invalide : « 25x75 » (un nombre entre 1 et 65535)."));
        robot.doubleClickOn("#admin-route-port").eraseText(5).write("2575");
        robot.clickOn("#admin-route-save");
        untilText("#admin-banner .label",
                t -> t.equals("Route orm de PACS du cabinet enregistrée : pacs.cabinet.local:2575."));
        until(() -> robot.lookup("#admin-routes-table").queryAs(TableView.class).getItems().size() == 1);
        until(() -> robot.lookup("pacs.cabinet.local:2575").tryQuery().isPresent());
        assertThat(f.core.audit.latest(1)).extracting(e -> e.action() + " " + e.actorLogin())
                .containsExactly("HL7_ROUTE_CHANGED admin");
    }

    @Test
    void aSecretaryHasNoAdministrationEntry() throws Exception {
        assertThat(robot.lookup("#nav-queue").queryAs(Node.class).isVisible()).isTrue();
        assertThat(robot.lookup("#nav-admin").tryQuery().map(Node::isVisible)).hasValue(false);
        assertThat(app.mainWindow().admin()).isNull();
    }

    /** Clicks a table cell once the rows read after the last action are laid out. */
    private void clickCell(String text) throws Exception {
        until(() -> robot.lookup(".table-cell").match((Node n) -> n instanceof Labeled l && text.equals(l.getText())
                && n.isVisible()).tryQuery().isPresent());
        robot.clickOn(robot.lookup(".table-cell").match((Node n) -> n instanceof Labeled l && text.equals(l.getText()))
                .queryAs(Node.class));
    }

    private void choose(String combo, String item) {
        robot.clickOn(combo);
        robot.clickOn(robot.lookup(".combo-box-popup .list-cell").match(
                (Node n) -> n instanceof Labeled l && item.equals(l.getText())).queryAs(Node.class));
    }

    private Optional<UserAccount> user(String login) {
        return new UserRepository(f.db.database().dsl()).findByLogin(login);
    }
}
