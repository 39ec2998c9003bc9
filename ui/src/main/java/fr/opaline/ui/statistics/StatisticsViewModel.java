package fr.opaline.ui.statistics;

import fr.opaline.core.statistics.DocumentType;
import fr.opaline.core.statistics.Indicator;
import fr.opaline.core.statistics.IndicatorGroup;
import fr.opaline.core.statistics.StatisticValue;
import fr.opaline.core.statistics.UsageReport;
import fr.opaline.ui.concurrent.Background;
import fr.opaline.ui.concurrent.UserErrors;
import fr.opaline.ui.i18n.Messages;
import java.nio.file.Path;
import java.text.NumberFormat;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The statistics screen (SC.STAT/ES.04): the report of the previous and the current year, read once
 * in the background; the year, the heading and the document type shown only reshape what was read.
 * The CSV export writes the whole two-year report, in the background.
 */
public final class StatisticsViewModel {

    /** Indicators counted at the end of a month (a stock): a yearly sum would mean nothing. */
    private static final Set<IndicatorGroup> SNAPSHOTS = Set.of(IndicatorGroup.IDENTITES, IndicatorGroup.CONSULTATION_DMP);

    private final StatisticsGateway gateway;
    private final Background background;
    private final Messages messages;
    private final ReadOnlyObjectWrapper<UsageReport> report = new ReadOnlyObjectWrapper<>();
    private final ObservableList<Integer> years = FXCollections.observableArrayList();
    private final ObjectProperty<Integer> year = new SimpleObjectProperty<>();
    private final ObjectProperty<IndicatorGroup> group = new SimpleObjectProperty<>(IndicatorGroup.ALIMENTATION_DMP);
    private final ObjectProperty<DocumentType> type = new SimpleObjectProperty<>(DocumentType.CR_IMAGERIE);
    private final ObservableList<StatisticsRow> rows = FXCollections.observableArrayList();
    private final StringProperty error = new SimpleStringProperty("");
    private final StringProperty info = new SimpleStringProperty("");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();

    public StatisticsViewModel(StatisticsGateway gateway, Background background, Messages messages) {
        this.gateway = gateway;
        this.background = background;
        this.messages = messages;
        year.addListener((o, was, now) -> reshape());
        group.addListener((o, was, now) -> reshape());
        type.addListener((o, was, now) -> reshape());
    }

    public void refresh() {
        busy.set(true);
        background.run(messages.get("stats.task.read"), progress -> gateway.read(), read -> {
            busy.set(false);
            error.set("");
            report.set(read);
            List<Integer> available = new ArrayList<>();
            for (int y = read.period().from().getYear(); y <= read.period().to().getYear(); y++) {
                available.add(y);
            }
            years.setAll(available);
            if (year.get() == null || !available.contains(year.get())) {
                year.set(read.period().to().getYear());
            } else {
                reshape();
            }
        }, failure -> {
            busy.set(false);
            error.set(UserErrors.describe(failure, messages));
        });
    }

    /** Writes the CSV of the whole report read (both years, every heading and type). */
    public void export(Path target) {
        UsageReport read = report.get();
        if (read == null || target == null) {
            return;
        }
        busy.set(true);
        info.set("");
        background.run(messages.get("stats.task.export"), progress -> {
            gateway.export(read, target);
            return read.values().size();
        }, lines -> {
            busy.set(false);
            error.set("");
            info.set(messages.format("stats.exported", lines, target.getFileName().toString()));
        }, failure -> {
            busy.set(false);
            error.set(messages.format("stats.exportFailed", UserErrors.describe(failure, messages)));
        });
    }

    private void reshape() {
        UsageReport read = report.get();
        if (read == null || year.get() == null) {
            rows.clear();
            return;
        }
        List<StatisticsRow> shaped = new ArrayList<>();
        NumberFormat percent = NumberFormat.getNumberInstance(messages.locale());
        percent.setMaximumFractionDigits(1);
        for (Indicator indicator : Indicator.of(group.get())) {
            DocumentType shownType = indicator.perDocumentType() ? type.get() : null;
            List<String> counts = new ArrayList<>();
            List<String> rates = new ArrayList<>();
            long sum = 0;
            for (int month = 1; month <= 12; month++) {
                YearMonth ym = YearMonth.of(year.get(), month);
                if (ym.isBefore(read.period().from()) || ym.isAfter(read.period().to())) {
                    counts.add("");
                    rates.add("");
                    continue;
                }
                StatisticValue value = read.value(ym, shownType, indicator);
                sum += value.count();
                counts.add(Long.toString(value.count()));
                rates.add(value.rate() == null ? "" : messages.format("stats.rate", percent.format(value.rate())));
            }
            shaped.add(new StatisticsRow(indicator, false, messages.label(indicator), counts,
                    SNAPSHOTS.contains(group.get()) ? "" : Long.toString(sum)));
            if (indicator.withRate()) {
                shaped.add(new StatisticsRow(indicator, true, messages.format("stats.rateOf", messages.label(indicator)),
                        rates, ""));
            }
        }
        rows.setAll(shaped);
    }

    /** Whether the heading shown is kept per document type (the type choice applies). */
    public boolean perDocumentType() {
        return Indicator.of(group.get()).get(0).perDocumentType();
    }

    /** The count of one indicator in one month of the year shown, for the chart (0 when not in the period). */
    public long count(Indicator indicator, int month) {
        UsageReport read = report.get();
        YearMonth ym = YearMonth.of(year.get(), month);
        if (read == null || ym.isBefore(read.period().from()) || ym.isAfter(read.period().to())) {
            return 0;
        }
        return read.count(ym, indicator.perDocumentType() ? type.get() : null, indicator);
    }

    public ReadOnlyObjectProperty<UsageReport> reportProperty() {
        return report.getReadOnlyProperty();
    }

    public ObservableList<Integer> years() {
        return years;
    }

    public ObjectProperty<Integer> yearProperty() {
        return year;
    }

    public ObjectProperty<IndicatorGroup> groupProperty() {
        return group;
    }

    public ObjectProperty<DocumentType> typeProperty() {
        return type;
    }

    /** The table: one row per indicator of the heading (and one for its rate), twelve months and the year's total. */
    public ObservableList<StatisticsRow> rows() {
        return rows;
    }

    public StringProperty errorProperty() {
        return error;
    }

    public StringProperty infoProperty() {
        return info;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }
}
