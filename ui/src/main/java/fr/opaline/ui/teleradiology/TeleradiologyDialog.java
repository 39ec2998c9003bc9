package fr.opaline.ui.teleradiology;

import fr.opaline.api.PatientApi;
import fr.opaline.api.TeleradiologyApi;
import fr.opaline.api.TeleradiologyAssignment;
import fr.opaline.api.client.ApiClient;
import fr.opaline.core.patient.Patient;
import fr.opaline.core.patient.PatientFile;
import fr.opaline.ui.concurrent.Background;
import fr.opaline.ui.concurrent.Work;
import fr.opaline.ui.i18n.Messages;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * Confiding one of the patient's exams to the practice's teleradiology platform, or cancelling
 * the request: the exam's orders are read from the patient's record, the request goes through the
 * server's teleradiology API (the ORM^O01 leaves through the server's send queue). Every call runs
 * off the FX thread.
 */
public final class TeleradiologyDialog {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");

    private final Dialog<Void> dialog = new Dialog<>();
    private final ListView<PatientFile.OrderLine> orders = new ListView<>();
    private final Label platform = new Label();
    private final Label state = new Label();
    private final Label error = new Label();
    private final Button assign;
    private final Button cancel;
    private final ApiClient api;
    private final Background background;
    private final Messages messages;
    private final ZoneId zone;

    public TeleradiologyDialog(Window owner, ApiClient api, Background background, Messages messages, ZoneId zone) {
        this.api = api;
        this.background = background;
        this.messages = messages;
        this.zone = zone;
        dialog.initOwner(owner);
        dialog.setTitle(messages.get("teleradiology.title"));
        dialog.getDialogPane().getButtonTypes().add(ButtonType.CLOSE);
        dialog.getDialogPane().setId("teleradiology-dialog");
        if (owner != null && owner.getScene() != null) {
            dialog.getDialogPane().getStylesheets().addAll(owner.getScene().getStylesheets());
        }
        orders.setId("teleradiology-orders");
        orders.setPrefHeight(140);
        orders.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(PatientFile.OrderLine line, boolean empty) {
                super.updateItem(line, empty);
                setText(empty || line == null ? null : line.description() + " · " + line.order().accessionNumber());
            }
        });
        platform.setId("teleradiology-platform");
        platform.setWrapText(true);
        state.setId("teleradiology-state");
        state.setWrapText(true);
        error.setId("teleradiology-error");
        error.setWrapText(true);
        error.getStyleClass().add("error-text");
        assign = new Button(messages.get("teleradiology.assign"));
        assign.setId("teleradiology-assign");
        assign.getStyleClass().add("primary");
        cancel = new Button(messages.get("teleradiology.cancel"));
        cancel.setId("teleradiology-cancel");
        assign.setDisable(true);
        cancel.setDisable(true);
        assign.setOnAction(e -> change(t -> t.assign(selected())));
        cancel.setOnAction(e -> change(t -> t.cancel(selected())));
        orders.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> {
            if (now != null) {
                call(t -> t.status(now.order().id()));
            }
        });
        VBox content = new VBox(10, new Label(messages.get("teleradiology.orders")), orders, platform, state,
                new HBox(8, assign, cancel), error);
        content.setPrefWidth(480);
        dialog.getDialogPane().setContent(content);
    }

    /** Opens the dialog on the patient's exams, the one of {@code appointmentId} selected when there is one. */
    public void show(Patient patient, UUID appointmentId) {
        dialog.setHeaderText(patient.traits().birthName() + " " + patient.traits().birthFirstNames());
        orders.getItems().clear();
        platform.setText("");
        state.setText(messages.get("teleradiology.loading"));
        error.setText("");
        background.run(messages.get("teleradiology.loading"), progress -> api.api(PatientApi.class).open(patient.id())
                .orders(), (List<PatientFile.OrderLine> lines) -> {
                    orders.getItems().setAll(lines);
                    state.setText(lines.isEmpty() ? messages.get("teleradiology.noOrder") : "");
                    lines.stream().filter(l -> appointmentId != null && appointmentId.equals(l.order().appointmentId()))
                            .findFirst().or(() -> lines.stream().findFirst())
                            .ifPresent(l -> orders.getSelectionModel().select(l));
                }, this::failed);
        dialog.show();
    }

    private UUID selected() {
        return orders.getSelectionModel().getSelectedItem().order().id();
    }

    private void change(Function<TeleradiologyApi, TeleradiologyAssignment> action) {
        assign.setDisable(true);
        cancel.setDisable(true);
        UUID order = selected();
        run(action, t -> {
            failed(t);
            call(api -> api.status(order));
        });
    }

    private void call(Function<TeleradiologyApi, TeleradiologyAssignment> action) {
        run(action, this::failed);
    }

    private void run(Function<TeleradiologyApi, TeleradiologyAssignment> action,
                     java.util.function.Consumer<Throwable> onFailure) {
        error.setText("");
        Work<TeleradiologyAssignment> work = progress -> action.apply(api.api(TeleradiologyApi.class));
        background.run(messages.get("teleradiology.title"), work, this::show, onFailure);
    }

    private void show(TeleradiologyAssignment a) {
        platform.setText(a.platform() == null ? messages.get("teleradiology.noPlatform")
                : messages.format("teleradiology.platform", a.platform()));
        if (a.cancellation() != null) {
            state.setText(messages.format("teleradiology.state.cancelled", send(a.cancellation())));
        } else if (a.request() != null) {
            state.setText(messages.format("teleradiology.state.assigned", send(a.request())));
        } else {
            state.setText(messages.get("teleradiology.state.none"));
        }
        assign.setDisable(a.platform() == null || a.request() != null);
        cancel.setDisable(a.platform() == null || !a.assigned());
    }

    private String send(TeleradiologyAssignment.Send send) {
        String text = send.state().label() + " (" + WHEN.format(send.askedAt().atZone(zone)) + ")";
        return send.lastError() == null ? text : text + " — " + send.lastError();
    }

    private void failed(Throwable t) {
        error.setText(t.getMessage() == null ? t.toString() : t.getMessage());
    }

    /** The dialog, for the journeys. */
    public Dialog<Void> dialog() {
        return dialog;
    }
}
