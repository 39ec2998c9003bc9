package fr.opaline.ui.worklist;

import fr.opaline.core.catalogue.Modality;
import fr.opaline.core.common.Actor;
import fr.opaline.core.order.StepEntry;
import fr.opaline.core.order.StepStatus;
import fr.opaline.ui.concurrent.Background;
import fr.opaline.ui.concurrent.CoalescingRefresh;
import fr.opaline.ui.concurrent.ScreenStatus;
import fr.opaline.ui.i18n.Messages;
import fr.opaline.ui.patient.PatientNames;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import fr.opaline.core.order.ExamProgressService;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

/**
 * Today's scheduled procedure steps by modality with their status, as the modalities see them
 * on the DICOM worklist, and the technologist's marks: exam en cours, exam réalisé. Read again
 * periodically off the FX thread; a read still running is never doubled, and a refresh asked
 * during it is done after it.
 */
public final class WorklistMonitorViewModel {

    private final WorklistGateway gateway;
    private final Messages messages;
    private final Clock clock;
    private final Supplier<Actor> actor;
    private final ObservableBooleanValue performer;

    private final ObservableList<StepEntry> steps = FXCollections.observableArrayList();
    private final FilteredList<StepEntry> shown = new FilteredList<>(steps);
    private final ObservableList<ModalitySummary> summaries = FXCollections.observableArrayList();
    private final ObjectProperty<Modality> modality = new SimpleObjectProperty<>();
    private final ObjectProperty<LocalDateTime> refreshedAt = new SimpleObjectProperty<>();
    private final ObjectProperty<StepEntry> selected = new SimpleObjectProperty<>();
    private final ScreenStatus status;
    private final CoalescingRefresh<List<StepEntry>> reads;
    private final BooleanBinding canStart;
    private final BooleanBinding canComplete;

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
        this.messages = messages;
        this.clock = clock;
        this.actor = actor;
        this.performer = performer;
        this.status = new ScreenStatus(background, messages);
        this.reads = new CoalescingRefresh<>(background, messages.get("worklist.task"), () -> {
            LocalDate today = LocalDate.now(clock);
            return progress -> gateway.stepsOf(today);
        }, this::show, status::readFailed);
        modality.addListener((o, was, now) -> shown.setPredicate(now == null ? null : s -> s.step().modality() == now));
        ReadOnlyBooleanProperty busy = status.busyProperty();
        canStart = Bindings.createBooleanBinding(() -> performer.get() && !busy.get() && selected.get() != null
                && ExamProgressService.canStart(selected.get().step().status()), performer, busy, selected);
        canComplete = Bindings.createBooleanBinding(() -> performer.get() && !busy.get() && selected.get() != null
                && ExamProgressService.canComplete(selected.get().step().status()), performer, busy, selected);
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

    /** The step chosen in the table. */
    public ObjectProperty<StepEntry> selectedProperty() {
        return selected;
    }

    public StringProperty errorProperty() {
        return status.errorProperty();
    }

    public StringProperty infoProperty() {
        return status.infoProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return status.busyProperty();
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

    private void mark(Consumer<StepEntry> change, String task, String done) {
        StepEntry entry = selected.get();
        if (entry == null || status.busy()) {
            return;
        }
        // Signed in (the server names the user in the audit trail from its session).
        actor.get();
        status.act(messages.get(task), p -> {
            change.accept(entry);
            return entry;
        }, marked -> messages.format(done, PatientNames.display(marked.patient()), marked.step().description()),
                null, this::refresh);
    }

    /** Reads today's steps again; asked during a read, it reads once more after it. */
    public void refresh() {
        reads.request();
    }

    private void show(List<StepEntry> read) {
        status.readSucceeded();
        StepEntry chosen = selected.get();
        steps.setAll(read);
        if (chosen != null) {
            selected.set(read.stream().filter(s -> s.step().id().equals(chosen.step().id())).findFirst().orElse(null));
        }
        summaries.setAll(summarise(read));
        refreshedAt.set(LocalDateTime.now(clock));
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
        reads.start(period);
    }

    public void stop() {
        reads.stop();
    }
}
