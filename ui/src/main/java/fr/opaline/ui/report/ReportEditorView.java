package fr.opaline.ui.report;

import fr.opaline.api.SendStatus;
import fr.opaline.core.order.StepEntry;
import fr.opaline.core.outbox.JobState;
import fr.opaline.core.report.ReportStatus;
import fr.opaline.core.report.ReportVersion;
import fr.opaline.ui.i18n.Messages;
import fr.opaline.ui.patient.PatientNames;
import fr.opaline.ui.widgets.Banner;
import fr.opaline.ui.widgets.Icon;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.beans.binding.Bindings;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.layout.GridPane;
import javafx.scene.control.CheckBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.image.ImageView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * The report editor: the day's exams on the left, the report in the middle (four parts,
 * template, save, validate, invisible au patient, amend or retract with a reason, send status
 * per channel) and its PDF preview on the right.
 */
public final class ReportEditorView extends BorderPane {

    private final ReportEditorViewModel model;
    private final Messages messages;
    private final ZoneId zone;
    private final Label heading = new Label();
    private final Label subheading = new Label();
    private final Label status = new Label();
    private final Label examStatus = new Label();
    private final FlowPane sendRow = new FlowPane(8, 4);
    private final java.util.Map<fr.opaline.api.SendChannel, Label> sendPills =
            new java.util.EnumMap<>(fr.opaline.api.SendChannel.class);
    private final VBox pages = new VBox(12);
    private final CheckBox invisible = new CheckBox();
    private boolean updatingInvisible;
    private final CheckBox dmpHeld = new CheckBox();
    private final CheckBox legalHidden = new CheckBox();
    private boolean updatingFeed;

    public ReportEditorView(ReportEditorViewModel model, Messages messages, ZoneId zone) {
        this.model = model;
        this.messages = messages;
        this.zone = zone;
        setId("reports");
        getStyleClass().add("screen");
        setPadding(new Insets(0, 16, 16, 16));

        Label title = new Label(messages.get("report.title"));
        title.getStyleClass().add("screen-title");
        Label subtitle = new Label(messages.get("report.subtitle"));
        subtitle.getStyleClass().add("muted");
        DatePicker day = new DatePicker();
        day.setId("report-day");
        day.valueProperty().bindBidirectional(model.dayProperty());
        Button refresh = new Button(messages.get("report.refresh"), Icon.REFRESH.node(14));
        refresh.setId("report-refresh");
        refresh.setOnAction(e -> {
            model.refreshExams();
            model.refreshSends();
        });
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox toolbar = new HBox(12, new VBox(2, title, subtitle), spacer, day, refresh);
        toolbar.setAlignment(Pos.CENTER_LEFT);
        toolbar.getStyleClass().add("toolbar");
        Banner banner = new Banner();
        banner.setId("report-banner");
        banner.bind(model.errorProperty(), model.infoProperty());
        VBox top = new VBox(10, toolbar, banner);
        top.setPadding(new Insets(0, 0, 12, 0));
        setTop(top);

        SplitPane split = new SplitPane(examList(), editor(), previewPane());
        split.setDividerPositions(0.2, 0.64);
        setCenter(split);

        model.openedProperty().addListener((o, was, now) -> showOpened(now));
        model.sends().addListener((ListChangeListener<SendStatus>) c -> showSends());
        model.previewPages().addListener((ListChangeListener<javafx.scene.image.Image>) c -> showPreview());
        showOpened(null);
    }

    private VBox examList() {
        ListView<StepEntry> list = new ListView<>(model.exams());
        list.setId("report-exams");
        list.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(StepEntry entry, boolean empty) {
                super.updateItem(entry, empty);
                if (empty || entry == null) {
                    setText(null);
                    setGraphic(null);
                    setId(null);
                    return;
                }
                Label name = new Label(PatientNames.display(entry.patient()));
                name.getStyleClass().add("report-exam-patient");
                Label what = new Label(messages.time(entry.step().scheduledStart().atZone(zone)) + " · "
                        + entry.step().modality().name() + " · " + entry.step().description());
                what.getStyleClass().add("muted");
                Label state = new Label(messages.label(entry.step().status()));
                state.getStyleClass().addAll("step-status", "step-" + entry.step().status().name().toLowerCase(Locale.ROOT));
                setGraphic(new VBox(2, name, what, state));
                setText(null);
                setId("report-exam-" + entry.step().id());
            }
        });
        list.setPlaceholder(new Label(messages.get("report.noExams")));
        list.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> model.open(now));
        // The list is read again periodically (statuses move on): the open exam stays selected.
        model.exams().addListener((ListChangeListener<StepEntry>) c -> javafx.application.Platform.runLater(() -> {
            ReportGateway.Opened opened = model.openedProperty().get();
            if (opened != null && list.getSelectionModel().getSelectedItem() == null) {
                model.exams().stream().filter(e -> e.step().id().equals(opened.exam().step().id())).findFirst()
                        .ifPresent(e -> list.getSelectionModel().select(e));
            }
        }));
        VBox box = new VBox(8, sectionTitle(messages.get("report.exams")), list);
        VBox.setVgrow(list, Priority.ALWAYS);
        box.getStyleClass().add("card");
        box.setMinWidth(220);
        return box;
    }

    private VBox editor() {
        heading.getStyleClass().add("report-heading");
        heading.setId("report-heading");
        subheading.getStyleClass().add("muted");
        status.setId("report-status");
        status.setMinWidth(Region.USE_PREF_SIZE); // the subheading shortens first, never the status
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        examStatus.setId("report-exam-status");
        examStatus.setMinWidth(Region.USE_PREF_SIZE);
        HBox head = new HBox(10, new VBox(2, heading, subheading), grow, examStatus, status);
        head.setAlignment(Pos.CENTER_LEFT);

        TextArea indication = area("report-indication", model.indicationProperty(), 2);
        TextArea technique = area("report-technique", model.techniqueProperty(), 2);
        TextArea results = area("report-results", model.resultsProperty(), 8);
        TextArea conclusion = area("report-conclusion", model.conclusionProperty(), 3);

        Button template = new Button(messages.get("report.template"));
        template.setId("report-template");
        template.setTooltip(new Tooltip(messages.get("report.template.tip")));
        template.setOnAction(e -> model.applyTemplate());
        Button save = new Button(messages.get("report.save"));
        save.setId("report-save");
        save.setOnAction(e -> model.save());
        Button validate = new Button(messages.get("report.validate"), Icon.CHECK.node(14));
        validate.setId("report-validate");
        validate.getStyleClass().add("primary");
        validate.setTooltip(new Tooltip(messages.get("report.validate.tip")));
        validate.setOnAction(e -> model.requestValidation());
        model.confirmationProperty().addListener((o, was, now) -> {
            if (now != null) {
                confirm(now);
            }
        });
        invisible.setText(messages.get("report.invisible"));
        invisible.setId("report-invisible");
        invisible.setTooltip(new Tooltip(messages.get("report.invisible.tip")));
        invisible.selectedProperty().addListener((o, was, now) -> {
            if (!updatingInvisible) {
                model.setInvisibleToPatient(now);
            }
        });
        ProgressIndicator working = new ProgressIndicator();
        working.setPrefSize(18, 18);
        working.visibleProperty().bind(model.busyProperty());
        // The CR's DMP send (SC.DMP/ALI/PROG.03): held before validation or during the deferral; and
        // "non visible des représentants légaux". Shown when the server offers DMP feeding.
        dmpHeld.setText(messages.get("report.dmp.held"));
        dmpHeld.setId("report-dmp-held");
        dmpHeld.setTooltip(new Tooltip(messages.get("report.dmp.held.tip")));
        dmpHeld.selectedProperty().addListener((o, was, now) -> {
            if (!updatingFeed) {
                model.holdFeed(now);
            }
        });
        legalHidden.setText(messages.get("report.dmp.legal"));
        legalHidden.setId("report-dmp-legal");
        legalHidden.setTooltip(new Tooltip(messages.get("report.dmp.legal.tip")));
        legalHidden.selectedProperty().addListener((o, was, now) -> {
            if (!updatingFeed) {
                model.hideFromLegalRepresentatives(now);
            }
        });
        var noFeed = model.feedOptionsProperty().isNull();
        for (CheckBox feed : new CheckBox[] {dmpHeld, legalHidden}) {
            feed.visibleProperty().bind(noFeed.not());
            feed.managedProperty().bind(feed.visibleProperty());
            feed.disableProperty().bind(model.busyProperty());
        }
        model.feedOptionsProperty().addListener((o, was, now) -> {
            updatingFeed = true;
            dmpHeld.setSelected(now != null && now.held());
            legalHidden.setSelected(now != null && now.hiddenFromLegalRepresentatives());
            updatingFeed = false;
        });
        FlowPane actions = new FlowPane(10, 6, template, save, validate, invisible, dmpHeld, legalHidden, working);
        actions.setAlignment(Pos.CENTER_LEFT);

        TextField reason = new TextField();
        reason.setId("report-reason");
        reason.setPromptText(messages.get("report.reason.prompt"));
        reason.textProperty().bindBidirectional(model.reasonProperty());
        HBox.setHgrow(reason, Priority.ALWAYS);
        Button amend = new Button(messages.get("report.amend"));
        amend.setId("report-amend");
        amend.setTooltip(new Tooltip(messages.get("report.amend.tip")));
        amend.setOnAction(e -> model.amend());
        Button retract = new Button(messages.get("report.retract"));
        retract.setId("report-retract");
        retract.getStyleClass().add("danger");
        retract.setTooltip(new Tooltip(messages.get("report.retract.tip")));
        retract.setOnAction(e -> model.retract());
        HBox.setHgrow(reason, Priority.ALWAYS);
        Button sendMss = new Button(messages.get("report.mss.send"));
        sendMss.setId("report-send-mss");
        sendMss.setTooltip(new Tooltip(messages.get("report.mss.send.tip")));
        sendMss.setOnAction(e -> chooseMssRecipient());
        sendMss.disableProperty().bind(model.inForceBinding().not().or(model.busyProperty()));
        HBox changes = new HBox(10, reason, amend, retract, sendMss);
        changes.setAlignment(Pos.CENTER_LEFT);

        var noReport = model.openedProperty().isNull();
        var locked = model.editableBinding().not().or(model.busyProperty());
        for (TextArea a : new TextArea[] {indication, technique, results, conclusion}) {
            a.editableProperty().bind(model.editableBinding());
        }
        template.disableProperty().bind(locked);
        save.disableProperty().bind(locked);
        validate.disableProperty().bind(locked);
        invisible.disableProperty().bind(noReport.or(model.busyProperty()));
        amend.disableProperty().bind(model.inForceBinding().not().or(model.busyProperty()));
        retract.disableProperty().bind(model.inForceBinding().not().or(model.busyProperty()));
        changes.visibleProperty().bind(noReport.not());

        sendRow.setId("report-sends");
        sendRow.setAlignment(Pos.CENTER_LEFT);
        sendRow.setPrefWrapLength(360);
        // The actions and the send status stay in view; only the text scrolls on a small screen.
        VBox text = new VBox(6,
                label(messages.get("report.indication")), indication,
                label(messages.get("report.technique")), technique,
                label(messages.get("report.results")), results,
                label(messages.get("report.conclusion")), conclusion);
        ScrollPane scroll = new ScrollPane(text);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("edge-to-edge");
        VBox.setVgrow(scroll, Priority.ALWAYS);
        HBox.setHgrow(sendRow, Priority.ALWAYS);
        sendRow.setMinWidth(0);
        HBox sends = new HBox(8, sectionTitle(messages.get("report.sends")), sendRow);
        sends.setAlignment(Pos.CENTER_LEFT);
        VBox box = new VBox(8, head, actions, changes, sends, scroll);
        box.getStyleClass().add("card");
        box.disableProperty().bind(noReport);
        return box;
    }

    private StackPane previewPane() {
        pages.setId("report-preview");
        pages.setAlignment(Pos.TOP_CENTER);
        pages.setPadding(new Insets(8));
        ScrollPane scroll = new ScrollPane(pages);
        scroll.setFitToWidth(true);
        ProgressIndicator rendering = new ProgressIndicator();
        rendering.setMaxSize(48, 48);
        rendering.visibleProperty().bind(model.previewingProperty());
        Label title = sectionTitle(messages.get("report.preview"));
        Button again = new Button(messages.get("report.preview.refresh"), Icon.REFRESH.node(12));
        again.setId("report-preview-refresh");
        again.disableProperty().bind(model.openedProperty().isNull());
        again.setOnAction(e -> model.preview());
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        HBox head = new HBox(8, title, grow, again);
        head.setAlignment(Pos.CENTER_LEFT);
        VBox box = new VBox(8, head, scroll);
        VBox.setVgrow(scroll, Priority.ALWAYS);
        box.getStyleClass().add("card");
        return new StackPane(box, rendering);
    }

    private TextArea area(String id, javafx.beans.property.StringProperty text, int rows) {
        TextArea area = new TextArea();
        area.setId(id);
        area.setWrapText(true);
        area.setPrefRowCount(rows);
        area.textProperty().bindBidirectional(text);
        return area;
    }

    private static Label label(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("field-label");
        return label;
    }

    private static Label sectionTitle(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("section-title");
        return label;
    }

    private void showOpened(ReportGateway.Opened opened) {
        if (opened == null) {
            heading.setText(messages.get("report.none"));
            subheading.setText("");
            status.setText("");
            status.getStyleClass().setAll("label");
            examStatus.setText("");
            examStatus.getStyleClass().setAll("label");
            pages.getChildren().clear();
            return;
        }
        StepEntry exam = opened.exam();
        heading.setText(PatientNames.display(exam.patient()) + " · " + exam.step().description());
        examStatus.setText(messages.format("report.examStatus", messages.label(exam.step().status())));
        examStatus.getStyleClass().setAll("label", "step-status",
                "step-" + exam.step().status().name().toLowerCase(Locale.ROOT));
        if (!opened.started()) {
            subheading.setText(messages.format("report.subheading.new", exam.order().accessionNumber(),
                    messages.date(exam.step().scheduledStart().atZone(zone))));
            status.setText(messages.get("report.notStarted"));
            status.getStyleClass().setAll("label", "report-status", "report-none");
            status.setTooltip(null);
            updatingInvisible = true;
            invisible.setSelected(false);
            updatingInvisible = false;
            return;
        }
        ReportVersion version = opened.current();
        subheading.setText(messages.format("report.subheading", exam.order().accessionNumber(),
                messages.date(exam.step().scheduledStart().atZone(zone)), version.versionNumber(), opened.authorName()));
        status.setText(messages.label(version.status()) + (version.invisibleToPatient()
                ? " · " + messages.get("report.invisible.short") : ""));
        status.getStyleClass().setAll("label", "report-status", "report-" + version.status().name().toLowerCase(Locale.ROOT));
        updatingInvisible = true;
        invisible.setSelected(version.invisibleToPatient());
        updatingInvisible = false;
        if (version.status() == ReportStatus.RETRACTED) {
            status.setTooltip(new Tooltip(version.statusReason()));
        }
    }

    /**
     * The confirmation before signing: patient, exam, exam date and the conclusion as signed; when
     * the exam is not réalisé, the override and its reason (required, audited by core).
     */
    private void confirm(ReportGateway.Confirmation asked) {
        StepEntry exam = asked.exam();
        Dialog<String> dialog = new Dialog<>();
        dialog.initOwner(getScene().getWindow());
        dialog.setTitle(messages.get("report.confirm.title"));
        dialog.setHeaderText(messages.get("report.confirm.header"));
        ButtonType sign = new ButtonType(messages.get("report.confirm.sign"), ButtonBar.ButtonData.OK_DONE);
        ButtonType cancel = new ButtonType(messages.get("report.confirm.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE);
        dialog.getDialogPane().getButtonTypes().setAll(sign, cancel);
        dialog.getDialogPane().setId("validate-dialog");
        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(6);
        row(grid, 0, "report.confirm.patient", "validate-patient", PatientNames.display(exam.patient()) + " · "
                + messages.format("report.confirm.born", messages.date(exam.patient().traits().birthDate())));
        row(grid, 1, "report.confirm.exam", "validate-exam", exam.step().description() + " · "
                + messages.format("report.confirm.accession", exam.order().accessionNumber()));
        row(grid, 2, "report.confirm.date", "validate-date", messages.date(exam.step().scheduledStart().atZone(zone))
                + " " + messages.time(exam.step().scheduledStart().atZone(zone)));
        row(grid, 3, "report.confirm.examStatus", "validate-status", messages.label(exam.step().status()));
        row(grid, 4, "report.confirm.conclusion", "validate-conclusion",
                asked.conclusion().isBlank() ? messages.get("report.confirm.noConclusion") : asked.conclusion());
        VBox content = new VBox(12, grid);
        content.setPrefWidth(520);
        TextField override = new TextField();
        override.setId("validate-override");
        if (!asked.performed()) {
            Label warning = new Label(messages.format("report.confirm.notPerformed", messages.label(exam.step().status())),
                    Icon.WARNING.node(14));
            warning.setId("validate-not-performed");
            warning.setWrapText(true);
            warning.getStyleClass().add("warning-text");
            override.setPromptText(messages.get("report.confirm.override.prompt"));
            content.getChildren().addAll(warning, override);
            dialog.getDialogPane().lookupButton(sign).disableProperty().bind(override.textProperty().isEmpty()
                    .or(Bindings.createBooleanBinding(() -> override.getText().isBlank(), override.textProperty())));
        }
        dialog.getDialogPane().setContent(content);
        dialog.getDialogPane().lookupButton(sign).setId("validate-confirm");
        dialog.getDialogPane().lookupButton(cancel).setId("validate-cancel");
        dialog.setResultConverter(button -> button == sign ? (asked.performed() ? "" : override.getText()) : null);
        dialog.setOnHidden(e -> {
            String result = dialog.getResult();
            if (result == null) {
                model.cancelValidation();
            } else {
                model.validate(result.isBlank() ? null : result);
            }
        });
        dialog.show();
    }

    /** "Envoyer par MSSanté": a recipient from the annuaire santé, then a confirmation naming CR and recipient. */
    private void chooseMssRecipient() {
        new fr.opaline.ui.booking.DirectoryDialog(getScene().getWindow(), model::searchDirectory, this::confirmMss,
                messages, "report.mss.directory.title", "report.mss.directory.hint", "report.mss.directory.choose").show();
    }

    private void confirmMss(fr.opaline.api.DirectoryContact recipient) {
        ReportGateway.Opened current = model.openedProperty().get();
        if (recipient == null || current == null) {
            return;
        }
        Dialog<Boolean> dialog = new Dialog<>();
        dialog.initOwner(getScene().getWindow());
        dialog.setTitle(messages.get("report.mss.confirm.title"));
        ButtonType send = new ButtonType(messages.get("report.mss.confirm.send"), ButtonBar.ButtonData.OK_DONE);
        ButtonType cancel = new ButtonType(messages.get("report.confirm.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE);
        dialog.getDialogPane().getButtonTypes().setAll(send, cancel);
        dialog.getDialogPane().setId("mss-send-dialog");
        Label what = new Label(messages.format("report.mss.confirm.text", current.exam().step().description(),
                PatientNames.display(current.exam().patient()), recipient.displayName(), recipient.mssAddress()));
        what.setId("mss-send-summary");
        what.setWrapText(true);
        what.setMaxWidth(480);
        dialog.getDialogPane().setContent(what);
        dialog.getDialogPane().lookupButton(send).setId("mss-send-confirm");
        dialog.getDialogPane().lookupButton(cancel).setId("mss-send-cancel");
        dialog.setResultConverter(button -> button == send);
        dialog.setOnHidden(e -> {
            if (Boolean.TRUE.equals(dialog.getResult())) {
                model.sendByMss(recipient);
            }
        });
        dialog.show();
    }

    private void row(GridPane grid, int index, String labelKey, String id, String value) {
        Label name = label(messages.get(labelKey));
        Label shown = new Label(value);
        shown.setId(id);
        shown.setWrapText(true);
        shown.setMaxWidth(380);
        grid.addRow(index, name, shown);
    }

    /**
     * One pill per channel, kept from one read to the next and updated in place (a periodic read
     * does not take the pills out of the scene while it puts the new states in).
     */
    private void showSends() {
        List<Label> pills = new java.util.ArrayList<>();
        for (SendStatus send : model.sends()) {
            String state = send.state() == null ? messages.get("report.send.none") : messages.label(send.state());
            if (send.state() == JobState.PENDING && send.dueAt() != null) {
                state += " · " + messages.format("report.send.due", messages.time(send.dueAt().atZone(zone)));
            }
            Label pill = sendPills.computeIfAbsent(send.channel(), channel -> {
                Label created = new Label();
                created.setId("report-send-" + channel.name());
                return created;
            });
            pill.setText(messages.get("report.channel." + send.channel().name()) + " : " + state);
            pill.getStyleClass().setAll("label", "send-status",
                    "send-" + (send.state() == null ? "none" : send.state().name().toLowerCase(Locale.ROOT)));
            String tip = send.lastError() != null && !send.lastError().isBlank() ? send.lastError() : send.subject();
            pill.setTooltip(tip == null ? null : new Tooltip(tip));
            pills.add(pill);
        }
        if (!sendRow.getChildren().equals(pills)) {
            sendRow.getChildren().setAll(pills);
        }
    }

    private void showPreview() {
        pages.getChildren().clear();
        for (javafx.scene.image.Image image : model.previewPages()) {
            ImageView page = new ImageView(image);
            page.setPreserveRatio(true);
            page.setFitWidth(Math.min(image.getWidth(), 560));
            page.getStyleClass().add("pdf-page");
            pages.getChildren().add(page);
        }
    }
}
