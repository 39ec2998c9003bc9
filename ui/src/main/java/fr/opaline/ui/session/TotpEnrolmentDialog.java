package fr.opaline.ui.session;

import com.google.zxing.common.BitMatrix;
import fr.opaline.documents.barcode.Barcodes;
import fr.opaline.ui.concurrent.Background;
import fr.opaline.ui.concurrent.UserErrors;
import fr.opaline.ui.i18n.Messages;
import fr.opaline.ui.widgets.Caption;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelWriter;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.stage.Window;

/**
 * The signed-in user turns on their TOTP second factor: the server makes the secret, the dialog
 * shows its {@code otpauth://} URI as a QR code (and the key as text), and the factor is on only
 * once a first code from the authenticator application is accepted.
 */
public final class TotpEnrolmentDialog {

    private static final int SCALE = 5;
    private static final double QR_SIDE = 260;

    private TotpEnrolmentDialog() {
    }

    /** Opens the dialog and starts the enrolment in the background; {@code onEnrolled} runs on the FX thread. */
    public static Alert open(Window owner, AuthenticationPort port, Background background, Messages messages,
                             Runnable onEnrolled) {
        Alert alert = new Alert(Alert.AlertType.NONE, "", ButtonType.CLOSE);
        alert.initOwner(owner);
        alert.setTitle(messages.get("totp.title"));
        alert.setHeaderText(messages.get("totp.title"));
        Label intro = new Label(messages.get("totp.intro"));
        intro.setWrapText(true);
        intro.setMaxWidth(420);
        ImageView qr = new ImageView();
        qr.setId("totp-qr");
        qr.setFitWidth(QR_SIDE);
        qr.setFitHeight(QR_SIDE);
        qr.setPreserveRatio(true);
        javafx.scene.layout.StackPane qrBox = new javafx.scene.layout.StackPane(qr);
        qrBox.setMinSize(QR_SIDE, QR_SIDE);
        qrBox.setPrefSize(QR_SIDE, QR_SIDE);
        Label secret = new Label();
        secret.setId("totp-secret");
        secret.setWrapText(true);
        secret.setMaxWidth(420);
        secret.setMinHeight(36);
        secret.getStyleClass().add("muted");
        TextField code = new TextField();
        code.setId("totp-code");
        code.setPromptText("123456");
        Button confirm = new Button(messages.get("totp.confirm"));
        confirm.setId("totp-confirm");
        confirm.getStyleClass().add("primary");
        confirm.setDisable(true);
        Label status = new Label(messages.get("totp.status.starting"));
        status.setId("totp-status");
        status.setWrapText(true);
        status.setMaxWidth(420);
        Label error = new Label();
        error.setId("totp-error");
        error.getStyleClass().add("form-error");
        error.setWrapText(true);
        error.setMaxWidth(420);
        Runnable submit = () -> {
            String typed = code.getText() == null ? "" : code.getText().strip();
            if (!typed.matches("\\d{6}")) {
                error.setText(messages.get("login.error.totpCode"));
                return;
            }
            confirm.setDisable(true);
            error.setText("");
            status.setText(messages.get("totp.status.confirming"));
            background.run(messages.get("totp.task.confirm"), progress -> {
                port.confirmTotp(typed);
                return Boolean.TRUE;
            }, done -> {
                status.setText(messages.get("totp.done"));
                code.setDisable(true);
                qr.setImage(null);
                secret.setText("");
                onEnrolled.run();
            }, failure -> {
                status.setText("");
                code.clear();
                confirm.setDisable(false);
                error.setText(failure instanceof AuthenticationException ? failure.getMessage()
                        : UserErrors.describe(failure, messages));
            });
        };
        confirm.setOnAction(e -> submit.run());
        code.setOnAction(e -> submit.run());
        VBox content = new VBox(10, intro, qrBox, secret, Caption.of(messages.get("totp.code")), code, confirm, status,
                error);
        alert.getDialogPane().setContent(content);
        alert.getDialogPane().getStylesheets().addAll(owner.getScene().getStylesheets());
        alert.getDialogPane().setId("totp-enrolment");
        background.run(messages.get("totp.task.start"), progress -> port.enrolTotp(), enrolment -> {
            qr.setImage(image(Barcodes.qrCode(enrolment.provisioningUri())));
            qr.setUserData(enrolment.provisioningUri());
            secret.setText(messages.format("totp.secret", grouped(enrolment.secret())));
            status.setText("");
            confirm.setDisable(false);
            code.requestFocus();
            if (alert.getDialogPane().getScene() != null && alert.getDialogPane().getScene().getWindow() != null) {
                alert.getDialogPane().getScene().getWindow().sizeToScene();
            }
        }, failure -> {
            status.setText("");
            error.setText(failure instanceof AuthenticationException ? failure.getMessage()
                    : UserErrors.describe(failure, messages));
        });
        alert.show();
        return alert;
    }

    /** The key in groups of four, as authenticator applications show it. */
    static String grouped(String secret) {
        return secret.replaceAll("(.{4})(?!$)", "$1 ");
    }

    /** Black modules on white with the quiet zone, {@value #SCALE} pixels per module. */
    static WritableImage image(BitMatrix matrix) {
        int quiet = 4;
        int side = (matrix.getWidth() + 2 * quiet) * SCALE;
        WritableImage image = new WritableImage(side, side);
        PixelWriter pixels = image.getPixelWriter();
        for (int y = 0; y < side; y++) {
            for (int x = 0; x < side; x++) {
                int mx = x / SCALE - quiet;
                int my = y / SCALE - quiet;
                boolean dark = mx >= 0 && my >= 0 && mx < matrix.getWidth() && my < matrix.getHeight()
                        && matrix.get(mx, my);
                pixels.setColor(x, y, dark ? Color.BLACK : Color.WHITE);
            }
        }
        return image;
    }
}
