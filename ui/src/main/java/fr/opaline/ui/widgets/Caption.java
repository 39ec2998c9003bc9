package fr.opaline.ui.widgets;

import javafx.scene.control.Label;
import javafx.scene.layout.Region;

/** The small bold caption above or beside a field; never shortened. */
public final class Caption {

    private Caption() {
    }

    public static Label of(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("field-caption");
        label.setMinWidth(Region.USE_PREF_SIZE);
        return label;
    }
}
