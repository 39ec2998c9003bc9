package fr.opaline.ui.patient;

import fr.opaline.core.patient.PatientFile;
import fr.opaline.core.document.ClinicalDocument;
import fr.opaline.core.order.ScheduledProcedureStep;
import fr.opaline.core.patient.InsNumber;
import fr.opaline.core.patient.Patient;
import fr.opaline.ui.dmp.DicaIcon;
import fr.opaline.ui.dmp.DicaPanel;
import fr.opaline.ui.dmp.DmpDocumentsPane;
import fr.opaline.ui.document.DocumentViewer;
import fr.opaline.ui.i18n.Messages;
import fr.opaline.ui.insi.InsiComparisonPane;
import fr.opaline.ui.widgets.Banner;
import fr.opaline.ui.widgets.Icon;
import fr.opaline.ui.widgets.IdentityBadge;
import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The patient record: a header with the identity status readable at once, the identity traits
 * and contact details, and the patient's appointments, orders and documents.
 */
public final class PatientRecordView extends BorderPane {

    private final PatientRecordViewModel model;
    private final Messages messages;
    private final Clock clock;
    private final ZoneId zone;
    private final VBox header = new VBox(6);
    private final GridPane identity = new GridPane();
    private final GridPane contact = new GridPane();
    private final Tab appointmentsTab = new Tab();
    private final Tab ordersTab = new Tab();
    private final Tab documentsTab = new Tab();
    private final Tab dmpTab = new Tab();
    private final DicaIcon dicaIcon;
    private final Label dmpCounts = new Label();
    private final DicaPanel dicaPanel;
    private final Button backButton;
    private final fr.opaline.ui.identity.IdentityDeskPane desk;
    private Runnable back;
    private final Button labelsButton = new Button();
    private final javafx.beans.property.StringProperty printInfo = new javafx.beans.property.SimpleStringProperty();

    public PatientRecordView(PatientRecordViewModel model, Messages messages, Clock clock,
                             java.util.function.Consumer<Patient> book) {
        this.model = model;
        this.messages = messages;
        this.clock = clock;
        this.zone = clock.getZone();
        getStyleClass().add("screen");
        setId("patient-record");

        backButton = new Button(messages.get("record.back"), Icon.BACK.node(14));
        backButton.setOnAction(e -> back.run());
        backButton.setId("record-back");
        Button bookButton = new Button(messages.get("record.book"), Icon.PLUS.node(14));
        bookButton.getStyleClass().add("primary");
        bookButton.setId("record-book");
        bookButton.disableProperty().bind(model.patientProperty().isNull());
        bookButton.setOnAction(e -> book.accept(model.patientProperty().get()));
        ProgressIndicator loading = new ProgressIndicator();
        loading.setPrefSize(18, 18);
        loading.visibleProperty().bind(model.loadingProperty());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        labelsButton.setText(messages.get("print.labels"));
        labelsButton.setId("record-labels");
        labelsButton.setVisible(false);
        labelsButton.setManaged(false);
        labelsButton.disableProperty().bind(model.patientProperty().isNull());
        HBox toolbar = new HBox(12, backButton, spacer, loading, labelsButton, bookButton);
        toolbar.setAlignment(Pos.CENTER_LEFT);
        toolbar.getStyleClass().add("toolbar");
        Banner banner = new Banner();
        banner.bind(model.errorProperty(), printInfo);
        banner.setId("record-banner");

        header.getStyleClass().addAll("card", "record-header");
        header.setId("record-header");
        VBox top = new VBox(0, toolbar, banner);
        top.getStyleClass().add("screen-top");
        setTop(top);

        identity.getStyleClass().add("facts");
        identity.setHgap(14);
        identity.setVgap(7);
        contact.getStyleClass().add("facts");
        contact.setHgap(14);
        contact.setVgap(7);
        VBox identityCard = card(messages.get("record.identity"), identity);
        identityCard.setId("record-identity");
        VBox contactCard = card(messages.get("record.contact"), contact);
        VBox left = new VBox(12, identityCard);
        if (model.desk().available()) {
            desk = new fr.opaline.ui.identity.IdentityDeskPane(model.desk(), messages, clock, model::userName);
            left.getChildren().add(desk);
        } else {
            desk = null;
        }
        if (model.insi().available()) {
            left.getChildren().add(insiCard());
        }
        left.getChildren().addAll(contactCard, new RecordHistoryPane(model, messages, zone));
        left.setPrefWidth(430);
        left.setMinWidth(380);
        ScrollPane leftScroll = new ScrollPane(left);
        leftScroll.setFitToWidth(true);
        leftScroll.getStyleClass().add("plain-scroll");
        leftScroll.setMinWidth(400);
        leftScroll.setPrefWidth(450);

        TabPane tabs = new TabPane(appointmentsTab, ordersTab, documentsTab);
        if (model.dmp().available()) {
            dmpTab.setContent(new DmpDocumentsPane(model.dmp(), messages, zone, model::reload));
            dmpTab.setId("record-dmp-tab");
            tabs.getTabs().add(dmpTab);
            // The practice's own CRs and the DMP: historical feed, DMP-only delete, visibility (issue 23).
            Tab feedTab = new Tab(messages.get("record.tab.dmpFeed"),
                    new fr.opaline.ui.dmp.DmpFeedPane(model.feed(), model.documents(), messages, zone));
            feedTab.setId("record-dmp-feed-tab");
            tabs.getTabs().add(feedTab);
        }
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.getStyleClass().add("record-tabs");
        appointmentsTab.setContent(appointmentsTable());
        ordersTab.setContent(withImages(ordersTable()));
        TableView<ClinicalDocument> documentList = documentsTable();
        documentList.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> {
            if (now != null) {
                model.viewer().show(now);
            }
        });
        SplitPane documentsSplit = new SplitPane(documentList, new DocumentViewer(model.viewer(), messages));
        documentsSplit.setOrientation(javafx.geometry.Orientation.VERTICAL);
        documentsSplit.setDividerPositions(0.32);
        documentsTab.setContent(documentsSplit);
        documentsTab.setId("record-documents-tab");
        VBox right = new VBox(tabs);
        right.getStyleClass().add("card");
        VBox.setVgrow(tabs, Priority.ALWAYS);
        HBox.setHgrow(right, Priority.ALWAYS);

        HBox body = new HBox(12, leftScroll, right);
        dicaIcon = new DicaIcon(model.dica(), messages);
        // "Qualifier l'INS": the identity-document check at the desk, and INSi when no INS is held yet.
        dicaPanel = new DicaPanel(model.dica(), messages, () -> {
            if (desk != null) {
                desk.openCheck();
            }
            Patient shown = model.patientProperty().get();
            if (model.insi().available() && shown != null && shown.ins() == null) {
                model.lookupInsi();
            }
        }, model.dmp()::open);
        dicaPanel.visibleProperty().bind(dicaIcon.selectedProperty());
        dicaPanel.managedProperty().bind(dicaPanel.visibleProperty());
        dmpCounts.setId("dmp-counts");
        dmpCounts.getStyleClass().add("dmp-counts");
        dmpCounts.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() ->
                model.dmp().countsProperty().get() == null ? model.dmp().statusProperty().get()
                        : model.dmp().countsProperty().get().describe(),
                model.dmp().countsProperty(), model.dmp().statusProperty()));
        model.dmp().countsProperty().addListener((o, was, now) -> updateCounts());
        VBox content = new VBox(12, header, dicaPanel, body);
        VBox.setVgrow(body, Priority.ALWAYS);
        setCenter(content);
        setPadding(new Insets(0, 16, 16, 16));

        model.patientProperty().addListener((o, was, now) -> showPatient(now));
        model.appointments().addListener((ListChangeListener<Object>) c -> updateCounts());
        model.orders().addListener((ListChangeListener<Object>) c -> updateCounts());
        model.documents().addListener((ListChangeListener<Object>) c -> updateCounts());
        updateCounts();
    }

    private VBox insiCard() {
        Button lookup = new Button(messages.get("record.insi.lookup"), Icon.SEARCH.node(14));
        lookup.setId("record-insi");
        lookup.disableProperty().bind(model.insi().busyProperty().or(model.patientProperty().isNull()));
        lookup.setOnAction(e -> model.lookupInsi());
        Label note = new Label(messages.get("record.insi.note"));
        note.getStyleClass().add("muted");
        note.setWrapText(true);
        VBox card = card(messages.get("record.insi"), new VBox(8, note, lookup,
                new InsiComparisonPane(model.insi(), messages, messages.get("record.insi.validate"), model::confirmInsi,
                        false)));
        card.setId("record-insi-card");
        // Only an identity neither récupérée nor qualifiée is looked up at the desk (DSR 3.2.8).
        card.visibleProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(() ->
                model.patientProperty().get() != null
                        && fr.opaline.ins.insi.InsiLookupService.shouldQueryOnOpen(model.patientProperty().get()),
                model.patientProperty()));
        card.managedProperty().bind(card.visibleProperty());
        return card;
    }

    /** Where "back" leads (the search, the agenda…), and how the button says it. */
    public void setBack(String label, Runnable action) {
        backButton.setText(label);
        back = action;
    }

    private void updateCounts() {
        appointmentsTab.setText(messages.format("record.tab.appointments", model.appointments().size()));
        ordersTab.setText(messages.format("record.tab.orders", model.orders().size()));
        documentsTab.setText(messages.format("record.tab.documents", model.documents().size()));
        dmpTab.setText(model.dmp().countsProperty().get() == null ? messages.get("record.tab.dmp")
                : messages.format("record.tab.dmpCounts", model.dmp().countsProperty().get().total(),
                model.dmp().countsProperty().get().newSinceLastVisit()));
    }

    private void showPatient(Patient patient) {
        header.getChildren().clear();
        identity.getChildren().clear();
        contact.getChildren().clear();
        if (patient == null) {
            return;
        }
        Label name = new Label(PatientNames.display(patient));
        name.getStyleClass().add("record-name");
        name.setId("record-name");
        IdentityBadge badge = IdentityBadge.of(patient, messages, IdentityBadge.Size.FULL);
        badge.setId("record-identity-badge");
        badge.getStyleClass().add("identity-large");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox first = new HBox(14, name, spacer, badge);
        if (model.dica().available()) {
            first.getChildren().addAll(dmpCounts, dicaIcon);
        }
        first.setAlignment(Pos.CENTER_LEFT);
        int age = Period.between(patient.traits().birthDate(), LocalDate.now(clock)).getYears();
        String born = messages.format(patient.traits().sex() == fr.opaline.core.patient.Sex.F ? "record.subtitle.f"
                        : "record.subtitle.m", patient.traits().birthName(), messages.date(patient.traits().birthDate()), age,
                messages.label(patient.traits().sex()), patient.ipp());
        Label subtitle = new Label(born);
        subtitle.getStyleClass().add("record-subtitle");
        Label hint = new Label(IdentityPresentation.of(patient, messages).tooltip());
        hint.getStyleClass().add("record-identity-hint");
        hint.setWrapText(true);
        hint.setId("record-identity-hint");
        header.getChildren().addAll(first, subtitle);
        if (!patient.insQualified() || patient.attributes().doubtful() || patient.attributes().fictitious()
                || patient.attributes().homonym()) {
            header.getChildren().add(hint);
        }

        int row = 0;
        row = fact(identity, row, messages.get("record.birthName"), patient.traits().birthName());
        row = fact(identity, row, messages.get("record.birthFirstNames"), patient.traits().birthFirstNames());
        row = fact(identity, row, messages.get("record.firstBirthFirstName"), patient.traits().firstBirthFirstName());
        row = fact(identity, row, messages.get("record.birthDate"), messages.date(patient.traits().birthDate()));
        row = fact(identity, row, messages.get("record.sex"), messages.label(patient.traits().sex()));
        row = fact(identity, row, messages.get("record.birthplace"), birthplace(patient));
        identity.getChildren().get(identity.getChildren().size() - 1).setId("record-birthplace");
        row = fact(identity, row, messages.get("record.usedName"), orDash(patient.usedName()));
        row = fact(identity, row, messages.get("record.usedFirstName"), orDash(patient.usedFirstName()));
        row = fact(identity, row, messages.get("record.ins"), insText(patient.ins()));
        row = fact(identity, row, messages.get("record.evidence"), patient.identityEvidence() == null
                ? messages.get("record.noEvidence") : evidence(patient.identityEvidence()));
        row = fact(identity, row, messages.get("record.insVerified"), patient.insVerifiedAt() == null ? "—"
                : messages.date(patient.insVerifiedAt().atZone(zone)));
        fact(identity, row, messages.get("record.ipp"), patient.ipp());

        int c = 0;
        c = fact(contact, c, messages.get("record.phone"), orDash(patient.contact().phone()));
        c = fact(contact, c, messages.get("record.email"), orDash(patient.contact().email()));
        String address = patient.contact().addressLine() == null ? "—" : patient.contact().addressLine() + "\n"
                + orDash(patient.contact().postalCode()) + " " + orDash(patient.contact().city());
        fact(contact, c, messages.get("record.address"), address);
    }

    /** "Cherbourg-Octeville (50)", "Belgique (pays)": a name, never a bare code. */
    private String birthplace(Patient patient) {
        String code = patient.traits().birthplaceCode();
        if (code == null) {
            return messages.get("record.notEntered");
        }
        fr.opaline.api.Birthplace named = model.birthplaceProperty().get();
        if (named != null && code.equals(named.code())) {
            return named.label();
        }
        return messages.format("record.birthplace.unknown", code);
    }

    private String evidence(String code) {
        return messages.find("record.evidence." + code).orElse(code);
    }

    private String insText(InsNumber ins) {
        if (ins == null) {
            return messages.get("record.noIns");
        }
        String kind = messages.get(ins.isNia() ? "record.ins.nia" : "record.ins.nir");
        return ins.matricule() + " (" + kind + (ins.isTest() ? ", " + messages.get("record.ins.test") : "") + ")";
    }

    private static String orDash(String text) {
        return text == null || text.isBlank() ? "—" : text;
    }

    private VBox card(String title, Node content) {
        Label label = new Label(title);
        label.getStyleClass().add("card-title");
        VBox card = new VBox(10, label, content);
        card.getStyleClass().add("card");
        return card;
    }

    private int fact(GridPane grid, int row, String label, String value) {
        Label l = new Label(label);
        l.getStyleClass().add("fact-label");
        l.setMinWidth(Region.USE_PREF_SIZE);
        Label v = new Label(value);
        v.getStyleClass().add("fact-value");
        v.setWrapText(true);
        grid.addRow(row, l, v);
        return row + 1;
    }

    private TableView<PatientFile.AppointmentLine> appointmentsTable() {
        TableView<PatientFile.AppointmentLine> table = table(model.appointments(), "record-appointments");
        table.getColumns().add(text(messages.get("record.col.date"),
                a -> messages.date(a.appointment().startsAt().atZone(zone)), 95));
        table.getColumns().add(text(messages.get("record.col.time"),
                a -> messages.time(a.appointment().startsAt().atZone(zone)), 60));
        table.getColumns().add(text(messages.get("record.col.exam"), a -> a.exam() == null ? "" : a.exam().label(), 240));
        table.getColumns().add(text(messages.get("record.col.room"), a -> a.room() == null ? "" : a.room().name(), 140));
        table.getColumns().add(text(messages.get("record.col.status"), a -> messages.label(a.appointment().status()), 90));
        table.setPlaceholder(new Label(messages.get("record.appointments.none")));
        return table;
    }

    /** The selected exam's images in the DRIMbox conso, when the patient consented (SC.DB/TRA.05). */
    private javafx.scene.Node withImages(TableView<PatientFile.OrderLine> table) {
        javafx.scene.control.Button images = new javafx.scene.control.Button(messages.get("record.images.menu"));
        images.setId("record-order-images");
        images.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        images.setOnAction(e -> {
            PatientFile.OrderLine line = table.getSelectionModel().getSelectedItem();
            model.images(line, url -> DrimboxImagesDialog.show(getScene().getWindow(), line.order().accessionNumber(),
                    url, model.background(), messages));
        });
        javafx.scene.layout.VBox box = new javafx.scene.layout.VBox(8, table, images);
        javafx.scene.layout.VBox.setVgrow(table, javafx.scene.layout.Priority.ALWAYS);
        return box;
    }

    private TableView<PatientFile.OrderLine> ordersTable() {
        TableView<PatientFile.OrderLine> table = table(model.orders(), "record-orders");
        table.getColumns().add(text(messages.get("record.col.accession"), o -> o.order().accessionNumber(), 110));
        table.getColumns().add(text(messages.get("record.col.created"),
                o -> messages.date(o.order().createdAt().atZone(zone)), 95));
        table.getColumns().add(text(messages.get("record.col.procedure"), PatientFile.OrderLine::description, 220));
        table.getColumns().add(text(messages.get("record.col.scheduled"), o -> o.steps().isEmpty() ? ""
                : messages.date(o.steps().get(0).scheduledStart().atZone(zone)) + " "
                + messages.time(o.steps().get(0).scheduledStart().atZone(zone)), 130));
        table.getColumns().add(text(messages.get("record.col.step"), o -> o.steps().stream()
                .map(ScheduledProcedureStep::status).map(messages::label).distinct()
                .reduce((a, b) -> a + ", " + b).orElse(""), 100));
        table.getColumns().add(text(messages.get("record.col.referrer"),
                o -> orDash(o.order().referringPhysicianName()), 150));
        table.setPlaceholder(new Label(messages.get("record.orders.none")));
        return table;
    }

    private TableView<ClinicalDocument> documentsTable() {
        TableView<ClinicalDocument> table = table(model.documents(), "record-documents");
        TableColumn<ClinicalDocument, ClinicalDocument> provenance = new TableColumn<>(messages.get("record.col.provenance"));
        provenance.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
        provenance.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(ClinicalDocument document, boolean empty) {
                super.updateItem(document, empty);
                setGraphic(empty || document == null ? null : ProvenanceIcons.of(document.provenance(), messages));
                setAlignment(Pos.CENTER);
            }
        });
        provenance.setPrefWidth(80);
        provenance.setSortable(false);
        table.getColumns().add(provenance);
        table.getColumns().add(text(messages.get("record.col.type"), d -> documentType(d.typeCode()), 170));
        table.getColumns().add(text(messages.get("record.col.title"), ClinicalDocument::title, 230));
        table.getColumns().add(text(messages.get("record.col.actDate"), d -> messages.date(d.effectiveAt().atZone(zone)), 95));
        table.getColumns().add(text(messages.get("record.col.author"), d -> orDash(d.authorName()), 150));
        table.getColumns().add(text(messages.get("record.col.docStatus"), d -> messages.label(d.status())
                + (d.invisibleToPatient() ? " · " + messages.get("record.invisible") : ""), 150));
        table.getColumns().add(text(messages.get("record.col.forms"), this::forms, 110));
        table.setPlaceholder(new Label(messages.get("record.documents.none")));
        // The N1 and the PDF of a local CR, behind its line (CDA/DD.15).
        table.setRowFactory(t -> {
            javafx.scene.control.TableRow<ClinicalDocument> row = new javafx.scene.control.TableRow<>();
            row.itemProperty().addListener((o, was, now) -> row.setContextMenu(now == null ? null : formsMenu(now)));
            return row;
        });
        return table;
    }

    /** "CDA N3 · N1 · PDF" for a local CR, the document's own form otherwise. */
    private String forms(ClinicalDocument listed) {
        return String.join(" · ", model.variants(listed).stream().map(this::form).toList());
    }

    private String form(ClinicalDocument d) {
        if ("application/pdf".equals(d.mimeType())) {
            return "PDF";
        }
        if (d.reportVersionId() == null) {
            return "CDA";
        }
        ClinicalDocument n3 = model.variants(d).get(0);
        return d.documentUid().equals(n3.documentUid() + ".1") ? "CDA N1" : "CDA N3";
    }

    private javafx.scene.control.ContextMenu formsMenu(ClinicalDocument listed) {
        javafx.scene.control.ContextMenu menu = new javafx.scene.control.ContextMenu();
        for (ClinicalDocument variant : model.variants(listed)) {
            javafx.scene.control.MenuItem item = new javafx.scene.control.MenuItem(messages.format("record.documents.open",
                    form(variant)));
            item.setId("record-document-form-" + form(variant).replace(' ', '-'));
            item.setOnAction(e -> model.viewer().show(variant));
            menu.getItems().add(item);
        }
        return menu;
    }

    private String documentType(String code) {
        return messages.find("documentType." + code).orElse(code);
    }

    private static <T> TableView<T> table(ObservableList<T> items, String id) {
        TableView<T> table = new TableView<>(items);
        table.setId(id);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        return table;
    }

    private static <T> TableColumn<T, String> text(String title, Function<T, String> value, double width) {
        TableColumn<T, String> column = new TableColumn<>(title);
        column.setCellValueFactory(c -> new ReadOnlyStringWrapper(value.apply(c.getValue())));
        column.setPrefWidth(width);
        return column;
    }

    /**
     * Offers the patient labels, rendered by the server, printed or saved as PDF (toolbar button).
     *
     * @param fetch the labels of a patient, called off the FX thread
     */
    public void offerLabels(fr.opaline.ui.concurrent.Background background,
                            java.util.function.Function<Patient, fr.opaline.api.PrintedDocument> fetch) {
        fr.opaline.ui.print.Printouts printouts = new fr.opaline.ui.print.Printouts(background, messages, printInfo::set,
                model.errorProperty()::set);
        labelsButton.setVisible(true);
        labelsButton.setManaged(true);
        labelsButton.setOnAction(e -> {
            Patient patient = model.patientProperty().get();
            printouts.offer(getScene().getWindow(), messages.format("print.labels.title", PatientNames.display(patient)),
                    progress -> fetch.apply(patient));
        });
    }

}
