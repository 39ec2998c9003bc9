package fr.opaline.ui.patient;

import fr.opaline.ui.concurrent.Background;
import fr.opaline.ui.i18n.Messages;
import fr.opaline.ui.widgets.SystemBrowser;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * The images of an exam in the practice's DRIMbox conso: the contextual address the server gave
 * (after checking the patient's consent), opened in the browser in the background.
 */
final class DrimboxImagesDialog {

    private DrimboxImagesDialog() {
    }

    static void show(Window owner, String accession, String url, Background background, Messages messages) {
        Alert alert = new Alert(Alert.AlertType.NONE, "", ButtonType.CLOSE);
        alert.initOwner(owner);
        alert.setTitle(messages.get("record.images.title"));
        alert.setHeaderText(messages.format("record.images.header", accession));
        TextField address = new TextField(url);
        address.setEditable(false);
        address.setId("drimbox-url");
        Label status = new Label();
        status.setId("drimbox-status");
        status.setWrapText(true);
        Button open = new Button(messages.get("record.images.open"));
        open.setId("drimbox-open");
        open.getStyleClass().add("primary");
        open.setOnAction(e -> background.run(messages.get("record.images.title"), progress -> {
            SystemBrowser.open(url);
            return url;
        }, done -> status.setText(messages.get("record.images.opened")),
                failure -> status.setText(messages.get("record.images.noBrowser"))));
        VBox content = new VBox(10, address, open, status);
        content.setPrefWidth(520);
        alert.getDialogPane().setContent(content);
        alert.getDialogPane().setId("drimbox-dialog");
        if (owner != null && owner.getScene() != null) {
            alert.getDialogPane().getStylesheets().addAll(owner.getScene().getStylesheets());
        }
        alert.show();
    }
}
