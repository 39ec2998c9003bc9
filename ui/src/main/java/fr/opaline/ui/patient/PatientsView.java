package fr.opaline.ui.patient;

import fr.opaline.core.patient.Patient;
import fr.opaline.ui.i18n.Messages;
import fr.opaline.ui.widgets.Icon;
import java.util.function.Consumer;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/** The patients screen: search (and creation), then the record of the patient opened. */
public final class PatientsView extends StackPane {

    private final PatientSearchViewModel search;
    private final NewPatientViewModel newPatient;
    private final PatientRecordViewModel record;
    private final BorderPane searchPage = new BorderPane();
    private final PatientRecordView recordPage;
    private final PatientSearchPane searchPane;
    private final VBox searchCard;
    private final NewPatientForm form;
    private final Messages messages;

    public PatientsView(PatientSearchViewModel search, NewPatientViewModel newPatient, PatientRecordViewModel record,
                        Messages messages, java.time.Clock clock, Consumer<Patient> book) {
        this.search = search;
        this.newPatient = newPatient;
        this.record = record;
        setId("patients");
        getStyleClass().add("screen");

        Label title = new Label(messages.get("patients.title"));
        title.getStyleClass().add("screen-title");
        Button create = new Button(messages.get("patients.new"), Icon.PLUS.node(14));
        create.setId("patients-new");
        create.setOnAction(e -> startCreation());
        Button open = new Button(messages.get("patients.open"), Icon.FOLDER.node(14));
        open.getStyleClass().add("primary");
        open.setId("patients-open");
        open.disableProperty().bind(search.selectedProperty().isNull());
        open.setOnAction(e -> openSelected());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox toolbar = new HBox(12, title, spacer, create, open);
        toolbar.setAlignment(Pos.CENTER_LEFT);
        toolbar.getStyleClass().addAll("toolbar", "screen-top");

        searchPane = new PatientSearchPane(search, messages);
        searchPane.table().setOnMouseClicked(e -> {
            if (e.getClickCount() == 2) {
                openSelected();
            }
        });
        searchPane.table().setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                openSelected();
            }
        });
        searchCard = new VBox(searchPane);
        searchCard.getStyleClass().add("card");
        VBox.setVgrow(searchPane, Priority.ALWAYS);
        java.util.function.Consumer<Patient> created = patient -> {
            search.showCreated(patient);
            showSearch();
            open(patient);
        };
        form = new NewPatientForm(newPatient, messages, () -> newPatient.create(created),
                () -> newPatient.createFromInsi(created), this::showSearch);
        form.getStyleClass().add("card");
        searchPage.setTop(toolbar);
        searchPage.setCenter(searchCard);
        searchPage.setPadding(new Insets(0, 16, 16, 16));

        recordPage = new PatientRecordView(record, messages, clock, book);
        this.messages = messages;
        getChildren().addAll(searchPage);
    }

    private void startCreation() {
        newPatient.prefill(search);
        searchPage.setCenter(form);
    }

    private void showSearch() {
        searchPage.setCenter(searchCard);
        getChildren().setAll(searchPage);
    }

    private void openSelected() {
        Patient selected = search.selectedProperty().get();
        if (selected != null) {
            open(selected);
        }
    }

    /** Shows the record of a patient found here; "back" returns to the search. */
    public void open(Patient patient) {
        open(patient, messages.get("record.back"), this::showSearch);
    }

    /** Shows the record of a patient from elsewhere in the desktop, with where "back" leads. */
    public void open(Patient patient, String backLabel, Runnable back) {
        recordPage.setBack(backLabel, () -> {
            showSearch();
            back.run();
        });
        record.open(patient.id());
        getChildren().setAll(recordPage);
    }

    public void focusSearch() {
        if (getChildren().contains(searchPage)) {
            searchPane.focusName();
        }
    }

    public PatientRecordView recordPage() {
        return recordPage;
    }

    public PatientRecordViewModel record() {
        return record;
    }
}
