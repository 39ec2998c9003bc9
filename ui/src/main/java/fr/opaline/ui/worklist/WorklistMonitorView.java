package fr.opaline.ui.worklist;

import fr.opaline.core.catalogue.Modality;
import fr.opaline.core.order.StepEntry;
import fr.opaline.core.order.StepStatus;
import fr.opaline.ui.i18n.Messages;
import fr.opaline.ui.patient.PatientNames;
import fr.opaline.ui.widgets.Banner;
import fr.opaline.ui.widgets.Icon;
import fr.opaline.ui.widgets.IdentityBadge;
import java.time.ZoneId;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import fr.opaline.ui.widgets.Choices;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** Today's worklist: one card per modality with its counts by status, and the steps themselves. */
public final class WorklistMonitorView extends BorderPane {

    private final WorklistMonitorViewModel model;
    private final Messages messages;
    private final FlowPane summaries = new FlowPane(10, 10);

    public WorklistMonitorView(WorklistMonitorViewModel model, Messages messages, ZoneId zone) {
        this.model = model;
        this.messages = messages;
        setId("worklist");
        getStyleClass().add("screen");

        Label title = new Label(messages.get("worklist.title"));
        title.getStyleClass().add("screen-title");
        Label subtitle = new Label(messages.get("worklist.subtitle"));
        subtitle.getStyleClass().add("muted");
        ComboBox<Modality> filter = Choices.filter("worklist-modality", messages.get("worklist.allModalities"),
                m -> m.name() + " · " + messages.label(m), Modality.values());
        filter.valueProperty().bindBidirectional(model.modalityProperty());
        filter.setValue(null);
        Label refreshed = new Label();
        refreshed.getStyleClass().add("muted");
        refreshed.setId("worklist-refreshed");
        model.refreshedAtProperty().addListener((o, was, now) ->
                refreshed.setText(now == null ? "" : messages.format("worklist.refreshedAt", messages.time(now))));
        Button refresh = new Button(messages.get("worklist.refresh"), Icon.REFRESH.node(14));
        refresh.setId("worklist-refresh");
        refresh.setOnAction(e -> model.refresh());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        VBox titles = new VBox(2, title, subtitle);
        HBox toolbar = new HBox(12, titles, spacer, refreshed, filter, refresh);
        toolbar.setAlignment(Pos.CENTER_LEFT);
        toolbar.getStyleClass().add("toolbar");
        Banner banner = new Banner();
        banner.setId("worklist-banner");
        banner.bind(model.errorProperty(), model.infoProperty());
        summaries.setId("worklist-summaries");
        VBox top = new VBox(10, toolbar, banner, summaries);
        top.getStyleClass().add("screen-top");
        top.setPadding(new Insets(0, 0, 12, 0));
        setTop(top);

        TableView<StepEntry> table = new TableView<>(model.steps());
        table.setId("worklist-table");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().add(text(messages.get("worklist.col.time"),
                s -> messages.time(s.step().scheduledStart().atZone(zone)), 70));
        table.getColumns().add(text(messages.get("worklist.col.modality"), s -> s.step().modality().name(), 80));
        table.getColumns().add(text(messages.get("worklist.col.station"), s -> s.step().stationAeTitle(), 110));
        table.getColumns().add(text(messages.get("worklist.col.patient"), s -> PatientNames.display(s.patient()), 190));
        TableColumn<StepEntry, StepEntry> identity = new TableColumn<>(messages.get("worklist.col.identity"));
        identity.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
        identity.setCellFactory(c -> new TableCell<>() {
            private final IdentityBadge badge = new IdentityBadge(messages, IdentityBadge.Size.FULL);

            @Override
            protected void updateItem(StepEntry entry, boolean empty) {
                super.updateItem(entry, empty);
                if (empty || entry == null) {
                    setGraphic(null);
                } else {
                    badge.show(entry.patient());
                    setGraphic(badge);
                }
            }
        });
        identity.setPrefWidth(170);
        identity.setSortable(false);
        table.getColumns().add(identity);
        table.getColumns().add(text(messages.get("worklist.col.birthDate"),
                s -> messages.date(s.patient().traits().birthDate()), 95));
        table.getColumns().add(text(messages.get("worklist.col.exam"), s -> s.step().description(), 230));
        table.getColumns().add(text(messages.get("worklist.col.accession"), s -> s.order().accessionNumber(), 110));
        TableColumn<StepEntry, StepStatus> status = new TableColumn<>(messages.get("worklist.col.status"));
        status.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().step().status()));
        status.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(StepStatus value, boolean empty) {
                super.updateItem(value, empty);
                if (empty || value == null) {
                    setGraphic(null);
                } else {
                    setGraphic(statusPill(value));
                }
            }
        });
        status.setPrefWidth(110);
        table.getColumns().add(status);
        table.setPlaceholder(new Label(messages.get("worklist.none")));
        table.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> {
            if (now != null || !model.steps().contains(model.selectedProperty().get())) {
                model.selectedProperty().set(now);
            }
        });
        model.selectedProperty().addListener((o, was, now) -> {
            if (now != null && table.getSelectionModel().getSelectedItem() != now) {
                table.getSelectionModel().select(now);
            }
        });
        // The steps are read again periodically: the exam chosen stays selected in the table.
        model.steps().addListener((ListChangeListener<StepEntry>) c -> javafx.application.Platform.runLater(() -> {
            StepEntry chosen = model.selectedProperty().get();
            if (chosen != null && table.getSelectionModel().getSelectedItem() == null) {
                model.steps().stream().filter(s -> s.step().id().equals(chosen.step().id())).findFirst()
                        .ifPresent(s -> table.getSelectionModel().select(s));
            }
        }));
        VBox center = new VBox(8, table, performance());
        VBox.setVgrow(table, Priority.ALWAYS);
        center.getStyleClass().add("card");
        setCenter(center);
        setPadding(new Insets(0, 16, 16, 16));

        model.summaries().addListener((ListChangeListener<ModalitySummary>) c -> showSummaries());
    }

    /** En cours / réalisé of the selected exam, for technologists and radiologists. */
    private HBox performance() {
        Label hint = new Label(messages.get("worklist.perform.hint"));
        hint.getStyleClass().add("muted");
        hint.setWrapText(true);
        HBox.setHgrow(hint, Priority.ALWAYS);
        Button start = new Button(messages.get("worklist.start"));
        start.setId("worklist-start");
        start.setTooltip(new javafx.scene.control.Tooltip(messages.get("worklist.start.tip")));
        start.disableProperty().bind(model.canStartBinding().not());
        start.setOnAction(e -> model.start());
        Button complete = new Button(messages.get("worklist.complete"), Icon.CHECK.node(14));
        complete.setId("worklist-complete");
        complete.getStyleClass().add("primary");
        complete.setTooltip(new javafx.scene.control.Tooltip(messages.get("worklist.complete.tip")));
        complete.disableProperty().bind(model.canCompleteBinding().not());
        complete.setOnAction(e -> model.complete());
        HBox bar = new HBox(10, hint, start, complete);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setId("worklist-performance");
        bar.visibleProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(
                () -> model.performerProperty().get(), model.performerProperty()));
        bar.managedProperty().bind(bar.visibleProperty());
        return bar;
    }

    private Label statusPill(StepStatus status) {
        Label pill = new Label(messages.label(status));
        pill.getStyleClass().addAll("step-status", "step-" + status.name().toLowerCase(java.util.Locale.ROOT));
        return pill;
    }

    private void showSummaries() {
        summaries.getChildren().clear();
        for (ModalitySummary summary : model.summaries()) {
            Label name = new Label(summary.modality().name());
            name.getStyleClass().add("summary-modality");
            name.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
            Label label = new Label(messages.get("modality.short." + summary.modality().name()));
            label.getStyleClass().add("muted");
            javafx.scene.control.Tooltip.install(label, new javafx.scene.control.Tooltip(
                    messages.label(summary.modality())));
            Label total = new Label(messages.format("worklist.total", summary.total()));
            total.getStyleClass().add("summary-total");
            FlowPane counts = new FlowPane(4, 4);
            for (StepStatus status : StepStatus.values()) {
                int n = summary.count(status);
                if (n > 0) {
                    Label pill = statusPill(status);
                    pill.setText(messages.format("worklist.count." + status.name(), n));
                    counts.getChildren().add(pill);
                }
            }
            HBox head = new HBox(8, name, label);
            head.setAlignment(Pos.BASELINE_LEFT);
            VBox card = new VBox(6, head, total, counts);
            card.getStyleClass().addAll("card", "summary-card");
            card.setPrefWidth(172);
            card.setId("summary-" + summary.modality().name());
            card.setOnMouseClicked(e -> model.modalityProperty().set(
                    model.modalityProperty().get() == summary.modality() ? null : summary.modality()));
            summaries.getChildren().add(card);
        }
    }

    private static TableColumn<StepEntry, String> text(String title, Function<StepEntry, String> value, double width) {
        TableColumn<StepEntry, String> column = new TableColumn<>(title);
        column.setCellValueFactory(c -> new ReadOnlyStringWrapper(value.apply(c.getValue())));
        column.setPrefWidth(width);
        return column;
    }
}
