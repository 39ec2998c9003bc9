package fr.opaline.ui.dmp;

import fr.opaline.dmp.dica.DicaChecklist;
import fr.opaline.ui.i18n.Messages;
import fr.opaline.ui.widgets.Icon;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.util.Duration;

/**
 * The DICA icon in the record's header, in two states: active (the DMP can be consulted) or
 * inactive. Hovering shows the checklist in short; clicking opens the full checklist with its
 * remedies and the consent.
 */
public final class DicaIcon extends ToggleButton {

    public DicaIcon(DicaViewModel model, Messages messages) {
        setId("dica-icon");
        setGraphic(Icon.PROVENANCE_DMP.node(16));
        getStyleClass().add("dica-icon");
        Tooltip tip = new Tooltip();
        tip.setShowDelay(Duration.millis(250));
        tip.setShowDuration(Duration.seconds(30));
        tip.setWrapText(true);
        tip.setMaxWidth(520);
        setTooltip(tip);
        model.checklistProperty().addListener((o, was, now) -> show(now, messages, tip));
        show(model.checklistProperty().get(), messages, tip);
    }

    private void show(DicaChecklist checklist, Messages messages, Tooltip tip) {
        getStyleClass().removeAll("dica-active", "dica-inactive");
        boolean active = checklist != null && checklist.canConsult();
        getStyleClass().add(active ? "dica-active" : "dica-inactive");
        setText(messages.get(active ? "dica.active" : "dica.inactive"));
        tip.setText(checklist == null ? messages.get("dica.evaluating")
                : String.join("\n", checklist.lines()));
    }
}
