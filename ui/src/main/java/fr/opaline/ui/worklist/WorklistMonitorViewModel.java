package fr.opaline.ui.worklist;

import fr.opaline.core.catalogue.Modality;
import fr.opaline.core.order.StepEntry;
import fr.opaline.core.order.StepStatus;
import fr.opaline.ui.concurrent.Background;
import fr.opaline.ui.concurrent.UserErrors;
import fr.opaline.ui.i18n.Messages;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import fr.opaline.core.common.Actor;
import fr.opaline.core.order.ExamProgressService;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

/**
 * Today's scheduled procedure steps by modality with their status, as the modalities see them
 * on the DICOM worklist. Read again periodically off the FX thread; a read still running is
 * never doubled.
 */
public final class WorklistMonitorViewModel {

    private final WorklistGateway gateway;
    private final Background background;
    private final Messages messages;
    private final Clock clock;

    private final ObservableList<StepEntry> steps = FXCollections.observableArrayList();
    private final FilteredList<StepEntry> shown = new FilteredList<>(steps);
    private final ObservableList<ModalitySummary> summaries = FXCollections.observableArrayList();
    private final ObjectProperty<Modality> modality = new SimpleObjectProperty<>();
    private final ObjectProperty<LocalDateTime> refreshedAt = new SimpleObjectProperty<>();
    private final StringProperty error = new SimpleStringProperty("");
    private final StringProperty info = new SimpleStringProperty("");
    private final ObjectProperty<StepEntry> selected = new SimpleObjectProperty<>();
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final AtomicBoolean reading = new AtomicBoolean();
    private final Supplier<Actor> actor;
    private final ObservableBooleanValue performer;
    private final BooleanBinding canStart;
    private final BooleanBinding canComplete;
    private ScheduledFuture<?> periodic;

    /** A read-only monitor (nobody signed in can mark an exam). */
    public WorklistMonitorViewModel(WorklistGateway gateway, Background background, Messages messages, Clock clock) {
        this(gateway, background, messages, clock, () -> {
            throw new IllegalStateException("Aucune session ouverte");
        }, new SimpleBooleanProperty(false));
    }

    /**
     * @param performer whether the signed-in user is a technologist or a radiologist, who mark an
     *                  exam en cours and réalisé (core checks it again)
     */
    public WorklistMonitorViewModel(WorklistGateway gateway, Background background, Messages messages, Clock clock,
                                    Supplier<Actor> actor, ObservableBooleanValue performer) {
        this.gateway = gateway;
        this.background = background;
        this.messages = messages;
        this.clock = clock;
        this.actor = actor;
        this.performer = performer;
        modality.addListener((o, was, now) -> shown.setPredicate(now == null ? null : s -> s.step().modality() == now));
        canStart = Bindings.createBooleanBinding(() -> performer.get() && !busy.get() && selected.get() != null
                && ExamProgressService.canStart(selected.get().step().status()), performer, busy, selected);
        canComplete = Bindings.createBooleanBinding(() -> performer.get() && !busy.get() && selected.get() != null
                && ExamProgressService.canComplete(selected.get().step().status()), performer, busy, selected);
    }

    /** The step chosen in the table. */
    public ObjectProperty<StepEntry> selectedProperty() {
        return selected;
    }

    public StringProperty infoProperty() {
        return info;
    }

    public BooleanProperty busyProperty() {
        return busy;
    }

    /** The signed-in user may mark exams (technologist or radiologist). */
    public ObservableBooleanValue performerProperty() {
        return performer;
    }

    public BooleanBinding canStartBinding() {
        return canStart;
    }

    public BooleanBinding canCompleteBinding() {
        return canComplete;
    }

    /** Marks the selected exam en cours (the acquisition starts). */
    public void start() {
        mark(gateway::start, "worklist.task.start", "worklist.started");
    }

    /** Marks the selected exam réalisé: its report can then be validated. */
    public void complete() {
        mark(gateway::complete, "worklist.task.complete", "worklist.completed");
    }

    private void mark(java.util.function.BiConsumer<StepEntry, Actor> change, String task, String done) {
        StepEntry entry = selected.get();
        if (entry == null || busy.get()) {
            return;
        }
        Actor who = actor.get();
        busy.set(true);
        error.set("");
        info.set("");
        background.run(messages.get(task), p -> {
            change.accept(entry, who);
            return entry;
        }, marked -> {
            busy.set(false);
            info.set(messages.format(done, fr.opaline.ui.patient.PatientNames.display(marked.patient()),
                    marked.step().description()));
            refresh();
        }, failure -> {
            busy.set(false);
            error.set(UserErrors.describe(failure, messages));
        });
    }

    /** The steps shown (filtered by modality). */
    public ObservableList<StepEntry> steps() {
        return shown;
    }

    public ObservableList<ModalitySummary> summaries() {
        return summaries;
    }

    public ObjectProperty<Modality> modalityProperty() {
        return modality;
    }

    public ObjectProperty<LocalDateTime> refreshedAtProperty() {
        return refreshedAt;
    }

    public StringProperty errorProperty() {
        return error;
    }

    public void refresh() {
        if (!reading.compareAndSet(false, true)) {
            return;
        }
        LocalDate today = LocalDate.now(clock);
        background.run(messages.get("worklist.task"), progress -> gateway.stepsOf(today), read -> {
            reading.set(false);
            error.set("");
            StepEntry chosen = selected.get();
            if (!steps.equals(read)) {
                steps.setAll(read);
            }
            if (chosen != null) {
                selected.set(read.stream().filter(s -> s.step().id().equals(chosen.step().id())).findFirst()
                        .orElse(null));
            }
            summaries.setAll(summarise(read));
            refreshedAt.set(LocalDateTime.now(clock));
        }, failure -> {
            reading.set(false);
            error.set(UserErrors.describe(failure, messages));
        });
    }

    static List<ModalitySummary> summarise(List<StepEntry> read) {
        Map<Modality, Map<StepStatus, Integer>> counts = new TreeMap<>();
        for (StepEntry entry : read) {
            counts.computeIfAbsent(entry.step().modality(), m -> new EnumMap<>(StepStatus.class))
                    .merge(entry.step().status(), 1, Integer::sum);
        }
        List<ModalitySummary> result = new ArrayList<>();
        counts.forEach((m, c) -> result.add(new ModalitySummary(m, Map.copyOf(c))));
        return result;
    }

    /** Refreshes now and then every period, until {@link #stop()}. */
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
}
