package fr.opaline.ui.widgets;

import fr.opaline.core.patient.Patient;
import fr.opaline.ui.i18n.Messages;
import fr.opaline.ui.patient.IdentityPresentation;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.util.Duration;

/**
 * The identity status of a patient, readable without a click: a coloured label (provisoire,
 * récupérée, validée, qualifiée) and chips for douteuse, fictive, homonyme. Hovering explains
 * the status and how to reach "qualifiée".
 */
public final class IdentityBadge extends HBox {

    public enum Size { FULL, COMPACT }

    /** Where {@link Tooltip#install} keeps a node's tooltip. */
    public static final String TOOLTIP_KEY = "javafx.scene.control.Tooltip";

    private final Messages messages;
    private final Size size;

    public IdentityBadge(Messages messages, Size size) {
        this.messages = messages;
        this.size = size;
        getStyleClass().add("identity-badge");
        setAlignment(Pos.CENTER_LEFT);
        setSpacing(4);
    }

    public static IdentityBadge of(Patient patient, Messages messages, Size size) {
        IdentityBadge badge = new IdentityBadge(messages, size);
        badge.show(patient);
        return badge;
    }

    public void show(Patient patient) {
        getChildren().clear();
        if (patient == null) {
            return;
        }
        IdentityPresentation presentation = IdentityPresentation.of(patient, messages);
        setUserData(presentation);
        if (size == Size.COMPACT) {
            showCompact(presentation);
            return;
        }
        Label status = new Label(presentation.statusLabel());
        status.getStyleClass().addAll("identity-status", presentation.styleClass(), "identity-full");
        status.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        getChildren().add(status);
        for (IdentityPresentation.Chip chip : presentation.attributes()) {
            Label label = new Label(chip.label());
            label.getStyleClass().addAll("identity-attr", chip.styleClass(), "identity-full");
            label.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
            explainOnHover(label, chip.tooltip());
            getChildren().add(label);
        }
        explainOnHover(status, presentation.tooltip());
    }

    /**
     * Installs the tooltip when the mouse first comes over the label: a tooltip is a window, and
     * a table or an agenda shows many badges that are never hovered.
     */
    private static void explainOnHover(Label label, String text) {
        label.addEventHandler(javafx.scene.input.MouseEvent.MOUSE_ENTERED, e -> {
            if (!label.getProperties().containsKey(TOOLTIP_KEY)) {
                Tooltip.install(label, tip(text));
            }
        });
    }

    private void showCompact(IdentityPresentation presentation) {
        getChildren().add(dot(presentation));
    }

    /**
     * Agenda blocks: one coloured dot with the status's initial (P, R, V, Q), followed by "!" and
     * ringed in red when the identity has an attribute (douteuse, fictive, homonyme); explained
     * by the legend and the details card. A single node, no tooltip: a day has hundreds.
     */
    public static Label dot(Patient patient, Messages messages) {
        return dot(IdentityPresentation.of(patient, messages));
    }

    private static Label dot(IdentityPresentation presentation) {
        boolean flagged = !presentation.attributes().isEmpty();
        Label dot = new Label(presentation.shortLabel().substring(0, 1) + (flagged ? "!" : ""));
        dot.getStyleClass().addAll("identity-dot", presentation.styleClass());
        if (flagged) {
            dot.getStyleClass().add("identity-dot-flagged");
        }
        return dot;
    }

    public IdentityPresentation presentation() {
        return (IdentityPresentation) getUserData();
    }

    private static Tooltip tip(String text) {
        Tooltip tooltip = new Tooltip(text);
        tooltip.setWrapText(true);
        tooltip.setMaxWidth(420);
        tooltip.setShowDelay(Duration.millis(250));
        tooltip.setShowDuration(Duration.seconds(30));
        tooltip.getStyleClass().add("identity-tooltip");
        return tooltip;
    }
}
