package fr.opaline.ui.shell;

import fr.opaline.ui.DesktopContext;
import fr.opaline.ui.i18n.Messages;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/** "À propos d’Opaline": the technical version and the runtime, as support asks for them. */
final class AboutDialog {

    private AboutDialog() {
    }

    static Alert create(Window owner, DesktopContext context, Messages messages) {
        Alert alert = new Alert(Alert.AlertType.NONE, "", ButtonType.CLOSE);
        alert.initOwner(owner);
        alert.setTitle(messages.get("about.title"));
        alert.setHeaderText(messages.get("about.header"));
        GridPane facts = new GridPane();
        facts.setHgap(14);
        facts.setVgap(6);
        facts.getStyleClass().add("facts");
        int row = 0;
        row = fact(facts, row, messages.get("about.version"), context.version(), "about-version");
        row = fact(facts, row, messages.get("about.practice"), context.services().practiceName(), null);
        row = fact(facts, row, messages.get("about.database"), context.services().databaseDescription(), null);
        row = fact(facts, row, messages.get("about.java"), System.getProperty("java.version") + " ("
                + System.getProperty("java.vendor") + ")", null);
        fact(facts, row, messages.get("about.javafx"), System.getProperty("javafx.runtime.version", "?"), null);
        Label note = new Label(messages.get(context.demoMode() ? "about.demo" : "about.note"));
        note.setWrapText(true);
        note.setMaxWidth(460);
        note.getStyleClass().add("muted");
        VBox content = new VBox(14, facts, note);
        alert.getDialogPane().setContent(content);
        alert.getDialogPane().getStylesheets().addAll(owner.getScene().getStylesheets());
        alert.getDialogPane().setId("about");
        return alert;
    }

    private static int fact(GridPane grid, int row, String label, String value, String id) {
        Label l = new Label(label);
        l.getStyleClass().add("fact-label");
        Label v = new Label(value == null ? "—" : value);
        v.getStyleClass().add("fact-value");
        if (id != null) {
            v.setId(id);
        }
        grid.addRow(row, l, v);
        return row + 1;
    }
}
