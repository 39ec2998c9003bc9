package fr.opaline.ui.agenda;

import fr.opaline.core.catalogue.ExamType;
import fr.opaline.core.catalogue.Modality;
import fr.opaline.core.catalogue.Room;
import fr.opaline.core.common.Actor;
import fr.opaline.core.scheduling.AgendaEntry;
import fr.opaline.ui.concurrent.Background;
import fr.opaline.ui.concurrent.UserErrors;
import fr.opaline.ui.i18n.Messages;
import fr.opaline.ui.patient.PatientNames;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The agenda: a day (one column per room, optionally of one modality) or a week (one column per
 * day, Monday to Saturday, for one room). Moves, arrivals and cancellations go to core's
 * booking service off the FX thread; a refused move (slot taken, wrong modality) is explained
 * in {@link #errorProperty()} and the agenda is read again.
 */
public final class AgendaViewModel {

    public enum Mode { DAY, WEEK }

    private static final int WEEK_DAYS = 6;

    private final AgendaGateway gateway;
    private final Background background;
    private final Messages messages;
    private final Supplier<Actor> actor;
    private final Clock clock;
    private final ZoneId zone;

    private final ObjectProperty<LocalDate> date = new SimpleObjectProperty<>();
    private final ObjectProperty<Mode> mode = new SimpleObjectProperty<>(Mode.DAY);
    private final ObjectProperty<Modality> modality = new SimpleObjectProperty<>();
    private final ObjectProperty<Room> weekRoom = new SimpleObjectProperty<>();
    private final ReadOnlyObjectWrapper<Catalogue> catalogue = new ReadOnlyObjectWrapper<>(Catalogue.EMPTY);
    private final ObservableList<AgendaColumn> columns = FXCollections.observableArrayList();
    private final ObservableList<AgendaItem> items = FXCollections.observableArrayList();
    private final ObjectProperty<AgendaItem> selected = new SimpleObjectProperty<>();
    private final StringProperty title = new SimpleStringProperty("");
    private final StringProperty error = new SimpleStringProperty("");
    private final StringProperty info = new SimpleStringProperty("");
    private final BooleanProperty loading = new SimpleBooleanProperty();
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private long generation;

    public AgendaViewModel(AgendaGateway gateway, Background background, Messages messages, Supplier<Actor> actor,
                           Clock clock) {
        this.gateway = gateway;
        this.background = background;
        this.messages = messages;
        this.actor = actor;
        this.clock = clock;
        this.zone = clock.getZone();
        date.set(LocalDate.now(clock));
        date.addListener((o, was, now) -> reload());
        mode.addListener((o, was, now) -> reload());
        modality.addListener((o, was, now) -> reload());
        weekRoom.addListener((o, was, now) -> reload());
    }

    public ObjectProperty<LocalDate> dateProperty() {
        return date;
    }

    public ObjectProperty<Mode> modeProperty() {
        return mode;
    }

    /** Day view filter; null shows every room. */
    public ObjectProperty<Modality> modalityProperty() {
        return modality;
    }

    public ObjectProperty<Room> weekRoomProperty() {
        return weekRoom;
    }

    public ReadOnlyObjectProperty<Catalogue> catalogueProperty() {
        return catalogue.getReadOnlyProperty();
    }

    public ObservableList<AgendaColumn> columns() {
        return columns;
    }

    public ObservableList<AgendaItem> items() {
        return items;
    }

    public ObjectProperty<AgendaItem> selectedProperty() {
        return selected;
    }

    public StringProperty titleProperty() {
        return title;
    }

    public StringProperty errorProperty() {
        return error;
    }

    public StringProperty infoProperty() {
        return info;
    }

    public BooleanProperty loadingProperty() {
        return loading;
    }

    /** An action (move, arrival, cancellation) is on its way to the database. */
    public BooleanProperty busyProperty() {
        return busy;
    }

    public ZoneId zone() {
        return zone;
    }

    /** Reads the catalogue, then the agenda. */
    public void start() {
        loading.set(true);
        background.run(messages.get("agenda.task.catalogue"), progress -> gateway.catalogue(), read -> {
            catalogue.set(read);
            if (weekRoom.get() == null && !read.rooms().isEmpty()) {
                weekRoom.set(read.rooms().get(0));
            } else {
                reload();
            }
        }, failure -> {
            loading.set(false);
            error.set(UserErrors.describe(failure, messages));
        });
    }

    public void previous() {
        date.set(date.get().minusDays(mode.get() == Mode.DAY ? 1 : 7));
    }

    public void next() {
        date.set(date.get().plusDays(mode.get() == Mode.DAY ? 1 : 7));
    }

    public void today() {
        date.set(LocalDate.now(clock));
    }

    /** Shows the week of one room (from the day view's column header, for instance). */
    public void showWeekOf(Room room) {
        weekRoom.set(room);
        mode.set(Mode.WEEK);
    }

    /** Computes the columns for the current mode and reads their appointments. */
    public void reload() {
        List<AgendaColumn> wanted = computeColumns();
        if (!wanted.equals(columns)) {
            columns.setAll(wanted);
        }
        title.set(mode.get() == Mode.DAY ? messages.longDate(date.get())
                : messages.format("agenda.weekTitle", messages.date(weekStart()),
                messages.date(weekStart().plusDays(WEEK_DAYS - 1L)),
                weekRoom.get() == null ? "" : weekRoom.get().name()));
        refresh();
    }

    List<AgendaColumn> computeColumns() {
        List<AgendaColumn> result = new ArrayList<>();
        if (mode.get() == Mode.DAY) {
            for (Room room : catalogue.get().rooms()) {
                if (modality.get() == null || room.modality() == modality.get()) {
                    result.add(new AgendaColumn(room, date.get()));
                }
            }
        } else if (weekRoom.get() != null) {
            LocalDate monday = weekStart();
            for (int d = 0; d < WEEK_DAYS; d++) {
                result.add(new AgendaColumn(weekRoom.get(), monday.plusDays(d)));
            }
        }
        return result;
    }

    LocalDate weekStart() {
        return date.get().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    /** Reads the appointments of the visible columns again. */
    public void refresh() {
        List<AgendaColumn> visible = List.copyOf(columns);
        long mine = ++generation;
        if (visible.isEmpty()) {
            items.clear();
            loading.set(false);
            return;
        }
        List<UUID> roomIds = visible.stream().map(c -> c.room().id()).distinct().toList();
        LocalDate first = visible.stream().map(AgendaColumn::date).min(LocalDate::compareTo).orElseThrow();
        LocalDate last = visible.stream().map(AgendaColumn::date).max(LocalDate::compareTo).orElseThrow();
        Instant from = first.atStartOfDay(zone).toInstant();
        Instant to = last.plusDays(1).atStartOfDay(zone).toInstant();
        Catalogue known = catalogue.get();
        loading.set(true);
        background.run(messages.get("agenda.task.read"),
                progress -> place(gateway.agenda(roomIds, from, to), known, visible), placed -> {
                    if (mine != generation) {
                        return;
                    }
                    loading.set(false);
                    items.setAll(placed);
                    AgendaItem previouslySelected = selected.get();
                    selected.set(previouslySelected == null ? null : placed.stream()
                            .filter(i -> i.appointment().id().equals(previouslySelected.appointment().id()))
                            .findFirst().orElse(null));
                }, failure -> {
                    if (mine != generation) {
                        return;
                    }
                    loading.set(false);
                    error.set(UserErrors.describe(failure, messages));
                });
    }

    /** Places the entries read on the visible columns (on the worker thread). */
    private List<AgendaItem> place(List<AgendaEntry> entries, Catalogue known, List<AgendaColumn> visible) {
        Map<UUID, ExamType> exams = known.examsById();
        List<AgendaItem> placed = new ArrayList<>();
        for (AgendaEntry entry : entries) {
            Optional<Room> room = known.room(entry.appointment().roomId());
            ExamType exam = exams.get(entry.appointment().examTypeId());
            if (room.isPresent() && exam != null) {
                AgendaItem item = AgendaItem.of(entry, room.get(), exam, zone);
                if (visible.stream().anyMatch(item::isIn)) {
                    placed.add(item);
                }
            }
        }
        return placed;
    }

    /**
     * Why the item cannot go there, judged on what is on screen (the database has the last word):
     * another modality's room, or an overlap with a visible appointment.
     */
    public Optional<String> dropProblem(AgendaItem item, AgendaColumn column, LocalTime start) {
        if (column.room().modality() != item.exam().modality()) {
            return Optional.of(messages.format("agenda.drop.modality", item.exam().label(), column.room().name()));
        }
        LocalTime end = start.plusMinutes(item.minutes());
        if (end.isBefore(start)) {
            return Optional.of(messages.get("agenda.drop.midnight"));
        }
        return items.stream()
                .filter(other -> other != item && !other.appointment().id().equals(item.appointment().id()))
                .filter(other -> other.isIn(column))
                .filter(other -> other.startTime().isBefore(end) && start.isBefore(other.end().toLocalTime()))
                .findFirst()
                .map(other -> messages.format("agenda.drop.overlap", PatientNames.display(other.patient()),
                        messages.time(other.start()), messages.time(other.end())));
    }

    /** Moves an appointment (drag and drop); the worklist step follows in core. */
    public void move(AgendaItem item, AgendaColumn column, LocalTime start) {
        Instant newStart = column.date().atTime(start).atZone(zone).toInstant();
        if (newStart.equals(item.appointment().startsAt()) && column.room().id().equals(item.room().id())) {
            return;
        }
        UUID newRoom = column.room().id().equals(item.room().id()) ? null : column.room().id();
        act(messages.get("agenda.task.move"),
                () -> gateway.move(item.appointment().id(), newStart, newRoom, actor.get()),
                messages.format("agenda.moved", PatientNames.display(item.patient()), messages.longDateInText(column.date()),
                        messages.time(start), column.room().name()));
    }

    public void markArrived(AgendaItem item) {
        act(messages.get("agenda.task.arrival"), () -> gateway.markArrived(item.appointment().id(), actor.get()),
                messages.format("agenda.arrived", PatientNames.display(item.patient())));
    }

    public void cancel(AgendaItem item, String reason) {
        act(messages.get("agenda.task.cancel"), () -> gateway.cancel(item.appointment().id(), reason, actor.get()),
                messages.format("agenda.cancelled", PatientNames.display(item.patient()), messages.time(item.start())));
    }

    private void act(String description, Supplier<Object> action, String done) {
        error.set("");
        info.set("");
        busy.set(true);
        background.run(description, progress -> action.get(), result -> {
            busy.set(false);
            info.set(done);
            refresh();
        }, failure -> {
            busy.set(false);
            error.set(UserErrors.describe(failure, messages));
            refresh();
        });
    }

    /** Shows a booking just made: its day, and its room's modality if the filter hid it. */
    public void showBooked(Room room, LocalDate day, String message) {
        info.set(message);
        error.set("");
        if (modality.get() != null && modality.get() != room.modality()) {
            modality.set(null);
        }
        if (!day.equals(date.get())) {
            date.set(day);
        } else {
            refresh();
        }
    }
}
