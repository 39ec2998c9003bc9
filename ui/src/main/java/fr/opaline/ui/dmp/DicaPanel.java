package fr.opaline.ui.dmp;

import fr.opaline.core.episode.ConsultationConsent;
import fr.opaline.dmp.dica.DicaChecklist;
import fr.opaline.dmp.dica.DicaItem;
import fr.opaline.dmp.dica.DicaRemedy;
import fr.opaline.dmp.dica.DicaState;
import fr.opaline.ui.i18n.Messages;
import fr.opaline.ui.widgets.Banner;
import fr.opaline.ui.widgets.Icon;
import java.util.Map;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The DICA checklist (SC.DMP/UX.13): each condition with its state, the reason and the remedy;
 * the consent of the care episode is edited right here, and break-glass access asked with its
 * reason.
 */
public final class DicaPanel extends VBox {

    private final DicaViewModel model;
    private final Messages messages;
    private final GridPane rows = new GridPane();
    private final Runnable qualifyIns;
    private final Runnable askDmp;

    /**
     * @param qualifyIns what "Qualifier l'INS" does (the record shows its INSi card)
     * @param askDmp     what "Interroger à nouveau le DMP" does
     */
    public DicaPanel(DicaViewModel model, Messages messages, Runnable qualifyIns, Runnable askDmp) {
        super(10);
        this.model = model;
        this.messages = messages;
        this.qualifyIns = qualifyIns;
        this.askDmp = askDmp;
        setId("dica-panel");
        getStyleClass().addAll("card", "dica-panel");
        Label title = new Label(messages.get("dica.title"));
        title.getStyleClass().add("card-title");
        rows.setHgap(12);
        rows.setVgap(8);
        rows.setId("dica-checklist");
        Banner banner = new Banner();
        banner.bind(model.errorProperty(), model.infoProperty());
        // DMP/CONF.11: where the user first acts on the DMP (consent, break-glass), the tracing notice.
        Label traced = new Label(messages.get("dmp.rppsNotice"));
        traced.setId("dica-rpps-notice");
        traced.setWrapText(true);
        traced.getStyleClass().add("muted");
        getChildren().addAll(title, traced, rows, consentEditor(), banner);
        model.checklistProperty().addListener((o, was, now) -> show(now));
        show(model.checklistProperty().get());
    }

    private void show(DicaChecklist checklist) {
        rows.getChildren().clear();
        if (checklist == null) {
            rows.add(new Label(messages.get("dica.evaluating")), 0, 0);
            return;
        }
        int row = 0;
        for (DicaItem item : checklist.items()) {
            Label state = new Label(item.state().label(), (item.met() ? Icon.CHECK : item.state() == DicaState.UNKNOWN
                    ? Icon.INFO : Icon.CLOSE).node(14));
            state.getStyleClass().addAll("dica-state", "dica-" + item.state().name().toLowerCase());
            state.setId("dica-state-" + item.condition().name());
            Label condition = new Label(item.condition().label());
            condition.getStyleClass().add("fact-label");
            Label reason = new Label(item.reason());
            reason.setWrapText(true);
            reason.setId("dica-reason-" + item.condition().name());
            GridPane.setHgrow(reason, Priority.ALWAYS);
            rows.addRow(row, condition, state, reason);
            if (item.remedy() != DicaRemedy.NONE) {
                rows.add(remedy(item.remedy()), 2, ++row);
            }
            row++;
        }
    }

    private javafx.scene.Node remedy(DicaRemedy remedy) {
        Button action = new Button(remedy.label());
        action.getStyleClass().add("link-button");
        action.setId("dica-remedy-" + remedy.name());
        action.setWrapText(true);
        switch (remedy) {
            case QUALIFY_INS -> action.setOnAction(e -> qualifyIns.run());
            case CHECK_AGAIN -> action.setOnAction(e -> askDmp.run());
            case RECORD_CONSENT -> action.setOnAction(e -> lookup("#dica-consent-yes").requestFocus());
            case LOGIN_PSC -> action.setOnAction(e -> model.infoProperty().set(messages.get("dica.remedy.psc")));
            case SERVICE_STATUS -> action.setOnAction(e -> model.infoProperty().set(messages.get("dica.remedy.status")));
            case NONE -> { }
        }
        return action;
    }

    private VBox consentEditor() {
        Label title = new Label(messages.get("dica.consent"));
        title.getStyleClass().add("fact-label");
        CheckBox informed = new CheckBox(messages.get("dica.consent.informed"));
        informed.setId("dica-consent-informed");
        informed.selectedProperty().bindBidirectional(model.patientInformedProperty());
        CheckBox opposition = new CheckBox(messages.get("dica.consent.opposition"));
        opposition.setId("dica-consent-opposition");
        opposition.selectedProperty().bindBidirectional(model.feedingOppositionProperty());
        ToggleGroup group = new ToggleGroup();
        Map<ConsultationConsent, RadioButton> choices = Map.of(
                ConsultationConsent.NOT_ASKED, radio(group, ConsultationConsent.NOT_ASKED, "dica-consent-notAsked"),
                ConsultationConsent.GRANTED, radio(group, ConsultationConsent.GRANTED, "dica-consent-yes"),
                ConsultationConsent.REFUSED, radio(group, ConsultationConsent.REFUSED, "dica-consent-no"));
        group.selectToggle(choices.get(model.consultationProperty().get()));
        model.consultationProperty().addListener((o, was, now) -> group.selectToggle(choices.get(now)));
        group.selectedToggleProperty().addListener((o, was, now) -> {
            if (now != null) {
                model.consultationProperty().set((ConsultationConsent) now.getUserData());
            }
        });
        Label consultationLabel = new Label(messages.get("dica.consent.consultation"));
        HBox consultation = new HBox(12, consultationLabel, choices.get(ConsultationConsent.GRANTED),
                choices.get(ConsultationConsent.REFUSED), choices.get(ConsultationConsent.NOT_ASKED));
        consultation.setAlignment(Pos.CENTER_LEFT);
        Button save = new Button(messages.get("dica.consent.save"), Icon.CHECK.node(14));
        save.getStyleClass().add("primary");
        save.setId("dica-consent-save");
        save.disableProperty().bind(model.savingProperty());
        save.setOnAction(e -> model.saveConsent());

        TextField reason = new TextField();
        reason.setPromptText(messages.get("dica.breakGlass.prompt"));
        reason.setId("dica-break-glass-reason");
        reason.textProperty().bindBidirectional(model.breakGlassReasonProperty());
        HBox.setHgrow(reason, Priority.ALWAYS);
        Button breakGlass = new Button(messages.get("dica.breakGlass"), Icon.WARNING.node(14));
        breakGlass.getStyleClass().add("danger");
        breakGlass.setId("dica-break-glass");
        breakGlass.disableProperty().bind(model.savingProperty().or(reason.textProperty().isEmpty()));
        breakGlass.setOnAction(e -> model.breakGlass());
        HBox saveRow = new HBox(8, save);
        saveRow.setAlignment(Pos.CENTER_RIGHT);
        HBox glassRow = new HBox(8, reason, breakGlass);
        glassRow.setAlignment(Pos.CENTER_LEFT);
        VBox editor = new VBox(8, title, informed, opposition, consultation, saveRow, glassRow);
        editor.setId("dica-consent");
        return editor;
    }

    private RadioButton radio(ToggleGroup group, ConsultationConsent value, String id) {
        RadioButton button = new RadioButton(messages.label(value));
        button.setToggleGroup(group);
        button.setUserData(value);
        button.setId(id);
        return button;
    }
}
