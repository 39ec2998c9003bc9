package fr.opaline.ui.inbox;

import fr.opaline.api.ReceivedDocument;
import fr.opaline.core.patient.Patient;
import fr.opaline.ui.i18n.Messages;
import fr.opaline.ui.patient.PatientNames;
import fr.opaline.ui.widgets.Banner;
import fr.opaline.ui.widgets.Icon;
import java.io.File;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/**
 * "Documents reçus": the integration worklist (what each document is and whom its CDA names),
 * the patient search and attach, the rejection with its reason, and the import of an IHE_XDM.zip.
 */
public final class InboxView extends BorderPane {

    private final InboxViewModel model;
    private final Messages messages;
    private final ZoneId zone;
    /** Asks the user for an archive; replaced by journeys (no native dialog headless). */
    private Function<Window, Path> chooser = this::chooseArchive;

    public InboxView(InboxViewModel model, Messages messages, ZoneId zone) {
        this.model = model;
        this.messages = messages;
        this.zone = zone;
        setId("inbox");
        getStyleClass().add("screen");

        Label title = new Label(messages.get("inbox.title"));
        title.getStyleClass().add("screen-title");
        Label subtitle = new Label(messages.get("inbox.subtitle"));
        subtitle.getStyleClass().add("muted");
        subtitle.setWrapText(true);
        Button importButton = new Button(messages.get("inbox.import"), Icon.FOLDER.node(14));
        importButton.setId("inbox-import");
        importButton.setMinWidth(Region.USE_PREF_SIZE);
        importButton.disableProperty().bind(model.status().busyProperty());
        importButton.setOnAction(e -> model.importXdm(chooser.apply(getScene() == null ? null : getScene().getWindow())));
        Button refresh = new Button(messages.get("inbox.refresh"), Icon.REFRESH.node(14));
        refresh.setId("inbox-refresh");
        refresh.setOnAction(e -> model.refresh());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        // The explanation wraps under the toolbar: the buttons stay in view on a narrow screen.
        HBox toolbar = new HBox(12, title, spacer, importButton, refresh);
        toolbar.setAlignment(Pos.CENTER_LEFT);
        toolbar.getStyleClass().add("toolbar");
        subtitle.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        Banner banner = new Banner();
        banner.setId("inbox-banner");
        banner.bind(model.status().errorProperty(), model.status().infoProperty());
        VBox top = new VBox(6, toolbar, subtitle, banner);
        top.getStyleClass().add("screen-top");
        top.setPadding(new Insets(0, 0, 12, 0));
        setTop(top);

        TableView<ReceivedDocument> table = table();
        Label empty = new Label(messages.get("inbox.empty"));
        empty.getStyleClass().add("muted");
        table.setPlaceholder(empty);
        VBox center = new VBox(10, table, actions());
        VBox.setVgrow(table, Priority.ALWAYS);
        center.getStyleClass().add("card");
        setCenter(center);
        setPadding(new Insets(0, 16, 16, 16));
    }

    /** Journeys choose the archive without the native dialog. */
    public void useChooser(Function<Window, Path> chooser) {
        this.chooser = chooser;
    }

    private Path chooseArchive(Window owner) {
        FileChooser dialog = new FileChooser();
        dialog.setTitle(messages.get("inbox.import"));
        dialog.getExtensionFilters().add(new FileChooser.ExtensionFilter("IHE_XDM.zip", "*.zip", "*.ZIP"));
        File file = dialog.showOpenDialog(owner);
        return file == null ? null : file.toPath();
    }

    private TableView<ReceivedDocument> table() {
        TableView<ReceivedDocument> table = new TableView<>(model.waiting());
        table.setId("inbox-table");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().add(column("inbox.col.received", d -> d.receivedAt() == null ? ""
                : messages.date(d.receivedAt().atZone(zone)) + " " + messages.time(d.receivedAt().atZone(zone)), 120));
        table.getColumns().add(column("inbox.col.source", d -> messages.get("inbox.source." + d.source()), 80));
        table.getColumns().add(column("inbox.col.document", InboxViewModel::title, 200));
        table.getColumns().add(column("inbox.col.author", d -> d.authorName() == null ? "" : d.authorName(), 140));
        table.getColumns().add(column("inbox.col.identity", this::identity, 220));
        table.getColumns().add(column("inbox.col.why", d -> d.detail() == null ? "" : d.detail(), 220));
        model.selectedProperty().addListener((o, was, now) -> {
            if (table.getSelectionModel().getSelectedItem() != now) {
                if (now == null) {
                    table.getSelectionModel().clearSelection();
                } else {
                    table.getSelectionModel().select(now);
                }
            }
        });
        table.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> {
            if (now != null) {
                model.selectedProperty().set(now);
            }
        });
        return table;
    }

    /** The identity the CDA gives: names, birth date, INS. */
    private String identity(ReceivedDocument d) {
        StringBuilder b = new StringBuilder();
        b.append(d.birthName() == null ? "?" : d.birthName());
        if (d.usedName() != null && !d.usedName().isBlank() && !d.usedName().equals(d.birthName())) {
            b.append(" (").append(d.usedName()).append(')');
        }
        if (d.birthFirstNames() != null) {
            b.append(' ').append(d.birthFirstNames());
        }
        if (d.birthDate() != null) {
            b.append(", ").append(messages.format("inbox.born", messages.date(d.birthDate())));
        }
        if (d.insMatricule() != null) {
            b.append(", INS ").append(d.insMatricule());
        }
        return b.toString();
    }

    private VBox actions() {
        Label chosen = new Label();
        chosen.setId("inbox-selected");
        chosen.getStyleClass().add("card-title");
        chosen.textProperty().bind(Bindings.createStringBinding(() -> model.selectedProperty().get() == null
                ? messages.get("inbox.chooseDocument")
                : InboxViewModel.title(model.selectedProperty().get()) + " — " + identity(model.selectedProperty().get()),
                model.selectedProperty()));
        TextField search = new TextField();
        search.setId("inbox-search");
        search.setPromptText(messages.get("inbox.search.prompt"));
        search.textProperty().bindBidirectional(model.searchProperty());
        search.setOnAction(e -> model.searchPatients());
        Button find = new Button(messages.get("inbox.search"));
        find.setId("inbox-search-go");
        find.setOnAction(e -> model.searchPatients());
        ListView<Patient> patients = new ListView<>(model.candidates());
        patients.setId("inbox-patients");
        patients.setPrefHeight(110);
        patients.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(Patient p, boolean empty) {
                super.updateItem(p, empty);
                setText(empty || p == null ? null : PatientNames.display(p)
                        + (p.traits().birthDate() == null ? "" : ", " + messages.format("inbox.born",
                        messages.date(p.traits().birthDate()))) + (p.ipp() == null ? "" : " · IPP " + p.ipp()));
            }
        });
        patients.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> model.patientProperty().set(now));
        model.patientProperty().addListener((o, was, now) -> {
            if (now == null) {
                patients.getSelectionModel().clearSelection();
            }
        });
        Button attach = new Button(messages.get("inbox.attach"), Icon.PATIENT.node(14));
        attach.setId("inbox-attach");
        attach.getStyleClass().add("primary");
        attach.disableProperty().bind(model.selectedProperty().isNull().or(model.patientProperty().isNull())
                .or(model.status().busyProperty()));
        attach.setOnAction(e -> model.attach());
        TextField reason = new TextField();
        reason.setId("inbox-reason");
        reason.setPromptText(messages.get("inbox.reason.prompt"));
        reason.textProperty().bindBidirectional(model.reasonProperty());
        HBox.setHgrow(reason, Priority.ALWAYS);
        Button reject = new Button(messages.get("inbox.reject"));
        reject.setId("inbox-reject");
        reject.disableProperty().bind(model.selectedProperty().isNull().or(model.status().busyProperty()));
        reject.setOnAction(e -> model.reject());
        HBox searchRow = new HBox(8, search, find);
        HBox.setHgrow(search, Priority.ALWAYS);
        HBox rejectRow = new HBox(8, reason, reject);
        rejectRow.setAlignment(Pos.CENTER_LEFT);
        VBox box = new VBox(8, chosen, searchRow, patients, attach, rejectRow);
        box.disableProperty().bind(model.selectedProperty().isNull());
        return box;
    }

    private TableColumn<ReceivedDocument, String> column(String key, Function<ReceivedDocument, String> value,
                                                         double width) {
        TableColumn<ReceivedDocument, String> column = new TableColumn<>(messages.get(key));
        column.setCellValueFactory(c -> new ReadOnlyStringWrapper(value.apply(c.getValue())));
        column.setPrefWidth(width);
        return column;
    }
}
