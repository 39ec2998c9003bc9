package fr.opaline.ui.patient;

import fr.opaline.core.patient.Sex;
import fr.opaline.ui.i18n.Messages;
import fr.opaline.ui.insi.InsiComparisonPane;
import fr.opaline.ui.widgets.Caption;
import fr.opaline.ui.widgets.Icon;
import javafx.beans.property.StringProperty;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** The new patient form: strict traits first, used names apart, created provisoire. */
public final class NewPatientForm extends VBox {

    public NewPatientForm(NewPatientViewModel model, Messages messages, Runnable create, Runnable abandon) {
        this(model, messages, create, null, abandon);
    }

    /** @param createFromInsi creates the patient from INSi's identity; null: no INSi in this form */
    public NewPatientForm(NewPatientViewModel model, Messages messages, Runnable create, Runnable createFromInsi,
                          Runnable abandon) {
        getStyleClass().add("new-patient");
        setSpacing(10);
        setId("new-patient");
        Label title = new Label(messages.get("newPatient.title"));
        title.getStyleClass().add("card-title");
        Label note = new Label(messages.get("newPatient.note"));
        note.getStyleClass().add("muted");
        note.setWrapText(true);

        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(8);
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(Region.USE_PREF_SIZE);
        ColumnConstraints fields = new ColumnConstraints();
        fields.setHgrow(Priority.ALWAYS);
        grid.getColumnConstraints().addAll(labels, fields, labels, fields);
        int row = 0;
        grid.addRow(row++, Caption.of(messages.get("newPatient.birthName")),
                field(model.birthNameProperty(), "new-birth-name", ""),
                Caption.of(messages.get("newPatient.birthFirstNames")),
                field(model.birthFirstNamesProperty(), "new-first-names", messages.get("newPatient.birthFirstNames.prompt")));
        grid.addRow(row++, Caption.of(messages.get("newPatient.usedName")), field(model.usedNameProperty(), "new-used-name", ""),
                Caption.of(messages.get("newPatient.usedFirstName")),
                field(model.usedFirstNameProperty(), "new-used-first-name", ""));

        ToggleGroup sexes = new ToggleGroup();
        RadioButton female = new RadioButton(messages.label(Sex.F));
        female.setId("new-sex-F");
        RadioButton male = new RadioButton(messages.label(Sex.M));
        male.setId("new-sex-M");
        female.setToggleGroup(sexes);
        male.setToggleGroup(sexes);
        female.setUserData(Sex.F);
        male.setUserData(Sex.M);
        sexes.selectedToggleProperty().addListener((o, was, now) ->
                model.sexProperty().set(now == null ? null : (Sex) now.getUserData()));
        model.sexProperty().addListener((o, was, now) -> sexes.selectToggle(now == Sex.F ? female : now == Sex.M ? male : null));
        HBox sexBox = new HBox(14, female, male);
        sexBox.setAlignment(Pos.CENTER_LEFT);
        grid.addRow(row++, Caption.of(messages.get("newPatient.birthDate")),
                field(model.birthDateProperty(), "new-birth-date", messages.get("search.birthDate.prompt")),
                Caption.of(messages.get("newPatient.sex")), sexBox);
        grid.addRow(row++, Caption.of(messages.get("newPatient.birthplace")),
                model.birthplaces() == null
                        ? field(model.birthplaceCodeProperty(), "new-birthplace", messages.get("newPatient.birthplace.prompt"))
                        : birthplacePicker(model.birthplaces(), model.birthplaceCodeProperty(), messages),
                Caption.of(messages.get("newPatient.phone")), field(model.phoneProperty(), "new-phone", ""));
        CheckBox doubtful = new CheckBox(messages.get("newPatient.doubtful"));
        doubtful.selectedProperty().bindBidirectional(model.doubtfulProperty());
        CheckBox fictitious = new CheckBox(messages.get("newPatient.fictitious"));
        fictitious.selectedProperty().bindBidirectional(model.fictitiousProperty());
        HBox attributes = new HBox(16, doubtful, fictitious);
        grid.add(attributes, 1, row, 3, 1);

        Label error = new Label();
        error.getStyleClass().add("form-error");
        error.textProperty().bind(model.errorProperty());
        error.visibleProperty().bind(model.errorProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());
        error.setWrapText(true);
        error.setId("new-patient-error");

        Button save = new Button(messages.get("newPatient.create"), Icon.CHECK.node(14));
        save.getStyleClass().add("primary");
        save.setId("new-patient-create");
        save.disableProperty().bind(model.savingProperty());
        save.setOnAction(e -> create.run());
        Button cancel = new Button(messages.get("common.cancel"));
        cancel.setOnAction(e -> abandon.run());
        HBox buttons = new HBox(8, cancel, save);
        buttons.setAlignment(Pos.CENTER_RIGHT);
        getChildren().addAll(title, note, grid, error);
        if (createFromInsi != null && model.insi().available()) {
            Button lookup = new Button(messages.get("newPatient.insi"), Icon.SEARCH.node(14));
            lookup.setId("new-patient-insi");
            lookup.disableProperty().bind(model.insi().busyProperty());
            lookup.setOnAction(e -> model.lookupInsi());
            buttons.getChildren().add(0, lookup);
            getChildren().add(new InsiComparisonPane(model.insi(), messages, messages.get("newPatient.fromInsi"),
                    createFromInsi, true));
        }
        getChildren().add(buttons);
    }


    private static TextField field(StringProperty property, String id, String prompt) {
        TextField field = new TextField();
        field.textProperty().bindBidirectional(property);
        field.setId(id);
        field.setPromptText(prompt);
        return field;
    }

    /** A name field whose matches drop down under it; the chosen place is shown by name under the field. */
    private static VBox birthplacePicker(BirthplacePicker picker, StringProperty code, Messages messages) {
        TextField name = new TextField();
        code.addListener((o, was, now) -> {
            if ((now == null || now.isEmpty()) && !name.isFocused()) {
                name.clear();
            }
        });
        name.setId("new-birthplace-name");
        name.setPromptText(messages.get("birthplace.prompt"));
        javafx.scene.control.ContextMenu menu = new javafx.scene.control.ContextMenu();
        menu.setId("birthplace-suggestions");
        boolean[] choosing = {false};
        name.textProperty().addListener((o, was, now) -> {
            if (name.isFocused() && !choosing[0]) {
                picker.find(now);
            }
        });
        picker.suggestions().addListener((javafx.collections.ListChangeListener<fr.opaline.api.Birthplace>) c -> {
            menu.getItems().clear();
            for (fr.opaline.api.Birthplace place : picker.suggestions()) {
                javafx.scene.control.MenuItem item = new javafx.scene.control.MenuItem(BirthplacePicker.describe(place));
                item.setId("birthplace-" + place.code() + "-" + place.kind().replaceAll("[^A-Za-z]", ""));
                item.setOnAction(e -> {
                    picker.choose(place);
                    // The chosen name in the field is not a new search.
                    choosing[0] = true;
                    try {
                        name.setText(place.name());
                    } finally {
                        choosing[0] = false;
                    }
                });
                menu.getItems().add(item);
            }
            if (menu.getItems().isEmpty()) {
                menu.hide();
            } else if (!menu.isShowing() && name.getScene() != null) {
                menu.show(name, javafx.geometry.Side.BOTTOM, 0, 0);
            }
        });
        Label chosen = new Label();
        chosen.setId("new-birthplace-chosen");
        chosen.getStyleClass().add("muted");
        chosen.setWrapText(true);
        chosen.textProperty().bind(javafx.beans.binding.Bindings.when(picker.statusProperty().isEmpty())
                .then(picker.chosenProperty()).otherwise(picker.statusProperty()));
        return new VBox(4, name, chosen);
    }
}
