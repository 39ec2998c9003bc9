package fr.opaline.ui.booking;

import fr.opaline.api.DirectoryContact;
import fr.opaline.ui.i18n.Messages;
import java.util.List;
import java.util.function.Consumer;
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
 * A search in the annuaire santé: by name or RPPS, one line per MSSanté address (the
 * professional's own, their cabinet's on the PractitionerRole, their structure's). At booking, the
 * prescriber's address the CR will be mailed to; in the report editor, the recipient of
 * "Envoyer par MSSanté". The search runs off the FX thread (the {@link Searcher}'s business).
 */
public final class DirectoryDialog {

    /** Searches the directory off the FX thread, then answers on it. */
    @FunctionalInterface
    public interface Searcher {
        void search(String name, String rpps, Consumer<List<DirectoryContact>> found, Consumer<String> failed);
    }

    private final Stage stage = new Stage();
    private final Searcher searcher;
    private final String hint;
    private final Messages messages;
    private final TextField name = new TextField();
    private final TextField rpps = new TextField();
    private final ListView<DirectoryContact> results = new ListView<>();
    private final Label status = new Label();

    DirectoryDialog(Window owner, BookingViewModel model, Messages messages) {
        this(owner, model::searchDirectory, model::choosePrescriber, messages, "directory.title", "directory.hint",
                "directory.choose");
    }

    /** @param titleKey, hintKey, chooseKey the message keys of the window's title, its hint and its button */
    public DirectoryDialog(Window owner, Searcher searcher, Consumer<DirectoryContact> chosen, Messages messages,
                           String titleKey, String hintKey, String chooseKey) {
        this.searcher = searcher;
        this.hint = messages.get(hintKey);
        this.messages = messages;
        stage.initOwner(owner);
        stage.initModality(Modality.WINDOW_MODAL);
        stage.setTitle(messages.get(titleKey));
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
        Button choose = new Button(messages.get(chooseKey));
        choose.setId("directory-choose");
        choose.getStyleClass().add("primary");
        choose.disableProperty().bind(results.getSelectionModel().selectedItemProperty().isNull());
        choose.setOnAction(e -> {
            DirectoryContact picked = results.getSelectionModel().getSelectedItem();
            stage.close();
            chosen.accept(picked);
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

    public void show() {
        results.getItems().clear();
        status.setText(hint);
        stage.show();
        name.requestFocus();
    }

    private void search() {
        status.setText(messages.get("directory.searching"));
        results.getItems().clear();
        searcher.search(name.getText(), rpps.getText(), found -> {
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
