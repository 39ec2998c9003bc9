package fr.opaline.ui.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import fr.opaline.core.outbox.JobState;
import fr.opaline.ui.outbox.QueuedJob;
import fr.opaline.ui.testing.DesktopFixture;
import fr.opaline.ui.testing.OutboxJobs;
import java.time.Duration;
import java.util.UUID;
import javafx.scene.Node;
import javafx.scene.control.TableView;
import org.junit.jupiter.api.Test;

/**
 * Issue 9 journey: the feeding queue ("File d'envoi") shows the outbox's jobs; the secretary
 * resends a failed DRIMbox send, holds a DMP feed during its deferral and cancels another after
 * confirming. Every action reaches the real outbox (H2) in the background.
 */
class FeedingQueueJourneyTest extends DesktopJourney {

    private UUID failedDrimbox;
    private UUID deferredFeed;
    private UUID otherFeed;

    @Override
    protected void prepare(DesktopFixture fixture) {
        OutboxJobs jobs = new OutboxJobs(fixture.core.outbox, fixture.actor);
        failedDrimbox = jobs.failed("drimbox-send", fixture.qualified, "CR scanner thoracique",
                "DRIMbox injoignable : connexion refusée");
        deferredFeed = jobs.pending("dmp-feed", fixture.qualified, "CR scanner thoracique", Duration.ofMinutes(10));
        otherFeed = jobs.pending("dmp-feed", fixture.retrieved, "CR échographie abdominale", Duration.ofMinutes(10));
    }

    @Test
    void aFailedSendIsResentAPendingOneHeldAnotherCancelledAfterConfirmation() throws Exception {
        robot.clickOn("#nav-queue");
        @SuppressWarnings("unchecked")
        TableView<QueuedJob> table = robot.lookup("#queue-table").queryAs(TableView.class);
        until(() -> table.getItems().size() == 3);
        assertThat(text("#queue-count-FAILED")).isEqualTo("1 en échec");
        assertThat(text("#queue-count-PENDING")).isEqualTo("2 en attente");

        robot.clickOn("DRIMbox injoignable : connexion refusée");
        robot.clickOn("#queue-send-now");
        until(() -> state(table, failedDrimbox) == JobState.PENDING);
        assertThat(f.core.outbox.find(failedDrimbox).orElseThrow().attempts()).isZero();
        until(() -> text("#queue .banner .label").equals("Envoi relancé : Envoi à la DRIMbox — MARTIN Anne."));

        robot.clickOn("CR échographie abdominale");
        robot.clickOn("#queue-hold");
        until(() -> state(table, otherFeed) == JobState.HELD);
        assertThat(f.core.outbox.find(otherFeed).orElseThrow().state()).isEqualTo(JobState.HELD);

        robot.clickOn("#queue-count-PENDING");
        until(() -> table.getItems().size() == 2
                && robot.lookup("#queue-state").queryComboBox().getValue() == JobState.PENDING);
        robot.clickOn("Alimentation du DMP");
        until(() -> app.mainWindow().queue().selectedProperty().get() != null
                && app.mainWindow().queue().selectedProperty().get().job().id().equals(deferredFeed));
        robot.clickOn("#queue-cancel");
        until(() -> robot.lookup("#queue-confirmation").queryAs(Node.class).isVisible());
        assertThat(text("#queue-confirmation .label")).contains("Alimentation du DMP — MARTIN Anne");
        robot.clickOn("#queue-cancel-confirm");
        until(() -> f.core.outbox.find(deferredFeed).orElseThrow().state() == JobState.CANCELLED);
        until(() -> table.getItems().stream().noneMatch(j -> j.job().id().equals(deferredFeed)));
        assertThat(f.core.audit.latest(5)).extracting(e -> e.action()).contains("JOB_CANCELLED", "JOB_HELD",
                "JOB_RETRIED");
    }

    private static JobState state(TableView<QueuedJob> table, UUID id) {
        return table.getItems().stream().filter(j -> j.job().id().equals(id)).map(QueuedJob::state).findFirst()
                .orElse(null);
    }
}
