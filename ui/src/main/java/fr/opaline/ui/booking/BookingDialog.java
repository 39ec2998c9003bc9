package fr.opaline.ui.booking;

import fr.opaline.core.catalogue.ExamType;
import fr.opaline.core.catalogue.Room;
import fr.opaline.core.patient.Patient;
import fr.opaline.core.scheduling.Booking;
import fr.opaline.ui.agenda.RoomNames;
import fr.opaline.ui.i18n.DateInput;
import fr.opaline.ui.i18n.Messages;
import fr.opaline.ui.patient.PatientNames;
import fr.opaline.ui.patient.NewPatientForm;
import fr.opaline.ui.patient.PatientSearchPane;
import fr.opaline.ui.widgets.Caption;
import fr.opaline.ui.widgets.Icon;
import fr.opaline.ui.widgets.IdentityBadge;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * The booking dialog: patient on the left (search, Datamatrix INS scan, or creation), exam and
 * slot on the right. The dialog stays open until core has accepted the booking; a refusal is
 * shown inside it.
 */
public final class BookingDialog {

    private final BookingViewModel model;
    private final Messages messages;
    private final Stage stage = new Stage();
    private final StackPane patientArea = new StackPane();
    private final VBox searchArea;
    private final NewPatientForm form;
    private Consumer<Booking> onBooked = b -> { };
    private DirectoryDialog directoryDialog;

    public BookingDialog(Window owner, BookingViewModel model, Messages messages) {
        this.model = model;
        this.messages = messages;
        stage.initOwner(owner);
        stage.initModality(Modality.WINDOW_MODAL);
        stage.setTitle(messages.get("booking.title"));

        PatientSearchPane search = new PatientSearchPane(model.search(), messages);
        Button newPatient = new Button(messages.get("booking.newPatient"), Icon.PLUS.node(14));
        newPatient.setId("booking-new-patient");
        newPatient.setOnAction(e -> model.startNewPatient());
        Label searchTitle = new Label(messages.get("booking.patient"));
        searchTitle.getStyleClass().add("card-title");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox searchHeader = new HBox(8, searchTitle, spacer, newPatient);
        searchHeader.setAlignment(Pos.CENTER_LEFT);
        searchArea = new VBox(10, searchHeader, search);
        VBox.setVgrow(search, Priority.ALWAYS);
        form = new NewPatientForm(model.newPatient(), messages, model::createPatient, model::createPatientFromInsi,
                model::abandonNewPatient);
        patientArea.getChildren().setAll(searchArea);
        model.creatingPatientProperty().addListener((o, was, now) ->
                patientArea.getChildren().setAll(now ? form : searchArea));

        VBox chosen = chosenPatient();
        VBox left = new VBox(12, patientArea, chosen);
        VBox.setVgrow(patientArea, Priority.ALWAYS);
        left.getStyleClass().add("card");
        HBox.setHgrow(left, Priority.ALWAYS);

        VBox right = examAndSlot();
        right.getStyleClass().add("card");
        right.setPrefWidth(380);
        right.setMinWidth(360);

        Label error = new Label();
        error.getStyleClass().add("form-error");
        error.setId("booking-error");
        error.setWrapText(true);
        error.textProperty().bind(model.errorProperty());
        error.visibleProperty().bind(model.errorProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());
        error.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(error, Priority.ALWAYS);
        Button cancel = new Button(messages.get("common.cancel"));
        cancel.setCancelButton(true);
        cancel.setOnAction(e -> stage.close());
        Button book = new Button(messages.get("booking.book"), Icon.CHECK.node(14));
        book.getStyleClass().add("primary");
        book.setId("booking-confirm");
        book.disableProperty().bind(model.canBook().not());
        book.setOnAction(e -> model.book(booking -> {
            stage.close();
            onBooked.accept(booking);
        }));
        HBox buttons = new HBox(10, error, cancel, book);
        buttons.setAlignment(Pos.CENTER_RIGHT);
        buttons.setPadding(new Insets(12, 0, 0, 0));

        HBox columns = new HBox(14, left, right);
        VBox.setVgrow(columns, Priority.ALWAYS);
        BorderPane root = new BorderPane(columns);
        root.setBottom(buttons);
        root.setPadding(new Insets(16));
        root.getStyleClass().addAll("dialog-root", "booking-dialog");
        root.setId("booking-dialog");
        Scene scene = new Scene(root, 1280, 740);
        scene.getStylesheets().addAll(owner.getScene().getStylesheets());
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.ESCAPE), stage::close);
        stage.setScene(scene);
        stage.setMinWidth(980);
        stage.setMinHeight(620);
    }

    private VBox chosenPatient() {
        Label caption = new Label(messages.get("booking.chosenPatient"));
        caption.getStyleClass().add("field-caption");
        Label name = new Label();
        name.getStyleClass().add("chosen-patient");
        name.setId("booking-patient");
        IdentityBadge badge = new IdentityBadge(messages, IdentityBadge.Size.FULL);
        Label born = new Label();
        born.getStyleClass().add("muted");
        HBox line = new HBox(10, name, badge, born);
        line.setAlignment(Pos.CENTER_LEFT);
        Runnable update = () -> {
            Patient patient = model.patientProperty().get();
            name.setText(patient == null ? messages.get("booking.noPatient") : PatientNames.display(patient));
            badge.show(patient);
            born.setText(patient == null ? "" : messages.format(patient.traits().sex() == fr.opaline.core.patient.Sex.F
                            ? "patient.bornOnIpp.f" : patient.traits().sex() == fr.opaline.core.patient.Sex.M
                            ? "patient.bornOnIpp.m" : "patient.bornOnIpp",
                    messages.date(patient.traits().birthDate()), patient.ipp()));
        };
        model.patientProperty().addListener((o, was, now) -> update.run());
        update.run();
        VBox box = new VBox(4, caption, line);
        box.getStyleClass().add("chosen-patient-box");
        return box;
    }

    private VBox examAndSlot() {
        Label title = new Label(messages.get("booking.exam"));
        title.getStyleClass().add("card-title");

        ComboBox<Room> room = new ComboBox<>(model.rooms());
        room.setId("booking-room");
        room.valueProperty().bindBidirectional(model.roomProperty());
        room.setMaxWidth(Double.MAX_VALUE);
        room.setConverter(RoomNames.converter(messages));

        TextField filter = new TextField();
        filter.setId("booking-exam-filter");
        filter.setPromptText(messages.get("booking.examFilter.prompt"));
        filter.textProperty().bindBidirectional(model.examFilterProperty());
        ListView<ExamType> exams = new ListView<>(model.exams());
        exams.setId("booking-exams");
        exams.setPrefHeight(220);
        exams.setCellFactory(list -> new ListCell<>() {
            {
                setPrefWidth(0); // never wider than the list: no horizontal scroll bar
            }

            @Override
            protected void updateItem(ExamType exam, boolean empty) {
                super.updateItem(exam, empty);
                if (empty || exam == null) {
                    setText(null);
                    setGraphic(null);
                    return;
                }
                Label label = new Label(examTitle(exam));
                label.getStyleClass().add("exam-label");
                String region = exam.anatomicalRegionLabel() == null ? "" : exam.anatomicalRegionLabel();
                // With its CCAM code the exam is named by it; the practice's internal code only without one.
                Label meta = new Label(exam.ccamCode() == null
                        ? messages.format("booking.examMeta", exam.durationMinutes(), region, exam.code())
                        : messages.format("booking.examMetaCcam", exam.durationMinutes(), region));
                meta.getStyleClass().add("muted");
                setText(null);
                setGraphic(new VBox(1, label, meta));
            }
        });
        exams.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> {
            if (now != null) {
                model.examProperty().set(now);
            }
        });
        model.examProperty().addListener((o, was, now) -> {
            if (now == null) {
                exams.getSelectionModel().clearSelection();
            } else if (exams.getSelectionModel().getSelectedItem() != now) {
                exams.getSelectionModel().select(now);
            }
        });
        VBox.setVgrow(exams, Priority.ALWAYS);

        DatePicker date = new DatePicker();
        date.setId("booking-date");
        date.valueProperty().bindBidirectional(model.dateProperty());
        date.setConverter(DateInput.dateConverter(messages, model.dateProperty()::get));
        ComboBox<LocalTime> time = new ComboBox<>();
        time.setId("booking-time");
        time.setEditable(true);
        List<LocalTime> times = new ArrayList<>();
        for (LocalTime t = LocalTime.of(7, 0); !t.isAfter(LocalTime.of(20, 0)); t = t.plusMinutes(5)) {
            times.add(t);
        }
        time.getItems().setAll(times);
        time.setVisibleRowCount(12);
        time.setConverter(DateInput.timeConverter(messages, model.timeProperty()::get));
        time.valueProperty().bindBidirectional(model.timeProperty());
        time.setPrefWidth(118);
        time.setMinWidth(118);
        time.setPromptText(messages.get("booking.time.prompt"));

        TextField referrer = new TextField();
        referrer.setId("booking-referrer");
        referrer.textProperty().bindBidirectional(model.referrerProperty());
        referrer.setPromptText(messages.get("booking.referrer.prompt"));
        Button directory = new Button(messages.get("booking.directory"));
        directory.setId("booking-directory");
        directory.setOnAction(e -> {
            if (directoryDialog == null) {
                directoryDialog = new DirectoryDialog(stage, model, messages);
            }
            directoryDialog.show();
        });
        HBox.setHgrow(referrer, Priority.ALWAYS);
        HBox referrerRow = new HBox(8, referrer, directory);
        Label prescriberAddress = new Label();
        prescriberAddress.setId("booking-prescriber-address");
        prescriberAddress.getStyleClass().add("muted");
        prescriberAddress.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() ->
                model.prescriberProperty().get() == null
                        || !model.prescriberProperty().get().displayName().equals(model.referrerProperty().get()) ? ""
                        : messages.format("booking.prescriber.chosen", model.prescriberProperty().get().rpps(),
                                model.prescriberProperty().get().mssAddress()),
                model.prescriberProperty(), model.referrerProperty()));
        TextArea indication = new TextArea();
        indication.setId("booking-indication");
        indication.setPrefRowCount(2);
        indication.setWrapText(true);
        indication.textProperty().bindBidirectional(model.indicationProperty());

        GridPane slot = new GridPane();
        slot.setHgap(10);
        slot.setVgap(8);
        slot.addRow(0, Caption.of(messages.get("booking.date")), date, Caption.of(messages.get("booking.time")), time);
        GridPane.setHgrow(date, Priority.ALWAYS);
        date.setMaxWidth(Double.MAX_VALUE);

        VBox box = new VBox(8, title, Caption.of(messages.get("booking.room")), room,
                Caption.of(messages.get("booking.examList")), filter, exams, slot,
                Caption.of(messages.get("booking.referrer")), referrerRow, prescriberAddress, Caption.of(messages.get("booking.indication")), indication);
        return box;
    }


    public void show(Consumer<Booking> whenBooked) {
        this.onBooked = whenBooked;
        stage.show();
        stage.toFront();
        if (model.patientProperty().get() == null) {
            stage.getScene().lookup("#search-name").requestFocus();
        }
    }

    public Stage stage() {
        return stage;
    }

    /** « label — CCAM code » when the exam has one, the label alone otherwise. */
    static String examTitle(ExamType exam) {
        return exam.ccamCode() == null ? exam.label() : exam.label() + " — " + exam.ccamCode();
    }
}
