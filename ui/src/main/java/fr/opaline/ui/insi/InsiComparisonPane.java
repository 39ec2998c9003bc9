package fr.opaline.ui.insi;

import fr.opaline.ins.insi.InsiLookupResult;
import fr.opaline.ui.i18n.Messages;
import fr.opaline.ui.widgets.Icon;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * INSi's answer as the user reads it: the message and the advice of the ins module, then each
 * trait (the value entered here above the one INSi returned, the verdict in words and colour),
 * then the one-click action.
 */
public final class InsiComparisonPane extends VBox {

    /**
     * @param actionText what the one-click button says ("Valider l'identité INSi", "Créer avec…")
     * @param action     what it does; the button only shows when INSi returned an identity
     */
    public InsiComparisonPane(InsiRetrievalViewModel model, Messages messages, String actionText, Runnable action,
                              boolean alsoWhenConcordant) {
        super(8);
        getStyleClass().add("insi-pane");
        setId("insi-pane");

        ProgressIndicator progress = new ProgressIndicator();
        progress.setPrefSize(16, 16);
        Label waiting = new Label(messages.get("insi.waiting"), progress);
        waiting.visibleProperty().bind(model.busyProperty());
        waiting.managedProperty().bind(waiting.visibleProperty());

        Label message = new Label();
        message.setWrapText(true);
        message.setId("insi-message");
        message.getStyleClass().add("insi-message");
        Label advice = new Label();
        advice.setWrapText(true);
        advice.getStyleClass().add("muted");
        advice.setId("insi-advice");
        Label error = new Label();
        error.setWrapText(true);
        error.getStyleClass().add("form-error");
        error.setId("insi-error");
        error.textProperty().bind(model.errorProperty());
        error.visibleProperty().bind(model.errorProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());

        TraitComparisonGrid table = new TraitComparisonGrid(model.shown(), messages);

        Button validate = new Button(actionText, Icon.CHECK.node(14));
        validate.getStyleClass().add("primary");
        validate.setId("insi-validate");
        validate.setOnAction(e -> action.run());
        if (alsoWhenConcordant) {
            validate.visibleProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(
                    model::foundIdentity, model.resultProperty()));
            validate.disableProperty().bind(model.busyProperty());
        } else {
            validate.visibleProperty().bind(model.validatableProperty());
        }
        validate.managedProperty().bind(validate.visibleProperty());
        HBox buttons = new HBox(8, validate);
        buttons.setAlignment(Pos.CENTER_RIGHT);

        model.resultProperty().addListener((o, was, now) -> {
            message.setText(now == null ? "" : now.message());
            advice.setText(now == null ? "" : now.advice());
            message.getStyleClass().removeAll("insi-ok", "insi-warning");
            if (now != null) {
                message.getStyleClass().add(now.outcome() == InsiLookupResult.Outcome.RECUPEREE_AUTOMATIQUEMENT
                        || now.outcome() == InsiLookupResult.Outcome.A_VALIDER ? "insi-ok" : "insi-warning");
            }
        });
        for (Label l : new Label[] {message, advice}) {
            l.visibleProperty().bind(l.textProperty().isNotEmpty());
            l.managedProperty().bind(l.visibleProperty());
        }
        getChildren().addAll(waiting, error, message, table, advice, buttons);
    }


}
