package fr.opaline.ui.dmp;

import fr.opaline.api.dmp.DmpOpening;
import fr.opaline.ui.i18n.Messages;
import fr.opaline.ui.widgets.Banner;
import fr.opaline.ui.widgets.Columns;
import fr.opaline.ui.widgets.Icon;
import java.time.ZoneId;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The DMP list of the record: filters (type, dates, author, invisible only), the metadata with
 * the invisible documents flagged, several rows integrated at once, "rendre visible".
 */
public final class DmpDocumentsPane extends VBox {

    public DmpDocumentsPane(DmpRecordViewModel model, Messages messages, ZoneId zone, Runnable integrated) {
        super(8);
        setId("dmp-pane");
        ComboBox<String> type = new ComboBox<>();
        type.setPromptText(messages.get("dmp.filter.type"));
        type.setId("dmp-filter-type");
        type.setOnShowing(e -> {
            String chosen = type.getValue();
            type.getItems().setAll(model.typeLabels());
            type.getItems().add(0, "");
            type.setValue(chosen);
        });
        type.valueProperty().addListener((o, was, now) -> model.typeFilterProperty().set(now == null ? "" : now));
        DatePicker from = new DatePicker();
        from.setPromptText(messages.get("dmp.filter.from"));
        from.setId("dmp-filter-from");
        from.setPrefWidth(130);
        from.valueProperty().bindBidirectional(model.fromFilterProperty());
        DatePicker to = new DatePicker();
        to.setPromptText(messages.get("dmp.filter.to"));
        to.setId("dmp-filter-to");
        to.setPrefWidth(130);
        to.valueProperty().bindBidirectional(model.toFilterProperty());
        TextField author = new TextField();
        author.setPromptText(messages.get("dmp.filter.author"));
        author.setId("dmp-filter-author");
        author.textProperty().bindBidirectional(model.authorFilterProperty());
        CheckBox invisible = new CheckBox(messages.get("dmp.filter.invisible"));
        invisible.setId("dmp-filter-invisible");
        invisible.selectedProperty().bindBidirectional(model.invisibleOnlyProperty());
        HBox filters = new HBox(8, type, from, to, author, invisible);
        filters.setAlignment(Pos.CENTER_LEFT);

        TableView<DmpOpening.Entry> table = new TableView<>(model.documents());
        table.setId("dmp-documents");
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().add(Columns.text(messages.get("record.col.type"), d -> Columns.orDash(d.typeLabel()), 150));
        table.getColumns().add(Columns.text(messages.get("record.col.title"), d -> Columns.orDash(d.title()), 220));
        table.getColumns().add(Columns.text(messages.get("record.col.actDate"), d -> d.createdAt() == null ? "—"
                : messages.date(d.createdAt().atZone(zone)), 95));
        table.getColumns().add(Columns.text(messages.get("record.col.author"), d -> Columns.orDash(d.author()), 140));
        table.getColumns().add(Columns.text(messages.get("dmp.col.institution"), d -> Columns.orDash(d.institution()), 140));
        table.getColumns().add(Columns.text(messages.get("dmp.col.flags"), d -> flags(d, messages), 170));
        table.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(DmpOpening.Entry item, boolean empty) {
                super.updateItem(item, empty);
                pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("invisible"),
                        !empty && item != null && item.invisibleToPatient());
            }
        });
        table.setPlaceholder(new Label(messages.get("dmp.none")));
        VBox.setVgrow(table, Priority.ALWAYS);

        Label status = new Label();
        status.setId("dmp-status");
        status.textProperty().bind(model.statusProperty());
        status.getStyleClass().add("muted");
        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(16, 16);
        busy.visibleProperty().bind(model.busyProperty());
        Button refresh = new Button(messages.get("dmp.refresh"), Icon.REFRESH.node(14));
        refresh.setId("dmp-refresh");
        refresh.disableProperty().bind(model.busyProperty());
        refresh.setOnAction(e -> model.open());
        Button visible = new Button(messages.get("dmp.makeVisible"));
        visible.setId("dmp-make-visible");
        visible.disableProperty().bind(model.busyProperty().or(Bindings.createBooleanBinding(() -> {
            DmpOpening.Entry d = table.getSelectionModel().getSelectedItem();
            return d == null || !d.invisibleToPatient() || table.getSelectionModel().getSelectedItems().size() != 1;
        }, table.getSelectionModel().getSelectedItems())));
        visible.setOnAction(e -> model.makeVisible(table.getSelectionModel().getSelectedItem()));
        Button integrate = new Button(messages.get("dmp.integrate"), Icon.PLUS.node(14));
        integrate.getStyleClass().add("primary");
        integrate.setId("dmp-integrate");
        integrate.disableProperty().bind(model.busyProperty()
                .or(Bindings.isEmpty(table.getSelectionModel().getSelectedItems())));
        integrate.setOnAction(e -> model.integrate(List.copyOf(table.getSelectionModel().getSelectedItems()), integrated));
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox actions = new HBox(8, status, spacer, busy, refresh, visible, integrate);
        actions.setAlignment(Pos.CENTER_LEFT);

        Label newer = new Label();
        newer.setWrapText(true);
        newer.setId("dmp-newer");
        newer.getStyleClass().add("dmp-newer");
        model.newerVersions().addListener((ListChangeListener<Object>) c -> newer.setText(String.join("\n",
                model.newerVersions().stream().map(v -> v.notice()).toList())));
        newer.visibleProperty().bind(newer.textProperty().isNotEmpty());
        newer.managedProperty().bind(newer.visibleProperty());
        Banner banner = new Banner();
        banner.bind(model.errorProperty(), model.infoProperty());
        getChildren().addAll(filters, banner, newer, table, actions);
    }

    private static String flags(DmpOpening.Entry d, Messages messages) {
        StringBuilder text = new StringBuilder();
        if (d.invisibleToPatient()) {
            text.append(messages.get("dmp.flag.invisible"));
        }
        if (d.held()) {
            text.append(text.length() > 0 ? " · " : "").append(messages.get("dmp.flag.held"));
        } else if (d.thirdParty() && d.newSinceLastVisit()) {
            text.append(text.length() > 0 ? " · " : "").append(messages.get("dmp.flag.new"));
        }
        return text.toString();
    }


}
