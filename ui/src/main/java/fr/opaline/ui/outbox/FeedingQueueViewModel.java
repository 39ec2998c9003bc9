package fr.opaline.ui.outbox;

import fr.opaline.core.common.Actor;
import fr.opaline.core.outbox.JobState;
import fr.opaline.ui.concurrent.Background;
import fr.opaline.ui.concurrent.UserErrors;
import fr.opaline.ui.i18n.Messages;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
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
    private final Background background;
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
    private final StringProperty error = new SimpleStringProperty("");
    private final StringProperty info = new SimpleStringProperty("");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private final AtomicBoolean reading = new AtomicBoolean();
    private final AtomicBoolean readAgain = new AtomicBoolean();
    private ScheduledFuture<?> periodic;
    /** The error shown comes from a read (a later read clears it), not from an action (the user reads it). */
    private boolean readFailed;

    public FeedingQueueViewModel(FeedingQueueGateway gateway, Background background, Messages messages,
                                 Supplier<Actor> actor, Clock clock) {
        this.gateway = gateway;
        this.background = background;
        this.messages = messages;
        this.actor = actor;
        this.clock = clock;
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
        return error;
    }

    public StringProperty infoProperty() {
        return info;
    }

    /** An action is being done: the action buttons wait. */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public void refresh() {
        if (!reading.compareAndSet(false, true)) {
            readAgain.set(true);
            return;
        }
        JobState only = state.get();
        background.run(messages.get("queue.task.read"), progress -> new Read(
                gateway.jobs(only == null ? Set.of() : Set.of(only), LIMIT), gateway.counts()), read -> {
                    reading.set(false);
                    if (readAgain.getAndSet(false) || only != state.get()) {
                        refresh();
                        return;
                    }
                    if (readFailed) {
                        readFailed = false;
                        error.set("");
                    }
                    show(read);
                }, failure -> {
                    reading.set(false);
                    readAgain.set(false);
                    readFailed = true;
                    error.set(UserErrors.describe(failure, messages));
                });
    }

    private void show(Read read) {
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
        if (!allows(action, job) || busy.get()) {
            return;
        }
        Actor who = actor.get();
        busy.set(true);
        readFailed = false;
        error.set("");
        info.set("");
        String what = describe(job);
        background.run(messages.get("queue.task." + action.name()), progress -> {
            switch (action) {
                case HOLD -> gateway.hold(job.job().id(), who);
                case RESUME -> gateway.resume(job.job().id(), who);
                case CANCEL -> gateway.cancel(job.job().id(), who);
                case SEND_NOW -> gateway.sendNow(job, who);
            }
            return action;
        }, done -> {
            busy.set(false);
            info.set(messages.format("queue.done." + action.name(), what));
            refresh();
        }, failure -> {
            busy.set(false);
            error.set(UserErrors.describe(failure, messages));
            refresh();
        });
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
        stop();
        refresh();
        periodic = background.every(period, () -> background.onUi(this::refresh));
    }

    public void stop() {
        if (periodic != null) {
            periodic.cancel(false);
            periodic = null;
        }
    }

    private record Read(java.util.List<QueuedJob> jobs, Map<JobState, Integer> counts) {
    }
}
