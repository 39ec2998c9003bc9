package fr.opaline.ui.statistics;

import fr.opaline.core.statistics.DocumentType;
import fr.opaline.core.statistics.IndicatorGroup;
import fr.opaline.ui.i18n.Messages;
import fr.opaline.ui.widgets.Banner;
import fr.opaline.ui.widgets.Choices;
import fr.opaline.ui.widgets.Columns;
import fr.opaline.ui.widgets.Icon;
import java.io.File;
import java.time.Month;
import java.time.format.TextStyle;
import java.util.function.Function;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;

/**
 * "Statistiques": a heading of SC.STAT/ES.04 for one year, month by month, as a table and a chart;
 * the CSV export of both years. The file is chosen here; it is written in the background.
 */
public final class StatisticsView extends BorderPane {

    private final StatisticsViewModel model;
    private final Messages messages;
    private final BarChart<String, Number> chart = new BarChart<>(new CategoryAxis(), new NumberAxis());

    public StatisticsView(StatisticsViewModel model, Messages messages) {
        this.model = model;
        this.messages = messages;
        setId("statistics");
        getStyleClass().add("screen");

        Label title = new Label(messages.get("stats.title"));
        title.getStyleClass().add("screen-title");
        Label subtitle = new Label();
        subtitle.getStyleClass().add("muted");
        subtitle.setId("stats-site");
        model.reportProperty().addListener((o, was, now) -> subtitle.setText(now == null ? "" : messages.format(
                "stats.site", Columns.orDash(now.siteName()), Columns.orDash(now.finess()),
                Columns.orDash(now.siret()), Columns.orDash(now.rppsRang()))));
        ComboBox<Integer> year = new ComboBox<>(model.years());
        year.setId("stats-year");
        year.valueProperty().bindBidirectional(model.yearProperty());
        ComboBox<IndicatorGroup> group = Choices.of("stats-group", messages::label, IndicatorGroup.values());
        group.valueProperty().bindBidirectional(model.groupProperty());
        ComboBox<DocumentType> type = Choices.of("stats-type", messages::label, DocumentType.values());
        type.valueProperty().bindBidirectional(model.typeProperty());
        type.disableProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(() -> !model.perDocumentType(),
                model.groupProperty()));
        Button refresh = new Button(messages.get("stats.refresh"), Icon.REFRESH.node(14));
        refresh.setId("stats-refresh");
        refresh.disableProperty().bind(model.busyProperty());
        refresh.setOnAction(e -> model.refresh());
        Button export = new Button(messages.get("stats.export"));
        export.setId("stats-export");
        export.disableProperty().bind(model.busyProperty().or(model.reportProperty().isNull()));
        export.setOnAction(e -> chooseAndExport());
        year.setPrefWidth(100);
        group.setPrefWidth(340);
        type.setPrefWidth(240);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox choices = new HBox(10, year, group, type, spacer, refresh, export);
        choices.setAlignment(Pos.CENTER_LEFT);
        VBox toolbar = new VBox(8, new VBox(2, title, subtitle), choices);
        toolbar.getStyleClass().add("toolbar");
        Banner banner = new Banner();
        banner.bind(model.errorProperty(), model.infoProperty());
        VBox top = new VBox(10, toolbar, banner);
        top.getStyleClass().add("screen-top");
        top.setPadding(new Insets(0, 0, 12, 0));
        setTop(top);

        TableView<StatisticsRow> table = table();
        chart.setId("stats-chart");
        chart.setAnimated(false);
        chart.setLegendVisible(true);
        chart.setMinHeight(220);
        model.rows().addListener((ListChangeListener<StatisticsRow>) c -> redrawChart());
        VBox center = new VBox(10, table, chart);
        VBox.setVgrow(chart, Priority.ALWAYS);
        center.getStyleClass().add("card");
        setCenter(center);
        setPadding(new Insets(0, 16, 16, 16));
    }

    private TableView<StatisticsRow> table() {
        TableView<StatisticsRow> table = new TableView<>(model.rows());
        table.setId("stats-table");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setFixedCellSize(28);
        // Every row of a heading shown at once (eight at most): the chart takes the rest of the height.
        table.prefHeightProperty().bind(javafx.beans.binding.Bindings.size(model.rows()).multiply(28).add(48));
        table.minHeightProperty().bind(table.prefHeightProperty());
        table.getColumns().add(unsortable(messages.get("stats.col.indicator"), StatisticsRow::label, 280));
        for (Month month : Month.values()) {
            int index = month.getValue() - 1;
            table.getColumns().add(unsortable(month.getDisplayName(TextStyle.SHORT, messages.locale()),
                    r -> r.months().get(index), 64));
        }
        table.getColumns().add(unsortable(messages.get("stats.col.total"), StatisticsRow::total, 70));
        return table;
    }

    /** The rows keep the indicators' order: no sorting by a month's figure. */
    private static TableColumn<StatisticsRow, String> unsortable(String title, Function<StatisticsRow, String> value,
                                                                 double width) {
        TableColumn<StatisticsRow, String> column = Columns.text(title, value, width);
        column.setSortable(false);
        return column;
    }

    private void redrawChart() {
        chart.getData().clear();
        if (model.yearProperty().get() == null) {
            return;
        }
        for (StatisticsRow row : model.rows().filtered(r -> !r.rate())) {
            XYChart.Series<String, Number> series = new XYChart.Series<>();
            series.setName(row.label());
            for (Month month : Month.values()) {
                series.getData().add(new XYChart.Data<>(month.getDisplayName(TextStyle.SHORT, messages.locale()),
                        model.count(row.indicator(), month.getValue())));
            }
            chart.getData().add(series);
        }
        chart.setTitle(messages.label(model.groupProperty().get()) + " · " + model.yearProperty().get());
    }

    private void chooseAndExport() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(messages.get("stats.export"));
        chooser.setInitialFileName("statistiques-opaline.csv");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("CSV", "*.csv"));
        File file = chooser.showSaveDialog(getScene() == null ? null : getScene().getWindow());
        if (file != null) {
            model.export(file.toPath());
        }
    }

}
