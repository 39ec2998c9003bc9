package fr.opaline.ui.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import fr.opaline.core.audit.AuditAction;
import fr.opaline.core.outbox.JobState;
import fr.opaline.core.outbox.OutboxJob;
import fr.opaline.core.testing.TestDatabases;
import fr.opaline.ui.i18n.Messages;
import fr.opaline.ui.outbox.FeedingQueueViewModel.Action;
import fr.opaline.ui.testing.DesktopFixture;
import fr.opaline.ui.testing.Direct;
import fr.opaline.ui.testing.OutboxJobs;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The feeding queue over a real outbox (H2, and PostgreSQL when configured), through the practice server's API. */
class FeedingQueueViewModelTest {

    static java.util.stream.Stream<TestDatabases.Kind> databases() {
        return TestDatabases.kinds();
    }

    @ParameterizedTest
    @MethodSource("databases")
    void everyJobWithItsDestinationPatientStateAndLastErrorFilteredByStateAndDestination(TestDatabases.Kind kind)
            throws Exception {
        try (DesktopFixture f = new DesktopFixture(TestDatabases.create(kind))) {
            OutboxJobs jobs = new OutboxJobs(f.core.outbox, f.actor);
            UUID feed = jobs.pending("dmp-feed", f.qualified, "CR scanner thoracique", Duration.ofMinutes(10));
            UUID drimbox = jobs.failed("drimbox-send", f.qualified, "CR scanner thoracique",
                    "DRIMbox injoignable : connexion refusée");
            jobs.done("mss-send", f.retrieved, "CR échographie");
            FeedingQueueViewModel queue = model(f);

            queue.refresh();

            assertThat(queue.jobs()).extracting(j -> j.job().id()).hasSize(3).contains(feed, drimbox);
            QueuedJob failed = find(queue, drimbox);
            assertThat(failed.destination()).isEqualTo(Destination.DRIMBOX);
            assertThat(failed.patientName()).isEqualTo("MARTIN Anne");
            assertThat(failed.state()).isEqualTo(JobState.FAILED);
            assertThat(failed.job().attempts()).isEqualTo(1);
            assertThat(failed.job().lastError()).isEqualTo("DRIMbox injoignable : connexion refusée");
            assertThat(queue.describe(failed)).isEqualTo("Envoi à la DRIMbox — MARTIN Anne");
            assertThat(queue.counts()).containsEntry(JobState.PENDING, 1).containsEntry(JobState.FAILED, 1)
                    .containsEntry(JobState.DONE, 1);
            assertThat(find(queue, feed).job().dueAt()).isEqualTo(f.core.clock.instant().plus(Duration.ofMinutes(10)));

            queue.stateProperty().set(JobState.FAILED);
            assertThat(queue.jobs()).extracting(j -> j.job().id()).containsExactly(drimbox);
            queue.stateProperty().set(null);
            queue.destinationProperty().set(Destination.DMP);
            assertThat(queue.jobs()).extracting(j -> j.job().id()).containsExactly(feed);
            queue.destinationProperty().set(Destination.MSSANTE);
            assertThat(queue.jobs()).extracting(QueuedJob::state).containsExactly(JobState.DONE);
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void holdResumeSendNowAndCancelGoThroughTheOutboxAndItsAudit(TestDatabases.Kind kind) throws Exception {
        try (DesktopFixture f = new DesktopFixture(TestDatabases.create(kind))) {
            OutboxJobs jobs = new OutboxJobs(f.core.outbox, f.actor);
            UUID feed = jobs.pending("dmp-feed", f.qualified, "CR scanner thoracique", Duration.ofMinutes(10));
            UUID drimbox = jobs.failed("drimbox-send", f.qualified, "CR", "DRIMbox injoignable");
            FeedingQueueViewModel queue = model(f);
            queue.refresh();

            assertThat(queue.allows(Action.HOLD, find(queue, drimbox))).as("a failed job is not waiting").isFalse();
            queue.perform(Action.HOLD, find(queue, feed));
            assertThat(stored(f, feed).state()).isEqualTo(JobState.HELD);
            assertThat(find(queue, feed).state()).as("read again after the action").isEqualTo(JobState.HELD);
            assertThat(queue.infoProperty().get()).isEqualTo("Envoi suspendu : Alimentation du DMP — MARTIN Anne.");

            queue.perform(Action.RESUME, find(queue, feed));
            assertThat(stored(f, feed).state()).isEqualTo(JobState.PENDING);

            queue.perform(Action.SEND_NOW, find(queue, drimbox));
            OutboxJob resent = stored(f, drimbox);
            assertThat(resent.state()).isEqualTo(JobState.PENDING);
            assertThat(resent.attempts()).as("a fresh count of attempts").isZero();
            assertThat(resent.dueAt()).isEqualTo(f.core.clock.instant());

            queue.perform(Action.CANCEL, find(queue, feed));
            assertThat(stored(f, feed).state()).isEqualTo(JobState.CANCELLED);
            assertThat(queue.allows(Action.CANCEL, find(queue, feed))).isFalse();

            assertThat(f.core.audit.latest(10)).filteredOn(e -> e.actorLogin().equals("secretariat"))
                    .extracting(e -> e.action()).containsSubsequence(AuditAction.JOB_CANCELLED, AuditAction.JOB_RETRIED,
                            AuditAction.JOB_RESUMED, AuditAction.JOB_HELD);
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aRefusalOfCoreReachesTheUserAndTheQueueIsReadAgain(TestDatabases.Kind kind) throws Exception {
        try (DesktopFixture f = new DesktopFixture(TestDatabases.create(kind))) {
            UUID feed = new OutboxJobs(f.core.outbox, f.actor).pending("dmp-feed", f.qualified, "CR", Duration.ofMinutes(5));
            FeedingQueueViewModel queue = model(f);
            queue.refresh();
            QueuedJob shown = find(queue, feed);
            f.core.outbox.cancel(feed, f.actor);

            queue.perform(Action.HOLD, shown);

            assertThat(queue.errorProperty().get()).isEqualTo("Seul un envoi en attente peut être suspendu.");
            assertThat(find(queue, feed).state()).isEqualTo(JobState.CANCELLED);
            assertThat(queue.busyProperty().get()).isFalse();
        }
    }

    private static FeedingQueueViewModel model(DesktopFixture f) {
        // Through the fixture's practice server, the secretary signed in (the demonstration picker).
        f.api().api(fr.opaline.api.SessionApi.class).signInDemo(f.secretary.id());
        return new FeedingQueueViewModel(new FeedingQueueGateway(f.api()), Direct.background(),
                Messages.french(), () -> f.actor, f.core.clock);
    }

    private static QueuedJob find(FeedingQueueViewModel queue, UUID id) {
        return queue.jobs().stream().filter(j -> j.job().id().equals(id)).findFirst().orElseThrow();
    }

    private static OutboxJob stored(DesktopFixture f, UUID id) {
        return f.core.outbox.find(id).orElseThrow();
    }
}
