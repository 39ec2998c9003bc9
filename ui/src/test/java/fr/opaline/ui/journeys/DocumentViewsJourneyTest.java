package fr.opaline.ui.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import fr.opaline.api.DocumentApi;
import fr.opaline.core.document.ClinicalDocument;
import fr.opaline.core.document.DocumentRepository;
import fr.opaline.core.document.DocumentStatus;
import fr.opaline.core.document.Provenance;
import fr.opaline.ui.DesktopContext;
import fr.opaline.ui.testing.AdministrationFixture;
import fr.opaline.ui.testing.DesktopFixture;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import javafx.scene.control.DatePicker;
import javafx.scene.control.TextField;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 23 (SC.DMP/CONF.14): a document viewed by the secretary is in the audit trail; the
 * administrator exports who viewed which document as CSV from Administration, for the DPO.
 */
class DocumentViewsJourneyTest extends DesktopJourney {

    private AdministrationFixture admin;
    private Path export;

    @Override
    protected String login() {
        return "admin";
    }

    @Override
    protected void prepare(DesktopFixture fixture) throws Exception {
        admin = new AdministrationFixture(fixture);
        UUID document = UUID.randomUUID();
        fixture.db.database().inTransactionRun(ctx -> new DocumentRepository(ctx).insertIfAbsent(new ClinicalDocument(
                document, fixture.qualified.id(), "1.2.3.4^77", "1.2.3.4^set77", 1, "18748-4", "IRM du genou droit",
                fixture.core.clock.instant(), "Dr Lœw", "10003456789", Provenance.DMP, DocumentStatus.CURRENT, false,
                false, "text/plain", "Ménisque intact.".getBytes(StandardCharsets.UTF_8), null,
                fixture.core.clock.instant())));
        // The secretary opened it in the viewer of her workstation (the server wrote the view).
        fixture.signedInClient(fixture.secretary).api(DocumentApi.class).content(document);
        export = Files.createTempFile("opaline-views", ".csv");
    }

    @Override
    protected DesktopContext context(DesktopFixture fixture) {
        return admin.context();
    }

    @Override
    protected void warmUpJourney() throws Exception {
        robot.clickOn("#nav-admin");
        until(() -> app.mainWindow().admin().refreshedAtProperty().get() != null);
        robot.clickOn("Traçabilité");
        until(() -> robot.lookup("#admin-views-export").tryQuery().map(n -> n.isVisible()).orElse(false));
        robot.clickOn("Utilisateurs et rôles");
        robot.clickOn("#nav-agenda");
    }

    @AfterEach
    void removeExport() throws Exception {
        if (export != null) {
            Files.deleteIfExists(export);
        }
    }

    @Test
    void theAdministratorExportsWhoViewedWhichDocument() throws Exception {
        robot.clickOn("#nav-admin");
        until(() -> app.mainWindow().admin().refreshedAtProperty().get() != null);
        robot.clickOn("Traçabilité");
        until(() -> robot.lookup("#admin-views-export").tryQuery().map(n -> n.isVisible()).orElse(false));
        LocalDate day = DesktopFixture.TODAY;
        robot.interact(() -> {
            robot.lookup("#admin-views-from").queryAs(DatePicker.class).setValue(day.withDayOfMonth(1));
            robot.lookup("#admin-views-to").queryAs(DatePicker.class).setValue(day);
            robot.lookup("#admin-views-file").queryAs(TextField.class).setText(export.toString());
        });
        robot.clickOn("#admin-views-export");
        untilText("#admin-banner .label", t -> t.startsWith("1 consultation(s) exportée(s)"));
        List<String> lines = Files.readAllLines(export, StandardCharsets.UTF_8);
        assertThat(lines.get(0)).isEqualTo("\uFEFFdate;utilisateur;rpps;patient;ipp;document;source");
        assertThat(lines).hasSize(2);
        assertThat(lines.get(1)).startsWith("02/03/2026 ").contains("(" + f.secretary.login() + ")",
                ";MARTIN ANNE;" + f.qualified.ipp() + ";IRM du genou droit;DMP / Mon espace santé");
        assertThat(f.core.audit.latest(5)).extracting(e -> e.action()).contains("DOCUMENT_VIEWS_EXPORTED");
    }
}
