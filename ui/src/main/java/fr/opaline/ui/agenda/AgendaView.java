package fr.opaline.ui.agenda;

import fr.opaline.core.catalogue.Modality;
import fr.opaline.core.catalogue.Room;
import fr.opaline.core.patient.Patient;
import fr.opaline.core.scheduling.AppointmentStatus;
import fr.opaline.ui.i18n.DateInput;
import fr.opaline.ui.i18n.Messages;
import fr.opaline.ui.patient.PatientNames;
import fr.opaline.ui.widgets.Banner;
import fr.opaline.ui.widgets.Icon;
import fr.opaline.ui.widgets.IdentityBadge;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.Period;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceDialog;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.controlsfx.control.SegmentedButton;

/** The agenda screen: toolbar, time grid, and the selected appointment's card with its actions. */
public final class AgendaView extends BorderPane {

    /** What the agenda asks of the rest of the desktop. */
    public interface Navigator {
        /** Opens the booking dialog on a slot (any argument may be null) for a known patient or not. */
        void book(Room room, LocalDate day, LocalTime time, Patient patient);

        void openRecord(Patient patient);

        /** Opens the teleradiology dialog on the patient's exams; not offered when null-bodied. */
        default void teleradiology(Patient patient, java.util.UUID appointmentId) {
        }

        /** Whether the desktop can confide exams to teleradiology (it talks to a practice server). */
        default boolean teleradiologyOffered() {
            return false;
        }

        /** Prints (or saves as PDF) the appointment's convocation letter; not offered when false. */
        default boolean printingOffered() {
            return false;
        }

        default void printConvocation(Patient patient, java.util.UUID appointmentId) {
        }
    }

    private final AgendaViewModel model;
    private final Messages messages;
    private final Clock clock;
    private final Navigator navigator;
    private final AgendaGrid grid;
    private final VBox details = new VBox(10);
    private final HBox modalityBar = new HBox();
    private final ComboBox<Room> roomChoice = new ComboBox<>();

    public AgendaView(AgendaViewModel model, Messages messages, Clock clock, Navigator navigator) {
        this.model = model;
        this.messages = messages;
        this.clock = clock;
        this.navigator = navigator;
        getStyleClass().add("screen");
        setId("agenda");
        grid = new AgendaGrid(messages, clock, new AgendaGrid.Listener() {
            @Override
            public void selected(AgendaItem item) {
                model.selectedProperty().set(item);
            }

            @Override
            public void opened(AgendaItem item) {
                navigator.openRecord(item.patient());
            }

            @Override
            public void slotRequested(AgendaColumn column, LocalTime time) {
                navigator.book(column.room(), column.date(), time, null);
            }

            @Override
            public void moved(AgendaItem item, AgendaColumn column, LocalTime time) {
                model.move(item, column, time);
            }

            @Override
            public Optional<String> dropProblem(AgendaItem item, AgendaColumn column, LocalTime time) {
                return model.dropProblem(item, column, time);
            }

            @Override
            public void headerClicked(AgendaColumn column) {
                if (model.modeProperty().get() == AgendaViewModel.Mode.DAY) {
                    model.showWeekOf(column.room());
                } else {
                    model.dateProperty().set(column.date());
                    model.modeProperty().set(AgendaViewModel.Mode.DAY);
                }
            }
        });
        grid.setId("agenda-grid");

        Banner banner = new Banner();
        banner.setId("agenda-banner");
        banner.bind(model.errorProperty(), model.infoProperty());

        VBox top = new VBox(toolbar(), banner);
        top.getStyleClass().add("screen-top");
        setTop(top);

        details.getStyleClass().add("side-card");
        details.setId("agenda-details");
        details.setPrefWidth(262);
        details.setMinWidth(240);
        details.setMaxWidth(300);
        BorderPane.setMargin(details, new Insets(0, 0, 0, 12));
        BorderPane center = new BorderPane(grid);
        center.getStyleClass().add("card");
        setCenter(center);
        setRight(details);
        BorderPane.setMargin(center, new Insets(0));
        setPadding(new Insets(0, 16, 16, 16));

        model.items().addListener((ListChangeListener<AgendaItem>) c -> redraw());
        model.columns().addListener((ListChangeListener<AgendaColumn>) c -> redraw());
        model.selectedProperty().addListener((o, was, now) -> {
            grid.select(now);
            showDetails(now);
        });
        model.catalogueProperty().addListener((o, was, now) -> fillFilters());
        model.modeProperty().addListener((o, was, now) -> updateFilterVisibility());
        showDetails(null);
        updateFilterVisibility();
    }

    private void redraw() {
        grid.show(model.columns(), model.items(), model.selectedProperty().get());
    }

    private VBox toolbar() {
        Button previous = iconButton(Icon.PREVIOUS, messages.get("agenda.previous"));
        previous.setOnAction(e -> model.previous());
        Button next = iconButton(Icon.NEXT, messages.get("agenda.next"));
        next.setOnAction(e -> model.next());
        Button today = new Button(messages.get("agenda.today"));
        today.setOnAction(e -> model.today());
        DatePicker picker = new DatePicker();
        picker.setConverter(DateInput.dateConverter(messages, model.dateProperty()::get));
        picker.valueProperty().bindBidirectional(model.dateProperty());
        picker.setPrefWidth(130);
        picker.setId("agenda-date");
        Label title = new Label();
        title.textProperty().bind(model.titleProperty());
        title.getStyleClass().add("screen-title");
        title.setId("agenda-title");
        title.setMinWidth(Region.USE_PREF_SIZE);

        ToggleButton day = new ToggleButton(messages.get("agenda.mode.day"));
        ToggleButton week = new ToggleButton(messages.get("agenda.mode.week"));
        day.setId("agenda-mode-day");
        week.setId("agenda-mode-week");
        SegmentedButton modes = new SegmentedButton(day, week);
        day.setSelected(true);
        day.setOnAction(e -> {
            day.setSelected(true);
            model.modeProperty().set(AgendaViewModel.Mode.DAY);
        });
        week.setOnAction(e -> {
            week.setSelected(true);
            model.modeProperty().set(AgendaViewModel.Mode.WEEK);
        });
        model.modeProperty().addListener((o, was, now) -> (now == AgendaViewModel.Mode.DAY ? day : week).setSelected(true));

        roomChoice.setConverter(RoomNames.converter(messages));
        roomChoice.valueProperty().bindBidirectional(model.weekRoomProperty());
        roomChoice.setId("agenda-room");

        ProgressIndicator loading = new ProgressIndicator();
        loading.setPrefSize(18, 18);
        loading.visibleProperty().bind(model.loadingProperty().or(model.busyProperty()));

        Button refresh = iconButton(Icon.REFRESH, messages.get("agenda.refresh"));
        refresh.setOnAction(e -> model.refresh());

        Button book = new Button(messages.get("agenda.book"), Icon.PLUS.node(14));
        book.getStyleClass().add("primary");
        book.setId("agenda-book");
        book.setOnAction(e -> {
            AgendaItem selected = model.selectedProperty().get();
            Room room = model.modeProperty().get() == AgendaViewModel.Mode.WEEK ? model.weekRoomProperty().get()
                    : model.columns().isEmpty() ? null : model.columns().get(0).room();
            navigator.book(selected != null ? selected.room() : room, model.dateProperty().get(), null, null);
        });

        for (var button : List.of(previous, today, next, day, week, refresh, book)) {
            button.setMinWidth(Region.USE_PREF_SIZE);
        }
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox navigation = new HBox(6, previous, today, next, picker);
        navigation.setAlignment(Pos.CENTER_LEFT);
        HBox first = new HBox(14, navigation, title, spacer, loading, refresh, book);
        first.setAlignment(Pos.CENTER_LEFT);
        modalityBar.setAlignment(Pos.CENTER_LEFT);
        modalityBar.getStyleClass().add("modality-bar");
        Label show = new Label(messages.get("agenda.show"));
        show.getStyleClass().add("field-caption");
        HBox second = new HBox(10, modes, show, modalityBar, roomChoice);
        second.setAlignment(Pos.CENTER_LEFT);
        VBox rows = new VBox(10, first, second);
        rows.getStyleClass().add("toolbar");
        return rows;
    }

    private void fillFilters() {
        List<Modality> modalities = model.catalogueProperty().get().modalities();
        ToggleGroup group = new ToggleGroup();
        ToggleButton all = new ToggleButton(messages.get("agenda.allModalities"));
        all.setToggleGroup(group);
        all.setSelected(model.modalityProperty().get() == null);
        all.setOnAction(e -> model.modalityProperty().set(null));
        all.setId("modality-all");
        all.setMinWidth(Region.USE_PREF_SIZE);
        SegmentedButton buttons = new SegmentedButton(all);
        for (Modality modality : modalities) {
            ToggleButton button = new ToggleButton(messages.get("modality.short." + modality.name()));
            button.setTooltip(new javafx.scene.control.Tooltip(messages.label(modality)));
            button.setMinWidth(Region.USE_PREF_SIZE);
            button.setToggleGroup(group);
            button.setSelected(modality == model.modalityProperty().get());
            button.setOnAction(e -> model.modalityProperty().set(modality));
            button.setId("modality-" + modality.name());
            buttons.getButtons().add(button);
        }
        group.selectedToggleProperty().addListener((o, was, now) -> {
            if (now == null) {
                was.setSelected(true);
            }
        });
        buttons.getStyleClass().add("modality-buttons");
        modalityBar.getChildren().setAll(buttons);
        roomChoice.getItems().setAll(model.catalogueProperty().get().rooms());
        roomChoice.setValue(model.weekRoomProperty().get());
    }

    private void updateFilterVisibility() {
        boolean day = model.modeProperty().get() == AgendaViewModel.Mode.DAY;
        modalityBar.setVisible(day);
        modalityBar.setManaged(day);
        roomChoice.setVisible(!day);
        roomChoice.setManaged(!day);
    }

    private void showDetails(AgendaItem item) {
        details.getChildren().clear();
        if (item == null) {
            Label title = new Label(messages.get("agenda.details.none"));
            title.getStyleClass().add("card-title");
            title.setWrapText(true);
            Label hint = new Label(messages.get("agenda.details.hint"));
            hint.setWrapText(true);
            hint.getStyleClass().add("muted");
            details.getChildren().addAll(title, hint, legend());
            return;
        }
        Patient patient = item.patient();
        Label name = new Label(PatientNames.display(patient));
        name.getStyleClass().add("card-title");
        name.setWrapText(true);
        name.setId("details-patient");
        IdentityBadge badge = IdentityBadge.of(patient, messages, IdentityBadge.Size.FULL);
        badge.setId("details-identity");
        int age = Period.between(patient.traits().birthDate(), LocalDate.now(clock)).getYears();
        Label born = new Label(messages.format(patient.traits().sex() == fr.opaline.core.patient.Sex.F ? "patient.bornOn.f"
                : patient.traits().sex() == fr.opaline.core.patient.Sex.M ? "patient.bornOn.m" : "patient.bornOn",
                messages.date(patient.traits().birthDate()), age)
                + " · IPP " + patient.ipp());
        born.getStyleClass().add("muted");
        born.setWrapText(true);

        GridPane facts = new GridPane();
        facts.getStyleClass().add("facts");
        facts.setHgap(10);
        facts.setVgap(6);
        int row = 0;
        row = fact(facts, row, messages.get("agenda.details.exam"), item.exam().label());
        row = fact(facts, row, messages.get("agenda.details.when"), messages.longDate(item.start()) + ", "
                + messages.time(item.start()) + " – " + messages.time(item.end()));
        row = fact(facts, row, messages.get("agenda.details.room"), item.room().name());
        row = fact(facts, row, messages.get("agenda.details.status"), messages.label(item.appointment().status()));
        fact(facts, row, messages.get("agenda.details.accession"),
                item.entry().accessionNumber() == null ? "—" : item.entry().accessionNumber());

        Button arrived = new Button(messages.get("agenda.action.arrived"), Icon.CHECK.node(14));
        arrived.getStyleClass().add("primary");
        arrived.setId("action-arrived");
        arrived.setMaxWidth(Double.MAX_VALUE);
        if (item.appointment().status() == AppointmentStatus.BOOKED) {
            arrived.disableProperty().bind(model.busyProperty());
        } else {
            arrived.setDisable(true);
        }
        arrived.setOnAction(e -> model.markArrived(item));
        Button record = new Button(messages.get("agenda.action.record"), Icon.PATIENT.node(14));
        record.setMaxWidth(Double.MAX_VALUE);
        record.setId("action-record");
        record.setOnAction(e -> navigator.openRecord(patient));
        Button another = new Button(messages.get("agenda.action.bookAgain"), Icon.PLUS.node(14));
        another.setMaxWidth(Double.MAX_VALUE);
        another.setOnAction(e -> navigator.book(item.room(), item.date(), null, patient));
        Button cancel = new Button(messages.get("agenda.action.cancel"), Icon.CLOSE.node(12));
        cancel.getStyleClass().add("danger");
        cancel.setMaxWidth(Double.MAX_VALUE);
        cancel.setId("action-cancel");
        cancel.disableProperty().bind(model.busyProperty());
        cancel.setOnAction(e -> askCancellation(item, reason -> model.cancel(item, reason)));
        Label dragHint = new Label(messages.get("agenda.details.dragHint"));
        dragHint.getStyleClass().add("muted");
        dragHint.setWrapText(true);
        VBox actions = new VBox(8, arrived, record, another, cancel);
        if (navigator.teleradiologyOffered()) {
            Button teleradiology = new Button(messages.get("agenda.action.teleradiology"));
            teleradiology.setMaxWidth(Double.MAX_VALUE);
            teleradiology.setId("action-teleradiology");
            teleradiology.setOnAction(e -> navigator.teleradiology(patient, item.appointment().id()));
            actions.getChildren().add(3, teleradiology);
        }
        if (navigator.printingOffered()) {
            Button convocation = new Button(messages.get("print.convocation"));
            convocation.setMaxWidth(Double.MAX_VALUE);
            convocation.setId("action-convocation");
            convocation.setOnAction(e -> navigator.printConvocation(patient, item.appointment().id()));
            actions.getChildren().add(2, convocation);
        }
        details.getChildren().addAll(name, badge, born, new javafx.scene.control.Separator(), facts,
                new javafx.scene.control.Separator(), actions, dragHint);
    }

    private int fact(GridPane grid, int row, String label, String value) {
        Label l = new Label(label);
        l.getStyleClass().add("fact-label");
        l.setMinWidth(Region.USE_PREF_SIZE);
        Label v = new Label(value);
        v.setWrapText(true);
        v.getStyleClass().add("fact-value");
        grid.addRow(row, l, v);
        return row + 1;
    }

    private VBox legend() {
        Label title = new Label(messages.get("agenda.legend"));
        title.getStyleClass().add("fact-label");
        VBox box = new VBox(6, title);
        for (var status : fr.opaline.core.patient.IdentityStatus.values()) {
            Patient sample = samplePatient(status);
            IdentityBadge dot = IdentityBadge.of(sample, messages, IdentityBadge.Size.COMPACT);
            IdentityBadge full = IdentityBadge.of(sample, messages, IdentityBadge.Size.FULL);
            HBox row = new HBox(8, dot, full);
            row.setAlignment(Pos.CENTER_LEFT);
            box.getChildren().add(row);
        }
        HBox booked = legendSwatch("agenda-block-booked", messages.label(AppointmentStatus.BOOKED));
        HBox arrived = legendSwatch("agenda-block-arrived", messages.label(AppointmentStatus.ARRIVED));
        box.getChildren().addAll(booked, arrived);
        box.setPadding(new Insets(12, 0, 0, 0));
        return box;
    }

    private HBox legendSwatch(String style, String text) {
        Region swatch = new Region();
        swatch.getStyleClass().addAll("agenda-block", style, "legend-swatch");
        HBox row = new HBox(8, swatch, new Label(text));
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    private static Patient samplePatient(fr.opaline.core.patient.IdentityStatus status) {
        return new Patient(java.util.UUID.randomUUID(), "-", "-", fr.opaline.core.patient.IdentityTraits.of("-", "-",
                LocalDate.of(2000, 1, 1), fr.opaline.core.patient.Sex.U, null), null, null, null, status, null, null,
                null, null, null, null, 0);
    }

    private void askCancellation(AgendaItem item, Consumer<String> cancel) {
        List<String> reasons = List.of(messages.get("agenda.cancel.reason.patient"),
                messages.get("agenda.cancel.reason.practice"), messages.get("agenda.cancel.reason.prescription"));
        ChoiceDialog<String> dialog = new ChoiceDialog<>(reasons.get(0), reasons);
        dialog.initOwner(getScene().getWindow());
        dialog.setTitle(messages.get("agenda.cancel.title"));
        dialog.setHeaderText(messages.format("agenda.cancel.header", PatientNames.display(item.patient()),
                messages.longDate(item.start()), messages.time(item.start())));
        dialog.setContentText(messages.get("agenda.cancel.reason"));
        dialog.showAndWait().ifPresent(cancel);
    }

    private Button iconButton(Icon icon, String tooltip) {
        Button button = new Button();
        button.setGraphic(icon.node(14));
        button.setTooltip(new javafx.scene.control.Tooltip(tooltip));
        button.getStyleClass().add("icon-button");
        return button;
    }

    AgendaGrid grid() {
        return grid;
    }
}
