package fr.opaline.ui.outbox;

import fr.opaline.core.common.Actor;
import fr.opaline.core.outbox.JobState;
import fr.opaline.ui.concurrent.Background;
import fr.opaline.ui.concurrent.CoalescingRefresh;
import fr.opaline.ui.concurrent.ScreenStatus;
import fr.opaline.ui.i18n.Messages;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableMap;
import javafx.collections.transformation.FilteredList;

/**
 * The feeding queue ("File d'envoi"): every job of the durable outbox (DMP, DRIMbox, MSSanté,
 * HL7, INSi) with its state, filtered by state (in the query) and destination; hold, resume,
 * cancel and send now, each in the background and audited by core. Read again periodically; a
 * read still running is never doubled, and a read started before an action is read again after it.
 */
public final class FeedingQueueViewModel {

    /** Most jobs shown: the newest ones of the chosen state. */
    public static final int LIMIT = 500;

    public enum Action { HOLD, RESUME, CANCEL, SEND_NOW }

    private final FeedingQueueGateway gateway;
    private final Messages messages;
    private final Supplier<Actor> actor;
    private final Clock clock;

    private final ObservableList<QueuedJob> jobs = FXCollections.observableArrayList();
    private final FilteredList<QueuedJob> shown = new FilteredList<>(jobs);
    private final ObservableMap<JobState, Integer> counts = FXCollections.observableMap(new EnumMap<>(JobState.class));
    private final ObjectProperty<JobState> state = new SimpleObjectProperty<>();
    private final ObjectProperty<Destination> destination = new SimpleObjectProperty<>();
    private final ObjectProperty<QueuedJob> selected = new SimpleObjectProperty<>();
    private final ObjectProperty<LocalDateTime> refreshedAt = new SimpleObjectProperty<>();
    private final ScreenStatus status;
    private final CoalescingRefresh<Read> reads;

    public FeedingQueueViewModel(FeedingQueueGateway gateway, Background background, Messages messages,
                                 Supplier<Actor> actor, Clock clock) {
        this.gateway = gateway;
        this.messages = messages;
        this.actor = actor;
        this.clock = clock;
        this.status = new ScreenStatus(background, messages);
        this.reads = new CoalescingRefresh<>(background, messages.get("queue.task.read"), () -> {
            JobState only = state.get();
            return progress -> new Read(gateway.jobs(only == null ? Set.of() : Set.of(only), LIMIT), gateway.counts());
        }, this::show, status::readFailed);
        state.addListener((o, was, now) -> refresh());
        destination.addListener((o, was, now) -> shown.setPredicate(now == null ? null : j -> j.destination() == now));
    }

    /** The jobs shown (state and destination filters applied), newest first. */
    public ObservableList<QueuedJob> jobs() {
        return shown;
    }

    /** Jobs per state in the whole outbox. */
    public ObservableMap<JobState, Integer> counts() {
        return counts;
    }

    /** Only the jobs in this state; null: all. */
    public ObjectProperty<JobState> stateProperty() {
        return state;
    }

    /** Only the jobs to this destination; null: all. */
    public ObjectProperty<Destination> destinationProperty() {
        return destination;
    }

    public ObjectProperty<QueuedJob> selectedProperty() {
        return selected;
    }

    public ObjectProperty<LocalDateTime> refreshedAtProperty() {
        return refreshedAt;
    }

    public StringProperty errorProperty() {
        return status.errorProperty();
    }

    public StringProperty infoProperty() {
        return status.infoProperty();
    }

    /** An action is being done: the action buttons wait. */
    public ReadOnlyBooleanProperty busyProperty() {
        return status.busyProperty();
    }

    /** Reads the queue again; asked during a read (a filter changed, an action done), it reads once more after it. */
    public void refresh() {
        reads.request();
    }

    private void show(Read read) {
        status.readSucceeded();
        QueuedJob was = selected.get();
        if (!jobs.equals(read.jobs())) {
            jobs.setAll(read.jobs());
        }
        if (!counts.equals(read.counts())) {
            counts.clear();
            counts.putAll(read.counts());
        }
        refreshedAt.set(LocalDateTime.now(clock));
        selected.set(was == null ? null : jobs.stream().filter(j -> j.job().id().equals(was.job().id())).findFirst()
                .orElse(null));
    }

    public boolean allows(Action action, QueuedJob job) {
        if (job == null) {
            return false;
        }
        return switch (action) {
            case HOLD -> job.canHold();
            case RESUME -> job.canResume();
            case CANCEL -> job.canCancel();
            case SEND_NOW -> job.canSendNow();
        };
    }

    /** Does {@code action} on {@code job} in the background, then reads the queue again. */
    public void perform(Action action, QueuedJob job) {
        if (!allows(action, job) || status.busy()) {
            return;
        }
        Actor who = actor.get();
        String what = describe(job);
        status.act(messages.get("queue.task." + action.name()), progress -> {
            switch (action) {
                case HOLD -> gateway.hold(job.job().id(), who);
                case RESUME -> gateway.resume(job.job().id(), who);
                case CANCEL -> gateway.cancel(job.job().id(), who);
                case SEND_NOW -> gateway.sendNow(job, who);
            }
            return action;
        }, done -> messages.format("queue.done." + action.name(), what), null, this::refresh);
    }

    /** The job's type and patient (or subject) as a user names it. */
    public String describe(QueuedJob job) {
        String type = typeLabel(job.job().type());
        String about = job.patientName() != null ? job.patientName() : job.job().subject();
        return about == null || about.isBlank() ? type : type + " — " + about;
    }

    public String typeLabel(String jobType) {
        return messages.find("queue.type." + jobType).orElse(jobType);
    }

    /** Reads again now and then every period, until {@link #stop()}. */
    public void start(Duration period) {
        reads.start(period);
    }

    public void stop() {
        reads.stop();
    }

    private record Read(java.util.List<QueuedJob> jobs, Map<JobState, Integer> counts) {
    }
}
