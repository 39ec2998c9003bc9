package fr.opaline.ui.identity;

import fr.opaline.core.patient.ContactDetails;
import fr.opaline.core.patient.IdentityAttributes;
import fr.opaline.core.patient.IdentityTraits;
import fr.opaline.core.patient.Patient;
import fr.opaline.core.patient.Sex;
import fr.opaline.ins.status.IdentityEvidence;
import fr.opaline.ui.i18n.Messages;
import fr.opaline.ui.widgets.Banner;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.function.Supplier;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/**
 * The record's identity actions at the desk: one form at a time, opened by its button — the
 * identity-document check (type from the high-trust list, date, who checked, confirmed by a tick),
 * the attributes, the correction of traits (with a warning when they came from INSi) and the
 * contact details.
 */
public final class IdentityDeskPane extends VBox {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private final IdentityDeskViewModel model;
    private final Messages messages;
    private final Clock clock;
    private final Supplier<String> userName;
    private final VBox form = new VBox(8);

    public IdentityDeskPane(IdentityDeskViewModel model, Messages messages, Clock clock, Supplier<String> userName) {
        super(10);
        this.model = model;
        this.messages = messages;
        this.clock = clock;
        this.userName = userName;
        setId("identity-desk");
        getStyleClass().addAll("card", "identity-desk");
        Label title = new Label(messages.get("desk.title"));
        title.getStyleClass().add("card-title");
        Button check = action("desk.check", "identity-check-open", this::checkForm);
        Button attributes = action("desk.attributes", "identity-attributes-open", this::attributesForm);
        Button traits = action("desk.traits", "identity-traits-open", this::traitsForm);
        Button contact = action("desk.contact", "identity-contact-open", this::contactForm);
        javafx.scene.layout.FlowPane actions = new javafx.scene.layout.FlowPane(8, 8, check, attributes, traits, contact);
        Banner banner = new Banner();
        banner.bind(model.errorProperty(), model.infoProperty());
        banner.setId("identity-desk-banner");
        form.setId("identity-desk-form");
        getChildren().addAll(title, actions, form, banner);
        model.patientProperty().addListener((o, was, now) -> {
            if (was == null || now == null || !was.id().equals(now.id())) {
                form.getChildren().clear();
            }
        });
    }

    /** Opens the identity-document check (the DICA's "Qualifier l'INS" leads here). */
    public void openCheck() {
        checkForm();
    }

    private Button action(String key, String id, Runnable open) {
        Button button = new Button(messages.get(key));
        button.setId(id);
        button.getStyleClass().add("link-button");
        button.disableProperty().bind(model.busyProperty().or(model.patientProperty().isNull()));
        button.setOnAction(e -> open.run());
        return button;
    }

    private void checkForm() {
        ComboBox<IdentityEvidence> document = new ComboBox<>();
        document.getItems().setAll(IdentityEvidence.values());
        document.setConverter(converter(IdentityEvidence::label));
        document.setId("identity-check-document");
        document.setPromptText(messages.get("desk.check.document"));
        DatePicker date = new DatePicker(LocalDate.now(clock));
        date.setId("identity-check-date");
        date.setConverter(dates());
        TextField by = new TextField(userName.get());
        by.setId("identity-check-by");
        TextField comment = new TextField();
        comment.setId("identity-check-comment");
        CheckBox seen = new CheckBox(messages.get("desk.check.seen"));
        seen.setId("identity-check-seen");
        seen.setWrapText(true);
        Label hint = hint(messages.get("desk.check.hint"));
        Button save = primary("desk.check.save", "identity-check-save");
        save.disableProperty().bind(model.busyProperty().or(seen.selectedProperty().not())
                .or(document.valueProperty().isNull()));
        save.setOnAction(e -> model.recordCheck(document.getValue(), date.getValue(), by.getText(), comment.getText()));
        show(grid(List.of(messages.get("desk.check.document"), messages.get("desk.check.date"),
                messages.get("desk.check.by"), messages.get("desk.check.comment")), document, date, by, comment),
                hint, seen, row(save));
    }

    private void attributesForm() {
        IdentityAttributes now = model.patientProperty().get().attributes();
        CheckBox doubtful = check("desk.attr.doubtful", "identity-attr-doubtful", now.doubtful());
        CheckBox fictitious = check("desk.attr.fictitious", "identity-attr-fictitious", now.fictitious());
        CheckBox homonym = check("desk.attr.homonym", "identity-attr-homonym", now.homonym());
        TextField reason = new TextField();
        reason.setId("identity-attr-reason");
        reason.setPromptText(messages.get("desk.reason"));
        Button save = primary("desk.attributes.save", "identity-attr-save");
        save.disableProperty().bind(model.busyProperty().or(reason.textProperty().isEmpty()));
        save.setOnAction(e -> model.setAttributes(new IdentityAttributes(doubtful.isSelected(), fictitious.isSelected(),
                homonym.isSelected()), reason.getText()));
        show(doubtful, fictitious, homonym, hint(messages.get("desk.attributes.hint")), reason, row(save));
    }

    private void traitsForm() {
        Patient shown = model.patientProperty().get();
        IdentityTraits now = shown.traits();
        TextField birthName = field("identity-traits-birthName", now.birthName());
        TextField firstNames = field("identity-traits-firstNames", now.birthFirstNames());
        TextField birthDate = field("identity-traits-birthDate", now.birthDate().format(DATE));
        ComboBox<Sex> sex = new ComboBox<>();
        sex.getItems().setAll(Sex.F, Sex.M);
        sex.setValue(now.sex());
        sex.setConverter(converter(messages::label));
        sex.setId("identity-traits-sex");
        TextField birthplace = field("identity-traits-birthplace", now.birthplaceCode());
        TextField reason = new TextField();
        reason.setId("identity-traits-reason");
        reason.setPromptText(messages.get("desk.reason"));
        Label warning = new Label(messages.get("desk.traits.warning"));
        warning.setWrapText(true);
        warning.setId("identity-traits-warning");
        warning.getStyleClass().add("insi-warning");
        warning.setVisible(false);
        warning.setManaged(false);
        Button save = primary("desk.traits.save", "identity-traits-save");
        Button confirm = new Button(messages.get("desk.traits.confirm"));
        confirm.getStyleClass().add("danger");
        confirm.setId("identity-traits-confirm");
        confirm.visibleProperty().bind(warning.visibleProperty());
        confirm.managedProperty().bind(warning.visibleProperty());
        confirm.disableProperty().bind(model.busyProperty());
        save.disableProperty().bind(model.busyProperty().or(reason.textProperty().isEmpty()));
        Runnable send = () -> {
            LocalDate date;
            try {
                date = LocalDate.parse(birthDate.getText().strip(), DATE);
            } catch (DateTimeParseException ex) {
                model.errorProperty().set(messages.get("desk.traits.badDate"));
                return;
            }
            String place = birthplace.getText() == null || birthplace.getText().isBlank() ? null
                    : birthplace.getText().strip();
            model.correctTraits(new IdentityTraits(birthName.getText().strip(), firstNames.getText().strip(), null, date,
                    sex.getValue(), place), reason.getText());
        };
        save.setOnAction(e -> {
            if (model.traitsLocked()) {
                warning.setVisible(true);
                warning.setManaged(true);
            } else {
                send.run();
            }
        });
        confirm.setOnAction(e -> send.run());
        show(grid(List.of(messages.get("desk.traits.birthName"), messages.get("desk.traits.firstNames"),
                messages.get("desk.traits.birthDate"), messages.get("desk.traits.sex"),
                messages.get("desk.traits.birthplace")), birthName, firstNames, birthDate, sex, birthplace),
                hint(messages.get(model.traitsLocked() ? "desk.traits.locked" : "desk.traits.free")), reason, warning,
                row(save, confirm));
    }

    private void contactForm() {
        ContactDetails now = model.patientProperty().get().contact();
        TextField phone = field("identity-contact-phone", now.phone());
        TextField email = field("identity-contact-email", now.email());
        TextField address = field("identity-contact-address", now.addressLine());
        TextField postal = field("identity-contact-postal", now.postalCode());
        TextField city = field("identity-contact-city", now.city());
        Button save = primary("desk.contact.save", "identity-contact-save");
        save.disableProperty().bind(model.busyProperty());
        save.setOnAction(e -> model.updateContact(new ContactDetails(phone.getText(), email.getText(), address.getText(),
                postal.getText(), city.getText())));
        show(grid(List.of(messages.get("desk.contact.phone"), messages.get("desk.contact.email"),
                messages.get("desk.contact.address"), messages.get("desk.contact.postal"),
                messages.get("desk.contact.city")), phone, email, address, postal, city), row(save));
    }

    private void show(Node... nodes) {
        model.errorProperty().set("");
        form.getChildren().setAll(nodes);
    }

    private GridPane grid(List<String> labels, Node... fields) {
        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(6);
        for (int i = 0; i < fields.length; i++) {
            Label label = new Label(labels.get(i));
            label.getStyleClass().add("fact-label");
            grid.addRow(i, label, fields[i]);
        }
        return grid;
    }

    private static HBox row(Node... nodes) {
        HBox row = new HBox(8, nodes);
        row.setAlignment(Pos.CENTER_RIGHT);
        return row;
    }

    private Button primary(String key, String id) {
        Button button = new Button(messages.get(key));
        button.getStyleClass().add("primary");
        button.setId(id);
        return button;
    }

    private CheckBox check(String key, String id, boolean selected) {
        CheckBox box = new CheckBox(messages.get(key));
        box.setId(id);
        box.setSelected(selected);
        return box;
    }

    private static TextField field(String id, String value) {
        TextField field = new TextField(value == null ? "" : value);
        field.setId(id);
        return field;
    }

    private static Label hint(String text) {
        Label hint = new Label(text);
        hint.setWrapText(true);
        hint.getStyleClass().add("muted");
        return hint;
    }

    private static <T> StringConverter<T> converter(java.util.function.Function<T, String> label) {
        return new StringConverter<>() {
            @Override
            public String toString(T value) {
                return value == null ? "" : label.apply(value);
            }

            @Override
            public T fromString(String text) {
                return null;
            }
        };
    }

    private static StringConverter<LocalDate> dates() {
        return new StringConverter<>() {
            @Override
            public String toString(LocalDate value) {
                return value == null ? "" : value.format(DATE);
            }

            @Override
            public LocalDate fromString(String text) {
                try {
                    return text == null || text.isBlank() ? null : LocalDate.parse(text.strip(), DATE);
                } catch (DateTimeParseException e) {
                    return null;
                }
            }
        };
    }
}
