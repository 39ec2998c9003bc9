package fr.opaline.ui.widgets;

import javafx.animation.PauseTransition;
import javafx.beans.property.StringProperty;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.util.Duration;

/**
 * A message strip above a screen's content: an error (stays until closed or replaced) or an
 * information (fades after a few seconds). Bound to a view-model's message properties.
 */
public final class Banner extends HBox {

    private final Label text = new Label();
    private final javafx.scene.layout.StackPane icon = new javafx.scene.layout.StackPane();
    private final PauseTransition hideInfo = new PauseTransition(Duration.seconds(8));
    private StringProperty shownSource;

    public Banner() {
        getStyleClass().add("banner");
        setAlignment(Pos.CENTER_LEFT);
        setSpacing(10);
        text.setWrapText(true);
        text.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(text, Priority.ALWAYS);
        Button close = new Button();
        close.setGraphic(Icon.CLOSE.node(12));
        close.getStyleClass().add("banner-close");
        close.setOnAction(e -> dismiss());
        getChildren().addAll(icon, text, close);
        hideInfo.setOnFinished(e -> dismiss());
        setVisible(false);
        setManaged(false);
    }

    /** Shows the error property's text in red and the info property's text in green. */
    public void bind(StringProperty error, StringProperty info) {
        error.addListener((o, was, now) -> show(error, now, true));
        if (info != null) {
            info.addListener((o, was, now) -> show(info, now, false));
        }
    }

    public void bindError(StringProperty error) {
        bind(error, null);
    }

    private void show(StringProperty source, String message, boolean isError) {
        if (message == null || message.isBlank()) {
            if (source == shownSource) {
                hide();
            }
            return;
        }
        shownSource = source;
        text.setText(message);
        getStyleClass().removeAll("banner-error", "banner-info");
        getStyleClass().add(isError ? "banner-error" : "banner-info");
        icon.getChildren().setAll((isError ? Icon.WARNING : Icon.CHECK).node(16));
        setVisible(true);
        setManaged(true);
        hideInfo.stop();
        if (!isError) {
            hideInfo.playFromStart();
        }
    }

    private void dismiss() {
        if (shownSource != null) {
            shownSource.set("");
        }
        hide();
    }

    private void hide() {
        hideInfo.stop();
        shownSource = null;
        setVisible(false);
        setManaged(false);
    }

    public String message() {
        return isVisible() ? text.getText() : "";
    }
}
