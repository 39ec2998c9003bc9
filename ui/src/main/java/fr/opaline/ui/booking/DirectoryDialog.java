package fr.opaline.ui.booking;

import fr.opaline.api.DirectoryContact;
import fr.opaline.ui.i18n.Messages;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * The prescriber's search in the annuaire santé at booking: by name or RPPS, one line per MSSanté
 * address (the professional's own, their cabinet's on the PractitionerRole, their structure's);
 * the address chosen is the one the CR will be mailed to. The search runs off the FX thread.
 */
final class DirectoryDialog {

    private final Stage stage = new Stage();
    private final BookingViewModel model;
    private final Messages messages;
    private final TextField name = new TextField();
    private final TextField rpps = new TextField();
    private final ListView<DirectoryContact> results = new ListView<>();
    private final Label status = new Label();

    DirectoryDialog(Window owner, BookingViewModel model, Messages messages) {
        this.model = model;
        this.messages = messages;
        stage.initOwner(owner);
        stage.initModality(Modality.WINDOW_MODAL);
        stage.setTitle(messages.get("directory.title"));
        name.setId("directory-name");
        name.setPromptText(messages.get("directory.name.prompt"));
        rpps.setId("directory-rpps");
        rpps.setPromptText(messages.get("directory.rpps.prompt"));
        Button search = new Button(messages.get("directory.search"));
        search.setId("directory-search");
        search.setDefaultButton(true);
        search.setOnAction(e -> search());
        results.setId("directory-results");
        results.setPrefHeight(220);
        results.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(DirectoryContact c, boolean empty) {
                super.updateItem(c, empty);
                setText(empty || c == null ? null : line(c));
            }
        });
        status.setId("directory-status");
        status.setWrapText(true);
        Button choose = new Button(messages.get("directory.choose"));
        choose.setId("directory-choose");
        choose.getStyleClass().add("primary");
        choose.disableProperty().bind(results.getSelectionModel().selectedItemProperty().isNull());
        choose.setOnAction(e -> {
            model.choosePrescriber(results.getSelectionModel().getSelectedItem());
            stage.close();
        });
        Button close = new Button(messages.get("common.cancel"));
        close.setCancelButton(true);
        close.setOnAction(e -> stage.close());
        HBox.setHgrow(name, Priority.ALWAYS);
        HBox criteria = new HBox(8, name, rpps, search);
        HBox buttons = new HBox(10, close, choose);
        buttons.setAlignment(Pos.CENTER_RIGHT);
        VBox root = new VBox(10, criteria, results, status, buttons);
        root.setPadding(new Insets(16));
        root.setPrefWidth(640);
        root.setId("directory-dialog");
        root.getStyleClass().add("dialog-root");
        Scene scene = new Scene(root);
        if (owner != null && owner.getScene() != null) {
            scene.getStylesheets().addAll(owner.getScene().getStylesheets());
        }
        stage.setScene(scene);
    }

    void show() {
        results.getItems().clear();
        status.setText(messages.get("directory.hint"));
        stage.show();
        name.requestFocus();
    }

    private void search() {
        status.setText(messages.get("directory.searching"));
        results.getItems().clear();
        model.searchDirectory(name.getText(), rpps.getText(), found -> {
            results.getItems().setAll(found);
            status.setText(found.isEmpty() ? messages.get("directory.none")
                    : messages.format("directory.found", found.size()));
        }, status::setText);
    }

    private String line(DirectoryContact c) {
        StringBuilder b = new StringBuilder(c.displayName());
        if (c.profession() != null) {
            b.append(" · ").append(c.profession());
        }
        b.append(" · RPPS ").append(c.rpps());
        if (c.organisation() != null) {
            b.append(" · ").append(c.organisation());
        }
        if (c.town() != null) {
            b.append(" (").append(c.town()).append(')');
        }
        b.append('\n').append(c.mssAddress());
        if (c.mailboxType() != null) {
            b.append(" — ").append(messages.get("directory.box." + c.mailboxType()));
        }
        return b.toString();
    }
}
