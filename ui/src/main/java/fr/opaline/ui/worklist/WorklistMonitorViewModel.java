package fr.opaline.ui.worklist;

import fr.opaline.core.catalogue.Modality;
import fr.opaline.core.order.StepEntry;
import fr.opaline.core.order.StepStatus;
import fr.opaline.ui.concurrent.Background;
import fr.opaline.ui.concurrent.CoalescingRefresh;
import fr.opaline.ui.concurrent.ScreenStatus;
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
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

/**
 * Today's scheduled procedure steps by modality with their status, as the modalities see them
 * on the DICOM worklist. Read again periodically off the FX thread; a read still running is
 * never doubled, and a refresh asked during it is done after it.
 */
public final class WorklistMonitorViewModel {

    private final Clock clock;

    private final ObservableList<StepEntry> steps = FXCollections.observableArrayList();
    private final FilteredList<StepEntry> shown = new FilteredList<>(steps);
    private final ObservableList<ModalitySummary> summaries = FXCollections.observableArrayList();
    private final ObjectProperty<Modality> modality = new SimpleObjectProperty<>();
    private final ObjectProperty<LocalDateTime> refreshedAt = new SimpleObjectProperty<>();
    private final ScreenStatus status;
    private final CoalescingRefresh<List<StepEntry>> reads;

    public WorklistMonitorViewModel(WorklistGateway gateway, Background background, Messages messages, Clock clock) {
        this.clock = clock;
        this.status = new ScreenStatus(background, messages);
        this.reads = new CoalescingRefresh<>(background, messages.get("worklist.task"), () -> {
            LocalDate today = LocalDate.now(clock);
            return progress -> gateway.stepsOf(today);
        }, this::show, status::readFailed);
        modality.addListener((o, was, now) -> shown.setPredicate(now == null ? null : s -> s.step().modality() == now));
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
        return status.errorProperty();
    }

    /** Reads today's steps again; asked during a read, it reads once more after it. */
    public void refresh() {
        reads.request();
    }

    private void show(List<StepEntry> read) {
        status.readSucceeded();
        steps.setAll(read);
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
