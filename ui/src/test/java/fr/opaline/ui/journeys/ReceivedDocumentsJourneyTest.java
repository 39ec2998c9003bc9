package fr.opaline.ui.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import fr.opaline.api.ReceivedDocument;
import fr.opaline.core.document.DocumentRepository;
import fr.opaline.mss.inbound.InboundDocument;
import fr.opaline.mss.inbound.MdnJob;
import fr.opaline.ui.testing.DesktopFixture;
import fr.opaline.ui.testing.ReceivedDocuments;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import javafx.scene.Node;
import javafx.scene.control.TableView;
import org.junit.jupiter.api.Test;

/**
 * Issue 23 journeys: documents received by MSSanté that match no patient wait in "Documents reçus";
 * the sidebar's badge counts them and a notice says when new ones arrive; the secretary attaches
 * one to the patient she finds, rejects another (its sender gets the negative MDN through the
 * outbox), and imports an IHE_XDM.zip from the workstation (a bad archive is refused in French,
 * nothing changed). Everything goes through the practice server's API.
 */
class ReceivedDocumentsJourneyTest extends DesktopJourney {

    private ReceivedDocuments received;

    @Override
    protected void prepare(DesktopFixture fixture) {
        received = new ReceivedDocuments(fixture);
    }

    @Override
    protected void warmUpJourney() throws Exception {
        robot.clickOn("#nav-inbox");
        until(() -> robot.lookup("#inbox-table").tryQuery().isPresent());
        robot.clickOn("#nav-agenda");
    }

    @SuppressWarnings("unchecked")
    private TableView<ReceivedDocument> table() {
        return robot.lookup("#inbox-table").queryAs(TableView.class);
    }

    @Test
    void aDocumentArrivesIsAnnouncedAndAttachedToThePatientFound() throws Exception {
        assertThat(robot.lookup("#nav-inbox-badge").queryAs(Node.class).isVisible()).isFalse();
        InboundDocument waiting = received.arrivesByMssante("CR IRM du genou");

        untilText("#inbox-toast", t -> t.startsWith("Nouveaux documents reçus : 1 en attente"));
        untilText("#nav-inbox-badge", "1"::equals);
        robot.clickOn("#inbox-toast");
        until(() -> robot.lookup("#inbox-table").tryQuery().isPresent() && table().getItems().size() == 1);
        assertThat(robot.lookup("#inbox-toast").queryAs(Node.class).isVisible()).isFalse();

        robot.clickOn(table().getItems().get(0).title());
        untilText("#inbox-search", "PAT-TROIS"::equals); // pre-filled with the name the CDA gives
        robot.interact(() -> robot.lookup("#inbox-search").queryTextInputControl().clear());
        typeInto("#inbox-search", "MART");
        robot.clickOn("#inbox-search-go");
        until(() -> robot.lookup("MARTIN Anne Claire, née le 06/05/1980").tryQuery().isPresent()
                || robot.lookup(n -> n instanceof javafx.scene.control.ListCell<?> c && c.getText() != null
                && c.getText().startsWith("MARTIN")).tryQuery().isPresent());
        robot.clickOn(robot.lookup(n -> n instanceof javafx.scene.control.ListCell<?> c && c.getText() != null
                && c.getText().startsWith("MARTIN")).queryAs(Node.class));
        robot.clickOn("#inbox-attach");

        untilText("#inbox-banner .label", t -> t.contains("rattaché au dossier de MARTIN"));
        until(() -> table().getItems().isEmpty());
        untilText("#nav-inbox-badge", "0"::equals);
        assertThat(robot.lookup("#nav-inbox-badge").queryAs(Node.class).isVisible()).isFalse();
        assertThat(new DocumentRepository(f.db.database().dsl()).listForPatient(f.qualified.id()))
                .extracting(d -> d.documentUid()).contains(waiting.documentUid());
    }

    @Test
    void aDocumentIsRejectedWithAReasonAndItsSenderGetsTheMdn() throws Exception {
        InboundDocument waiting = received.arrivesByMssante("CR pour un autre cabinet");
        untilText("#nav-inbox-badge", "1"::equals);
        robot.clickOn("#nav-inbox");
        until(() -> table().getItems().size() == 1);
        robot.clickOn(table().getItems().get(0).title());
        robot.clickOn("#inbox-reject");
        untilText("#inbox-banner .label", t -> t.startsWith("Indiquez le motif du rejet"));
        assertThat(f.core.outbox.list(Set.of(MdnJob.TYPE), Set.of(), null, 10)).isEmpty();

        typeInto("#inbox-reason", "Patient inconnu du cabinet");
        robot.clickOn("#inbox-reject");
        untilText("#inbox-banner .label", t -> t.contains("rejeté ; l’expéditeur en sera averti"));
        until(() -> table().getItems().isEmpty());
        assertThat(f.core.outbox.list(Set.of(MdnJob.TYPE), Set.of(), null, 10)).singleElement()
                .satisfies(job -> {
                    MdnJob mdn = MdnJob.parse(job.payload());
                    assertThat(mdn.document()).isEqualTo(waiting.id());
                    assertThat(mdn.reason()).contains("Patient inconnu du cabinet");
                });
    }

    @Test
    void anArchiveIsImportedFromTheWorkstationAndABadOneChangesNothing() throws Exception {
        Path good = Files.createTempFile("IHE_XDM", ".zip");
        Path bad = Files.createTempFile("pas-un-zip", ".zip");
        try {
            Files.write(good, received.xdm());
            Files.writeString(bad, "ceci n’est pas une archive");
            robot.clickOn("#nav-inbox");
            until(() -> robot.lookup("#inbox-table").tryQuery().isPresent());

            robot.interact(() -> app.mainWindow().inboxScreen().useChooser(owner -> bad));
            robot.clickOn("#inbox-import");
            untilText("#inbox-banner .label", t -> t.startsWith("Archive refusée, rien n’a été importé")
                    || t.startsWith("Archive refusée, rien n'a été importé"));
            assertThat(table().getItems()).isEmpty();
            assertThat(received.integration.waitingCount()).isZero();

            robot.interact(() -> app.mainWindow().inboxScreen().useChooser(owner -> good));
            robot.clickOn("#inbox-import");
            untilText("#inbox-banner .label", t -> t.startsWith("1 document(s) importé(s) : 1 à rapprocher"));
            until(() -> table().getItems().size() == 1);
            untilText("#nav-inbox-badge", "1"::equals);
            assertThat(table().getItems().get(0).source()).isEqualTo(InboundDocument.SOURCE_MANUAL);
        } finally {
            Files.deleteIfExists(good);
            Files.deleteIfExists(bad);
        }
    }
}
