package fr.opaline.ui.insi;

import fr.opaline.ins.insi.TraitComparison;
import fr.opaline.ins.insi.TraitComparison.Concordance;
import fr.opaline.ui.i18n.Messages;
import java.util.List;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.HPos;
import javafx.geometry.VPos;
import javafx.scene.control.Label;
import javafx.scene.control.Separator;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/**
 * INSi's comparison trait by trait, every text wrapping so that nothing is cut. Where there is
 * room (the new patient form) one line per trait: trait, value entered, value returned, verdict.
 * In a narrow card (the record's side column) each trait is a small block: its name and the
 * verdict, then the value entered above the value INSi returned. Verdicts in words and colour.
 * Decision 0306.
 */
public final class TraitComparisonGrid extends GridPane {

    private final ObservableList<ShownTrait> shown;
    private final Messages messages;
    /** Below this width the traits are stacked (one block per trait), above it one line per trait. */
    static final double WIDE = 600;
    private Boolean wide;

    public TraitComparisonGrid(ObservableList<ShownTrait> shown, Messages messages) {
        this.shown = shown;
        this.messages = messages;
        setId("insi-comparison");
        getStyleClass().add("insi-comparison");
        setHgap(10);
        setVgap(2);
        shown.addListener((ListChangeListener<ShownTrait>) change -> rebuild());
        widthProperty().addListener((o, was, now) -> {
            if (wide == null || wide != now.doubleValue() >= WIDE) {
                rebuild();
            }
        });
        rebuild();
    }

    /** Wide, it asks for no more than the threshold: the form around it decides its width. */
    @Override
    protected double computePrefWidth(double height) {
        return Boolean.TRUE.equals(wide) ? WIDE : super.computePrefWidth(height);
    }

    private void narrowColumns() {
        ColumnConstraints caption = new ColumnConstraints();
        caption.setMinWidth(Region.USE_PREF_SIZE);
        ColumnConstraints value = new ColumnConstraints();
        value.setHgrow(Priority.ALWAYS);
        value.setMinWidth(60);
        ColumnConstraints verdict = new ColumnConstraints();
        verdict.setMinWidth(Region.USE_PREF_SIZE);
        verdict.setHalignment(HPos.RIGHT);
        getColumnConstraints().setAll(caption, value, verdict);
    }

    private void wideColumns() {
        ColumnConstraints[] columns = new ColumnConstraints[4];
        double[] percents = {26, 29, 29};
        for (int i = 0; i < 3; i++) {
            columns[i] = new ColumnConstraints();
            columns[i].setPercentWidth(percents[i]);
        }
        columns[3] = new ColumnConstraints();
        columns[3].setMinWidth(Region.USE_PREF_SIZE);
        columns[3].setHgrow(Priority.ALWAYS);
        columns[3].setHalignment(HPos.RIGHT);
        getColumnConstraints().setAll(columns);
    }

    /** The compared traits as the ins module gave them (what the journeys read). */
    public List<TraitComparison> getItems() {
        return shown.stream().map(ShownTrait::comparison).toList();
    }

    private void rebuild() {
        wide = getWidth() >= WIDE;
        getChildren().clear();
        if (wide) {
            wideColumns();
            lines();
        } else {
            narrowColumns();
            blocks();
        }
        setVisible(!shown.isEmpty());
        setManaged(isVisible());
    }

    /** One line per trait under a header. */
    private void lines() {
        int row = 0;
        String[] headers = {messages.get("insi.col.trait"), messages.get("insi.col.local"),
                messages.get("insi.col.insi"), messages.get("insi.col.concordance")};
        for (int column = 0; column < headers.length; column++) {
            add(wrapping(headers[column], "field-caption"), column, row);
        }
        row++;
        for (ShownTrait trait : shown) {
            add(new Separator(), 0, row++, 4, 1);
            add(wrapping(trait.comparison().trait(), "insi-trait"), 0, row);
            add(value(trait, trait.local(), trait.localTip()), 1, row);
            add(value(trait, trait.insi(), trait.insiTip()), 2, row);
            add(verdict(trait, row), 3, row);
            row++;
        }
    }

    /** A block per trait: name and verdict, then the two values one under the other. */
    private void blocks() {
        int row = 0;
        for (ShownTrait trait : shown) {
            if (row > 0) {
                add(new Separator(), 0, row++, 3, 1);
            }
            Label name = wrapping(trait.comparison().trait(), "insi-trait");
            add(name, 0, row, 2, 1);
            add(verdict(trait, row), 2, row++);
            row = values(trait, row, messages.get("insi.row.local"), trait.local(), trait.localTip());
            row = values(trait, row, messages.get("insi.row.insi"), trait.insi(), trait.insiTip());
        }
    }

    private Label verdict(ShownTrait trait, int row) {
        Label verdict = new Label(trait.verdict(messages));
        verdict.setMinWidth(Region.USE_PREF_SIZE);
        verdict.getStyleClass().addAll("insi-verdict", verdictStyle(trait.comparison().concordance()));
        verdict.setId("insi-verdict-" + row);
        GridPane.setValignment(verdict, VPos.TOP);
        return verdict;
    }

    private int values(ShownTrait trait, int row, String caption, String text, String tip) {
        Label label = wrapping(caption, "muted");
        label.setMinWidth(Region.USE_PREF_SIZE);
        add(label, 0, row);
        add(value(trait, text, tip), 1, row, 2, 1);
        return row + 1;
    }

    private static Label value(ShownTrait trait, String text, String tip) {
        Label value = wrapping(text, "insi-value");
        GridPane.setValignment(value, VPos.TOP);
        if (trait.comparison().concordance() == Concordance.DIFFERENT) {
            value.getStyleClass().add("insi-value-different");
        }
        if (tip != null) {
            value.setTooltip(new Tooltip(tip));
        }
        return value;
    }

    private static Label wrapping(String text, String style) {
        Label label = new Label(text);
        GridPane.setValignment(label, VPos.TOP);
        label.setWrapText(true);
        label.setMinHeight(Region.USE_PREF_SIZE);
        label.getStyleClass().add(style);
        return label;
    }

    private static String verdictStyle(Concordance concordance) {
        return switch (concordance) {
            case IDENTIQUE -> "concord-same";
            case DIFFERENT -> "concord-different";
            case ABSENT_LOCALEMENT -> "concord-absent";
        };
    }
}
