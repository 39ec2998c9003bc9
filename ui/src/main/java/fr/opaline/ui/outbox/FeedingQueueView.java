package fr.opaline.ui.outbox;

import fr.opaline.core.outbox.JobState;
import fr.opaline.ui.i18n.Messages;
import fr.opaline.ui.outbox.FeedingQueueViewModel.Action;
import fr.opaline.ui.widgets.Banner;
import fr.opaline.ui.widgets.Choices;
import fr.opaline.ui.widgets.Columns;
import fr.opaline.ui.widgets.Icon;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.MapChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * "File d'envoi": the outbox's jobs with filters, counts per state, the actions on the selected
 * job, and an inline confirmation before a cancellation (the only action that cannot be undone).
 */
public final class FeedingQueueView extends BorderPane {

    private final FeedingQueueViewModel model;
    private final Messages messages;
    private final ZoneId zone;
    private final FlowPane counts = new FlowPane(6, 6);
    private final HBox confirmation = new HBox(10);
    private final Label confirmationText = new Label();
    /** The job the confirmation bar asks about. */
    private QueuedJob toCancel;

    public FeedingQueueView(FeedingQueueViewModel model, Messages messages, ZoneId zone) {
        this.model = model;
        this.messages = messages;
        this.zone = zone;
        setId("queue");
        getStyleClass().add("screen");

        Label title = new Label(messages.get("queue.title"));
        title.getStyleClass().add("screen-title");
        Label subtitle = new Label(messages.get("queue.subtitle"));
        subtitle.getStyleClass().add("muted");
        ComboBox<JobState> stateFilter = Choices.filter("queue-state", messages.get("queue.allStates"),
                s -> messages.label(s), JobState.values());
        stateFilter.valueProperty().bindBidirectional(model.stateProperty());
        ComboBox<Destination> destinationFilter = Choices.filter("queue-destination",
                messages.get("queue.allDestinations"), d -> messages.label(d), Destination.values());
        destinationFilter.valueProperty().bindBidirectional(model.destinationProperty());
        Label refreshed = new Label();
        refreshed.getStyleClass().add("muted");
        refreshed.setId("queue-refreshed");
        model.refreshedAtProperty().addListener((o, was, now) ->
                refreshed.setText(now == null ? "" : messages.format("queue.refreshedAt", messages.time(now))));
        Button refresh = new Button(messages.get("queue.refresh"), Icon.REFRESH.node(14));
        refresh.setId("queue-refresh");
        refresh.setOnAction(e -> model.refresh());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox toolbar = new HBox(12, new VBox(2, title, subtitle), spacer, refreshed, stateFilter, destinationFilter,
                refresh);
        toolbar.setAlignment(Pos.CENTER_LEFT);
        toolbar.getStyleClass().add("toolbar");
        Banner banner = new Banner();
        banner.bind(model.errorProperty(), model.infoProperty());
        counts.setId("queue-counts");
        model.counts().addListener((MapChangeListener<JobState, Integer>) c -> showCounts());
        VBox top = new VBox(10, toolbar, banner, counts);
        top.getStyleClass().add("screen-top");
        top.setPadding(new Insets(0, 0, 12, 0));
        setTop(top);

        TableView<QueuedJob> table = table();
        // A refresh replaces the rows: the model keeps the selected job (by id) and the table follows it;
        // the transient "nothing selected" of the table while its rows change is not a user's choice.
        model.selectedProperty().addListener((o, was, now) -> {
            if (now != null && table.getSelectionModel().getSelectedItem() != now) {
                table.getSelectionModel().select(now);
            }
            if (toCancel != null && (now == null || !now.job().id().equals(toCancel.job().id()))) {
                hideConfirmation();
            }
        });
        table.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> {
            if (now != null) {
                model.selectedProperty().set(now);
            }
        });
        VBox center = new VBox(10, table, actions(), confirmation());
        VBox.setVgrow(table, Priority.ALWAYS);
        center.getStyleClass().add("card");
        setCenter(center);
        setPadding(new Insets(0, 16, 16, 16));
    }

    private TableView<QueuedJob> table() {
        TableView<QueuedJob> table = new TableView<>(model.jobs());
        table.setId("queue-table");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().add(text("queue.col.created", j -> dateTime(j.job().createdAt()), 120));
        table.getColumns().add(text("queue.col.destination", j -> messages.label(j.destination()), 90));
        table.getColumns().add(text("queue.col.type", j -> model.typeLabel(j.job().type()), 170));
        table.getColumns().add(text("queue.col.patient", j -> j.patientName() == null ? "" : j.patientName(), 160));
        table.getColumns().add(text("queue.col.subject", j -> j.job().subject() == null ? "" : j.job().subject(), 200));
        TableColumn<QueuedJob, JobState> state = new TableColumn<>(messages.get("queue.col.state"));
        state.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().state()));
        state.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(JobState value, boolean empty) {
                super.updateItem(value, empty);
                setGraphic(empty || value == null ? null : pill(value));
            }
        });
        state.setPrefWidth(100);
        table.getColumns().add(state);
        table.getColumns().add(text("queue.col.attempts", j -> j.job().attempts() + " / " + j.job().maxAttempts(), 70));
        table.getColumns().add(text("queue.col.next", j -> j.state() == JobState.PENDING ? dateTime(j.job().dueAt())
                : j.state() == JobState.LEASED ? messages.get("queue.next.running") : "", 120));
        TableColumn<QueuedJob, String> error = text("queue.col.error", j -> j.job().lastError() == null ? ""
                : j.job().lastError(), 260);
        error.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(String value, boolean empty) {
                super.updateItem(value, empty);
                setText(empty ? null : value);
                setTooltip(empty || value == null || value.isEmpty() ? null : new Tooltip(value));
            }
        });
        table.getColumns().add(error);
        table.setPlaceholder(new Label(messages.get("queue.none")));
        return table;
    }

    private HBox actions() {
        Button hold = action("queue-hold", Action.HOLD);
        Button resume = action("queue-resume", Action.RESUME);
        Button sendNow = action("queue-send-now", Action.SEND_NOW);
        Button cancel = new Button(messages.get("queue.action.CANCEL"), Icon.CLOSE.node(12));
        cancel.setId("queue-cancel");
        cancel.getStyleClass().add("danger");
        cancel.disableProperty().bind(disabledFor(Action.CANCEL));
        cancel.setOnAction(e -> askCancellation());
        HBox row = new HBox(8, sendNow, hold, resume, cancel);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    private Button action(String id, Action action) {
        Button button = new Button(messages.get("queue.action." + action.name()));
        button.setId(id);
        button.setTooltip(new Tooltip(messages.get("queue.action." + action.name() + ".tip")));
        button.disableProperty().bind(disabledFor(action));
        button.setOnAction(e -> model.perform(action, model.selectedProperty().get()));
        return button;
    }

    private javafx.beans.binding.BooleanBinding disabledFor(Action action) {
        return Bindings.createBooleanBinding(() -> model.busyProperty().get()
                || !model.allows(action, model.selectedProperty().get()), model.selectedProperty(), model.busyProperty());
    }

    private HBox confirmation() {
        confirmation.setId("queue-confirmation");
        confirmation.getStyleClass().add("confirmation");
        confirmation.setAlignment(Pos.CENTER_LEFT);
        confirmationText.setWrapText(true);
        HBox.setHgrow(confirmationText, Priority.ALWAYS);
        Button yes = new Button(messages.get("queue.cancel.confirm"));
        yes.setId("queue-cancel-confirm");
        yes.getStyleClass().add("danger");
        yes.setOnAction(e -> {
            QueuedJob job = toCancel;
            hideConfirmation();
            model.perform(Action.CANCEL, job);
        });
        Button no = new Button(messages.get("queue.cancel.keep"));
        no.setId("queue-cancel-keep");
        no.setOnAction(e -> hideConfirmation());
        confirmation.getChildren().addAll(Icon.WARNING.node(16), confirmationText, yes, no);
        hideConfirmation();
        return confirmation;
    }

    private void askCancellation() {
        QueuedJob job = model.selectedProperty().get();
        if (job == null) {
            return;
        }
        toCancel = job;
        confirmationText.setText(messages.format("queue.cancel.question", model.describe(job)));
        confirmation.setVisible(true);
        confirmation.setManaged(true);
    }

    private void hideConfirmation() {
        toCancel = null;
        confirmation.setVisible(false);
        confirmation.setManaged(false);
    }

    private void showCounts() {
        counts.getChildren().clear();
        for (JobState state : JobState.values()) {
            int n = model.counts().getOrDefault(state, 0);
            if (n > 0) {
                Label pill = pill(state);
                pill.setText(messages.format("queue.count." + state.name(), n));
                pill.setId("queue-count-" + state.name());
                pill.setOnMouseClicked(e -> model.stateProperty().set(model.stateProperty().get() == state ? null : state));
                counts.getChildren().add(pill);
            }
        }
    }

    private Label pill(JobState state) {
        Label pill = new Label(messages.label(state));
        pill.getStyleClass().addAll("step-status", "job-state", "job-" + state.name().toLowerCase(Locale.ROOT));
        return pill;
    }

    private String dateTime(Instant instant) {
        return instant == null ? "" : messages.date(instant.atZone(zone)) + " " + messages.time(instant.atZone(zone));
    }

    private TableColumn<QueuedJob, String> text(String key, Function<QueuedJob, String> value, double width) {
        return Columns.text(messages.get(key), value, width);
    }
}
