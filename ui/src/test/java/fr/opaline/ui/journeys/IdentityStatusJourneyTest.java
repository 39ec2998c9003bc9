package fr.opaline.ui.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import fr.opaline.core.document.ClinicalDocument;
import fr.opaline.core.document.DocumentRepository;
import fr.opaline.core.document.DocumentStatus;
import fr.opaline.core.document.Provenance;
import fr.opaline.ui.testing.DesktopFixture;
import fr.opaline.ui.widgets.IdentityBadge;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import org.junit.jupiter.api.Test;

/**
 * Issue 9 journey: open a record and read the identity status without a click (REQUIREMENTS §1),
 * with the tooltip saying how to reach "qualifiée", and the record's documents with their
 * provenance.
 */
class IdentityStatusJourneyTest extends DesktopJourney {

    @Override
    protected void prepare(DesktopFixture fixture) {
        fixture.db.database().inTransactionRun(ctx -> new DocumentRepository(ctx).insertIfAbsent(new ClinicalDocument(
                UUID.randomUUID(), fixture.retrieved.id(), "1.2.250.1.999.1.1", "1.2.250.1.999.1", 1, "18748-4",
                "CR d’échographie abdominale", Instant.parse("2026-01-12T09:00:00Z"), "Dr Claire Lambert", "99700000000",
                Provenance.DMP, DocumentStatus.CURRENT, false, false, "text/xml",
                "<ClinicalDocument/>".getBytes(StandardCharsets.UTF_8), null, Instant.parse("2026-01-12T10:00:00Z"))));
    }

    @Test
    void theRecordShowsTheStatusItsAttributesAndHowToQualify() throws Exception {
        robot.clickOn("#nav-patients");
        robot.clickOn("#search-name").write("lef");
        until(() -> text("#search-status").equals("1 patient trouvé"));
        until(() -> robot.from(robot.lookup("#search-results").queryAs(Node.class)).lookup(".identity-status")
                .tryQuery().map(n -> ((Label) n).getText().equals("Identité récupérée")).orElse(false));
        robot.doubleClickOn("LEFEVRE");

        until(() -> robot.lookup("#record-name").tryQuery().isPresent());
        assertThat(text("#record-name")).isEqualTo("LEFEVRE Chloe");
        IdentityBadge badge = robot.lookup("#record-identity-badge").queryAs(IdentityBadge.class);
        Label status = robot.from(badge).lookup(".identity-status").queryAs(Label.class);
        assertThat(status.getText()).isEqualTo("Identité récupérée");
        assertThat(status.isVisible()).isTrue();
        assertThat(robot.from(badge).lookup(".identity-attr").queryLabeled().getText()).isEqualTo("Homonyme");
        assertThat(text("#record-identity-hint")).contains("Pour atteindre « qualifiée »");

        robot.moveTo(status).moveBy(3, 1);
        until(() -> status.getProperties().get(IdentityBadge.TOOLTIP_KEY) instanceof Tooltip t && t.isShowing());
        Tooltip tooltip = (Tooltip) status.getProperties().get(IdentityBadge.TOOLTIP_KEY);
        assertThat(tooltip.getText()).startsWith("Identité récupérée : l’INS a été obtenue par le téléservice INSi")
                .contains("Pour atteindre « qualifiée » :")
                .contains("contrôler une pièce d’identité à haut niveau de confiance");

        robot.clickOn("Documents (1)");
        Node dmp = robot.lookup(".provenance-dmp").query();
        assertThat(dmp.isVisible()).isTrue();
        assertThat(dmp.getAccessibleText()).isEqualTo("DMP / Mon espace santé");
        assertThat(robot.lookup("CR d’échographie abdominale").tryQuery()).isPresent();
    }
}
