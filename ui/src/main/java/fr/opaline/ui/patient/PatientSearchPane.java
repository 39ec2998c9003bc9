package fr.opaline.ui.patient;

import fr.opaline.ui.i18n.Messages;
import fr.opaline.ui.widgets.Banner;
import fr.opaline.ui.widgets.Caption;
import fr.opaline.ui.widgets.Icon;
import javafx.animation.PauseTransition;
import javafx.beans.property.StringProperty;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

/**
 * Search criteria (name, first name, birth date, IPP, INS) searched as one types, a field for
 * the scanner that reads a Datamatrix INS, and the results.
 */
public final class PatientSearchPane extends VBox {

    private final PatientSearchViewModel model;
    private final PatientTable table;
    private final TextField scan = new TextField();

    public PatientSearchPane(PatientSearchViewModel model, Messages messages) {
        this.model = model;
        getStyleClass().add("patient-search");
        setSpacing(10);
        PauseTransition typing = new PauseTransition(Duration.millis(300));
        typing.setOnFinished(e -> model.search());

        GridPane criteria = new GridPane();
        criteria.setHgap(8);
        criteria.setVgap(4);
        TextField name = field(model.nameProperty(), messages.get("search.name.prompt"), "search-name", typing);
        TextField first = field(model.firstNameProperty(), messages.get("search.firstName.prompt"), "search-first-name", typing);
        TextField birth = field(model.birthDateProperty(), messages.get("search.birthDate.prompt"), "search-birth-date", typing);
        TextField ipp = field(model.ippProperty(), messages.get("search.ipp.prompt"), "search-ipp", typing);
        TextField ins = field(model.insProperty(), messages.get("search.ins.prompt"), "search-ins", typing);
        criteria.addRow(0, Caption.of(messages.get("search.name")), Caption.of(messages.get("search.firstName")),
                Caption.of(messages.get("search.birthDate")), Caption.of(messages.get("search.ipp")),
                Caption.of(messages.get("search.ins")));
        criteria.addRow(1, name, first, birth, ipp, ins);
        for (TextField f : new TextField[] {name, first}) {
            GridPane.setHgrow(f, Priority.ALWAYS);
        }
        birth.setPrefColumnCount(8);
        ipp.setPrefColumnCount(7);
        ins.setPrefColumnCount(11);

        scan.setPromptText(messages.get("search.scan.prompt"));
        scan.setId("search-scan");
        HBox.setHgrow(scan, Priority.ALWAYS);
        scan.setOnAction(e -> {
            model.scan(scan.getText());
            scan.clear();
        });
        // A scanner types fast and may not send Enter: read the field once it stops changing.
        PauseTransition scanned = new PauseTransition(Duration.millis(400));
        scanned.setOnFinished(e -> {
            if (model.isScan(scan.getText()) && scan.getText().length() > 60) {
                model.scan(scan.getText());
                scan.clear();
            }
        });
        scan.textProperty().addListener((o, was, now) -> scanned.playFromStart());
        Label scanLabel = new Label(messages.get("search.scan"), Icon.SCAN.node(16));
        scanLabel.getStyleClass().add("field-caption");
        Button clear = new Button(messages.get("search.clear"));
        clear.setOnAction(e -> model.clear());
        HBox scanRow = new HBox(8, scanLabel, scan, clear);
        scanRow.setAlignment(Pos.CENTER_LEFT);

        Label scannedInfo = new Label();
        scannedInfo.getStyleClass().add("scan-info");
        scannedInfo.setId("search-scanned");
        scannedInfo.setWrapText(true);
        model.scannedProperty().addListener((o, was, now) -> {
            scannedInfo.setText(model.scannedSummary());
            scannedInfo.setVisible(now != null);
            scannedInfo.setManaged(now != null);
        });
        scannedInfo.setVisible(false);
        scannedInfo.setManaged(false);

        Banner error = new Banner();
        error.bindError(model.errorProperty());

        Label status = new Label();
        status.textProperty().bind(model.statusProperty());
        status.getStyleClass().add("muted");
        status.setId("search-status");

        table = new PatientTable(model.results(), messages);
        table.setId("search-results");
        table.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> {
            if (now != null) {
                model.selectedProperty().set(now);
            }
        });
        model.selectedProperty().addListener((o, was, now) -> {
            if (now != null && table.getSelectionModel().getSelectedItem() != now) {
                table.getSelectionModel().select(now);
            }
        });
        VBox.setVgrow(table, Priority.ALWAYS);
        getChildren().addAll(criteria, scanRow, scannedInfo, error, status, table);
    }

    public PatientTable table() {
        return table;
    }

    public void focusName() {
        lookup("#search-name").requestFocus();
    }

    private TextField field(StringProperty property, String prompt, String id, PauseTransition typing) {
        TextField field = new TextField();
        field.textProperty().bindBidirectional(property);
        field.setPromptText(prompt);
        field.setId(id);
        field.textProperty().addListener((o, was, now) -> {
            if (field.isFocused()) {
                typing.playFromStart();
            }
        });
        field.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                typing.stop();
                if (model.isScan(field.getText())) {
                    String text = field.getText();
                    property.set("");
                    model.scan(text);
                } else {
                    model.search();
                }
            }
        });
        return field;
    }

}
