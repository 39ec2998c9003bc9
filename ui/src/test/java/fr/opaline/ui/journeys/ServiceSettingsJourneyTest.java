package fr.opaline.ui.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import fr.opaline.api.admin.ServiceSettings;
import fr.opaline.core.testing.MapSettings;
import fr.opaline.server.admin.ServicesOverview;
import fr.opaline.ui.DesktopContext;
import fr.opaline.ui.testing.AdministrationFixture;
import fr.opaline.ui.testing.DesktopFixture;
import java.util.Map;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableView;
import org.junit.jupiter.api.Test;

/**
 * Issue 17 journey: the administrator opens *Points d'accès et certificats* and reads, from the
 * practice server's settings records, that the DMP is switched off (no {@code dmp.url}) while INSi
 * is on, with their main settings; nothing can be changed there.
 */
class ServiceSettingsJourneyTest extends DesktopJourney {

    private AdministrationFixture admin;

    @Override
    protected String login() {
        return "admin";
    }

    @Override
    protected void prepare(DesktopFixture fixture) throws Exception {
        admin = new AdministrationFixture(fixture);
        // The server's settings as ServicesOverview reads them: INSi configured, no DMP address.
        var services = ServicesOverview.from(MapSettings.of(Map.of("insi.url", "https://insi.example.fr/lps",
                "worklist.aeTitle", "CABINET_WL")), "Opaline test", "Cabinet").services();
        fixture.serverConfiguration = () -> admin.configuration().withServices(services);
    }

    @Override
    protected DesktopContext context(DesktopFixture fixture) {
        return admin.context();
    }

    @Override
    protected void warmUpJourney() throws Exception {
        robot.clickOn("#nav-admin");
        until(() -> app.mainWindow().admin().refreshedAtProperty().get() != null);
        robot.clickOn("Points d’accès et certificats");
        until(() -> cellShows("DMP : désactivé"));
        robot.clickOn("Utilisateurs et rôles");
        robot.clickOn("#nav-agenda");
    }

    @Test
    void theAdministratorSeesTheDmpSwitchedOffAndInsiOnWithTheirSettings() throws Exception {
        robot.clickOn("#nav-admin");
        until(() -> app.mainWindow().admin().refreshedAtProperty().get() != null);
        robot.clickOn("Points d’accès et certificats");

        @SuppressWarnings("unchecked")
        TableView<ServiceSettings> services = robot.lookup("#admin-services-table").queryAs(TableView.class);
        until(() -> !services.getItems().isEmpty());
        assertThat(services.getItems()).extracting(ServiceSettings::service).startsWith("DMP", "INSi");
        until(() -> cellShows("DMP : désactivé"));
        until(() -> cellShows("INSi : actif"));
        until(() -> robot.lookup(".table-cell").match((Node n) -> n instanceof Labeled l && l.getText() != null
                && l.getText().contains("insi.url = https://insi.example.fr/lps")).tryQuery().isPresent());
        // Rows below the table's fold are not laid out (virtualised): the worklist's line is read from the model.
        assertThat(services.getItems()).filteredOn(s -> s.service().equals("Liste de travail DICOM")).singleElement()
                .satisfies(s -> assertThat(s.settings()).contains(new ServiceSettings.Setting("worklist.aeTitle",
                        "CABINET_WL")));
        assertThat(services.isEditable()).as("read only").isFalse();
    }

    private boolean cellShows(String text) {
        return robot.lookup("#admin-services-table .table-cell").match((Node n) -> n instanceof Labeled l
                && text.equals(l.getText())).tryQuery().isPresent();
    }
}
