package fr.opaline.ui.admin;

import fr.opaline.core.catalogue.ExamType;
import fr.opaline.core.catalogue.Modality;
import fr.opaline.core.catalogue.Room;
import fr.opaline.core.user.AccountSummary;
import fr.opaline.core.user.Role;
import fr.opaline.ins.trust.Channel;
import fr.opaline.ins.trust.TrustedCorrespondent;
import fr.opaline.mss.mailbox.Mailbox;
import fr.opaline.mss.mailbox.MailboxKind;
import fr.opaline.api.admin.CertificateStatus;
import fr.opaline.api.admin.ConfiguredEndpoint;
import fr.opaline.api.admin.ServiceSettings;
import fr.opaline.ui.i18n.Messages;
import fr.opaline.ui.widgets.Banner;
import fr.opaline.ui.widgets.Choices;
import fr.opaline.ui.widgets.Columns;
import fr.opaline.ui.widgets.Icon;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.value.ObservableValue;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * « Administration »: tabs for accounts and roles, trust contracts, rooms and exams, MSSanté
 * mailboxes, and the configured endpoints and certificates (read only); the link to the ANS
 * service status page in the toolbar.
 */
public final class AdministrationView extends BorderPane {

    private final AdministrationViewModel model;
    private final Messages messages;
    private final ZoneId zone;

    public AdministrationView(AdministrationViewModel model, Messages messages, ZoneId zone) {
        this.model = model;
        this.messages = messages;
        this.zone = zone;
        setId("admin");
        getStyleClass().add("screen");

        Label title = new Label(messages.get("admin.title"));
        title.getStyleClass().add("screen-title");
        Label subtitle = new Label(messages.get("admin.subtitle"));
        subtitle.getStyleClass().add("muted");
        Hyperlink ans = new Hyperlink(messages.get("admin.ans.link"), Icon.INFO.node(14));
        ans.setId("admin-ans-status");
        Tooltip ansTip = new Tooltip();
        ansTip.textProperty().bind(model.ansStatusUrlProperty());
        ans.setTooltip(ansTip);
        ans.setOnAction(e -> model.openAnsStatus());
        Label refreshed = new Label();
        refreshed.getStyleClass().add("muted");
        refreshed.setId("admin-refreshed");
        model.refreshedAtProperty().addListener((o, was, now) ->
                refreshed.setText(now == null ? "" : messages.format("admin.refreshedAt", messages.time(now))));
        Button refresh = new Button(messages.get("admin.refresh"), Icon.REFRESH.node(14));
        refresh.setId("admin-refresh");
        refresh.setOnAction(e -> model.refresh());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox toolbar = new HBox(12, new VBox(2, title, subtitle), spacer, ans, refreshed, refresh);
        toolbar.setAlignment(Pos.CENTER_LEFT);
        toolbar.getStyleClass().add("toolbar");
        Banner banner = new Banner();
        banner.setId("admin-banner");
        banner.bind(model.errorProperty(), model.infoProperty());
        VBox top = new VBox(10, toolbar, banner);
        top.getStyleClass().add("screen-top");
        top.setPadding(new Insets(0, 0, 12, 0));
        setTop(top);

        TabPane tabs = new TabPane(
                tab("admin-tab-accounts", "admin.tab.accounts", accountsTab()),
                tab("admin-tab-trust", "admin.tab.trust", trustTab()),
                tab("admin-tab-catalogue", "admin.tab.catalogue", catalogueTab()),
                tab("admin-tab-mss", "admin.tab.mss", mailboxesTab()),
                tab("admin-tab-config", "admin.tab.config", configurationTab()));
        tabs.getTabs().add(tab("admin-tab-views", "admin.tab.views", viewsTab()));
        tabs.setId("admin-tabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        VBox center = new VBox(tabs);
        VBox.setVgrow(tabs, Priority.ALWAYS);
        center.getStyleClass().add("card");
        setCenter(center);
        setPadding(new Insets(0, 16, 16, 16));
    }

    private Tab tab(String id, String key, Node content) {
        Tab tab = new Tab(messages.get(key), content);
        tab.setId(id);
        return tab;
    }

    // Accounts and roles

    private Node accountsTab() {
        TableView<AccountSummary> table = table("admin-accounts-table", model.accounts(), "admin.accounts.none");
        keepSelection(table, a -> a.user().id());
        table.getColumns().add(text("admin.col.login", a -> a.user().login(), 120));
        table.getColumns().add(text("admin.col.name", a -> a.user().displayName(), 180));
        table.getColumns().add(text("admin.col.role", a -> messages.label(a.user().role()), 120));
        table.getColumns().add(text("admin.col.rpps", a -> orEmpty(a.user().rpps()), 110));
        table.getColumns().add(text("admin.col.active", a -> yesNo(a.user().active()), 60));
        table.getColumns().add(text("admin.col.locked", a -> a.lockedUntil() == null ? ""
                : messages.format("admin.accounts.lockedUntil", dateTime(a.lockedUntil())), 150));
        table.getColumns().add(text("admin.col.password", a -> !a.localPassword() ? messages.get("admin.accounts.pscOnly")
                : a.mustChangePassword() ? messages.get("admin.accounts.temporary") : messages.get("admin.accounts.set"),
                140));
        ObservableValue<AccountSummary> selected = table.getSelectionModel().selectedItemProperty();

        ComboBox<Role> newRole = Choices.of("admin-account-new-role", messages::label, Role.values());
        Button changeRole = button("admin-account-change-role", "admin.accounts.changeRole",
                () -> model.changeRole(selected.getValue(), newRole.getValue(), null));
        changeRole.disableProperty().bind(Bindings.createBooleanBinding(() -> model.busyProperty().get()
                || selected.getValue() == null || newRole.getValue() == null
                || newRole.getValue() == selected.getValue().user().role(),
                model.busyProperty(), selected, newRole.valueProperty()));
        Button disable = button("admin-account-disable", "admin.accounts.disable",
                () -> model.setActive(selected.getValue(), false));
        disable.getStyleClass().add("danger");
        disable.disableProperty().bind(when(selected, a -> a.user().active()));
        Button enable = button("admin-account-enable", "admin.accounts.enable",
                () -> model.setActive(selected.getValue(), true));
        enable.disableProperty().bind(when(selected, a -> !a.user().active()));
        Button unlock = button("admin-account-unlock", "admin.accounts.unlock", () -> model.unlock(selected.getValue()));
        unlock.disableProperty().bind(when(selected, AdministrationViewModel::locked));
        HBox actions = row(new Label(messages.get("admin.accounts.newRole")), newRole, changeRole, disable, enable, unlock);
        Button reset = button("admin-account-reset-password", "admin.accounts.resetPassword",
                () -> model.resetPassword(selected.getValue()));
        reset.disableProperty().bind(when(selected, a -> true));
        Button reenrol = button("admin-account-reenrol-totp", "admin.accounts.reenrolTotp",
                () -> model.reenrolTotp(selected.getValue()));
        reenrol.disableProperty().bind(when(selected, AccountSummary::localPassword));
        HBox credentials = row(reset, reenrol);

        TextField login = field("admin-account-login", "admin.accounts.login", 130);
        TextField name = field("admin-account-name", "admin.accounts.name", 180);
        ComboBox<Role> role = Choices.of("admin-account-role", messages::label, Role.values());
        role.setPromptText(messages.get("admin.accounts.role"));
        TextField rpps = field("admin-account-rpps", "admin.accounts.rpps", 120);
        TextField profession = field("admin-account-profession", "admin.accounts.profession", 110);
        PasswordField password = new PasswordField();
        password.setId("admin-account-password");
        password.setPromptText(messages.get("admin.accounts.password"));
        password.setTooltip(new Tooltip(messages.get("admin.accounts.password.tip")));
        password.setPrefWidth(170);
        Button create = button("admin-account-create", "admin.accounts.create", () -> {
            char[] secret = password.getText().toCharArray();
            model.createAccount(login.getText(), name.getText(), role.getValue(), rpps.getText(), profession.getText(),
                    secret, () -> {
                        login.clear();
                        name.clear();
                        role.setValue(null);
                        rpps.clear();
                        profession.clear();
                    });
            password.clear();
        });
        create.setGraphic(Icon.PLUS.node(12));
        create.disableProperty().bind(model.busyProperty());
        Node form = form("admin.accounts.createTitle", login, name, role, rpps, profession, password, create);
        return tabContent(table, actions, credentials, issuedPassword(), issuedTotp(), form);
    }

    /** The temporary password just generated: selectable to hand it over, shown until dismissed. */
    private Node issuedPassword() {
        Label title = new Label();
        TextField secret = new TextField();
        secret.setId("admin-issued-password");
        secret.setEditable(false);
        secret.setPrefColumnCount(24);
        Button dismiss = button("admin-issued-dismiss", "admin.accounts.issuedDismiss", model::dismissIssued);
        HBox box = row(title, secret, dismiss);
        box.setId("admin-issued-password-box");
        box.getStyleClass().add("notice");
        model.issuedPasswordProperty().addListener((o, was, now) -> {
            title.setText(now == null ? "" : messages.format("admin.accounts.issuedPassword", now.login()));
            secret.setText(now == null ? "" : now.password());
        });
        box.visibleProperty().bind(model.issuedPasswordProperty().isNotNull());
        box.managedProperty().bind(box.visibleProperty());
        return box;
    }

    /** The re-enrolled second factor: its QR code and key, and the first code that confirms it. */
    private Node issuedTotp() {
        Label title = new Label();
        title.setWrapText(true);
        javafx.scene.image.ImageView qr = new javafx.scene.image.ImageView();
        qr.setId("admin-totp-qr");
        qr.setPreserveRatio(true);
        qr.setFitWidth(200);
        Label key = new Label();
        key.setId("admin-totp-secret");
        TextField code = field("admin-totp-code", "admin.accounts.totpCode", 110);
        Button confirm = button("admin-totp-confirm", "admin.accounts.totpConfirm", () -> {
            model.confirmTotp(code.getText());
            code.clear();
        });
        confirm.disableProperty().bind(model.busyProperty());
        Button dismiss = button("admin-totp-dismiss", "admin.accounts.issuedDismiss", model::dismissIssued);
        VBox details = new VBox(8, title, key, row(code, confirm, dismiss));
        HBox box = row(qr, details);
        box.setId("admin-totp-box");
        box.getStyleClass().add("notice");
        model.issuedTotpProperty().addListener((o, was, now) -> {
            title.setText(now == null ? "" : messages.format("admin.accounts.totpTitle", now.login()));
            key.setText(now == null ? "" : messages.format("admin.accounts.totpSecret", now.secret()));
            qr.setImage(now == null ? null : now.qr());
        });
        box.visibleProperty().bind(model.issuedTotpProperty().isNotNull());
        box.managedProperty().bind(box.visibleProperty());
        return box;
    }

    // Trust contracts

    private Node trustTab() {
        TableView<TrustedCorrespondent> table = table("admin-trust-table", model.correspondents(), "admin.trust.none");
        keepSelection(table, TrustedCorrespondent::id);
        table.getColumns().add(text("admin.col.name", TrustedCorrespondent::name, 200));
        table.getColumns().add(text("admin.col.channel", c -> messages.label(c.channel()), 200));
        table.getColumns().add(text("admin.col.identifier", TrustedCorrespondent::identifier, 180));
        table.getColumns().add(text("admin.col.contract", c -> orEmpty(c.contractRef()), 140));
        table.getColumns().add(text("admin.col.identityTrust", c -> yesNo(c.identityTrust()), 70));
        table.getColumns().add(text("admin.col.addresses", c -> String.join(", ", c.allowedAddresses()), 160));
        table.getColumns().add(text("admin.col.messageTypes", c -> String.join(", ", c.messageTypes()), 200));
        table.getColumns().add(text("admin.col.active", c -> yesNo(c.active()), 60));
        ObservableValue<TrustedCorrespondent> selected = table.getSelectionModel().selectedItemProperty();
        Button remove = button("admin-trust-disable", "admin.trust.disable",
                () -> model.setCorrespondentActive(selected.getValue(), false));
        remove.getStyleClass().add("danger");
        remove.disableProperty().bind(when(selected, TrustedCorrespondent::active));
        Button enable = button("admin-trust-enable", "admin.trust.enable",
                () -> model.setCorrespondentActive(selected.getValue(), true));
        enable.disableProperty().bind(when(selected, c -> !c.active()));

        TextField name = field("admin-trust-name", "admin.trust.name", 200);
        ComboBox<Channel> channel = Choices.of("admin-trust-channel", messages::label, Channel.values());
        channel.setPromptText(messages.get("admin.trust.channel"));
        TextField identifier = field("admin-trust-identifier", "admin.trust.identifier", 180);
        TextField contract = field("admin-trust-contract", "admin.trust.contract", 140);
        Button add = button("admin-trust-add", "admin.trust.add", () -> model.addCorrespondent(name.getText(),
                channel.getValue(), identifier.getText(), contract.getText(), () -> {
                    name.clear();
                    identifier.clear();
                    contract.clear();
                }));
        add.setGraphic(Icon.PLUS.node(12));
        add.disableProperty().bind(model.busyProperty());
        Label help = new Label(messages.get("admin.trust.help"));
        help.getStyleClass().add("muted");
        help.setWrapText(true);
        return tabContent(help, table, row(remove, enable),
                form("admin.trust.addTitle", name, channel, identifier, contract, add), peerForm(selected),
                routesForm(selected));
    }

    /** The outbound HL7 routes (adt, orm, pfi) of every peer; a route is given to the selected peer. */
    private Node routesForm(ObservableValue<TrustedCorrespondent> selected) {
        TableView<fr.opaline.api.admin.Hl7RouteEntry> table = table("admin-routes-table", model.routes(),
                "admin.route.none");
        table.setPrefHeight(140);
        table.getColumns().add(text("admin.col.name", fr.opaline.api.admin.Hl7RouteEntry::peerName, 200));
        table.getColumns().add(text("admin.route.kind", fr.opaline.api.admin.Hl7RouteEntry::kind, 80));
        table.getColumns().add(text("admin.route.destination", r -> r.host() + ":" + r.port(), 220));
        table.getColumns().add(text("admin.route.tls", r -> yesNo(r.tls()), 60));
        ComboBox<String> kind = Choices.of("admin-route-kind", k -> messages.get("admin.route.kind." + k),
                "adt", "orm", "pfi");
        kind.setPromptText(messages.get("admin.route.kind"));
        TextField host = field("admin-route-host", "admin.route.host", 200);
        TextField port = field("admin-route-port", "admin.route.port", 80);
        CheckBox tls = new CheckBox(messages.get("admin.route.tls"));
        tls.setId("admin-route-tls");
        Button save = button("admin-route-save", "admin.route.save", () -> model.setHl7Route(selected.getValue(),
                kind.getValue(), host.getText(), port.getText(), tls.isSelected(), () -> {
                    host.clear();
                    port.clear();
                }));
        save.disableProperty().bind(model.busyProperty().or(javafx.beans.binding.Bindings.createBooleanBinding(
                () -> selected.getValue() == null || !selected.getValue().isHl7Peer(), selected)));
        Button remove = button("admin-route-remove", "admin.route.remove",
                () -> model.removeHl7Route(table.getSelectionModel().getSelectedItem()));
        remove.getStyleClass().add("danger");
        remove.disableProperty().bind(model.busyProperty().or(table.getSelectionModel().selectedItemProperty().isNull()));
        Label help = new Label(messages.get("admin.route.help"));
        help.getStyleClass().add("muted");
        help.setWrapText(true);
        return new javafx.scene.layout.VBox(6, help, table, row(remove),
                form("admin.route.title", kind, host, port, tls, save));
    }

    /** The HL7 rights of the selected peer (HL7 or teleradiology channel), filled from the selection. */
    private Node peerForm(ObservableValue<TrustedCorrespondent> selected) {
        TextField facility = field("admin-peer-facility", "admin.peer.facility", 120);
        TextField addresses = field("admin-peer-addresses", "admin.peer.addresses", 200);
        TextField types = field("admin-peer-types", "admin.peer.types", 240);
        TextField certificate = field("admin-peer-certificate", "admin.peer.certificate", 200);
        CheckBox trust = new CheckBox(messages.get("admin.peer.identityTrust"));
        trust.setId("admin-peer-identity-trust");
        selected.addListener((o, was, c) -> {
            boolean peer = c != null && c.isHl7Peer();
            facility.setText(peer ? orEmpty(c.sendingFacility()) : "");
            addresses.setText(peer ? String.join(", ", c.allowedAddresses()) : "");
            types.setText(peer ? String.join(", ", c.messageTypes()) : "");
            certificate.setText(peer ? orEmpty(c.certificateSha256()) : "");
            trust.setSelected(peer && c.identityTrust());
        });
        Button save = button("admin-peer-save", "admin.peer.save", () -> model.updateHl7Peer(selected.getValue(),
                facility.getText(), addresses.getText(), certificate.getText(), types.getText(), trust.isSelected(), null));
        save.disableProperty().bind(model.busyProperty().or(javafx.beans.binding.Bindings.createBooleanBinding(
                () -> selected.getValue() == null || !selected.getValue().isHl7Peer(), selected)));
        Label help = new Label(messages.get("admin.peer.help"));
        help.getStyleClass().add("muted");
        help.setWrapText(true);
        return new javafx.scene.layout.VBox(6, help, form("admin.peer.title", facility, addresses, types, certificate,
                trust, save));
    }

    // Rooms and exams

    private Node catalogueTab() {
        TableView<Room> rooms = table("admin-rooms-table", model.rooms(), "admin.catalogue.noRoom");
        rooms.getColumns().add(text("admin.col.code", Room::code, 80));
        rooms.getColumns().add(text("admin.col.name", Room::name, 180));
        rooms.getColumns().add(text("admin.col.modality", r -> messages.label(r.modality()), 150));
        rooms.getColumns().add(text("admin.col.aeTitle", Room::stationAeTitle, 120));
        rooms.getColumns().add(text("admin.col.station", r -> orEmpty(r.stationName()), 120));
        rooms.getColumns().add(text("admin.col.active", r -> yesNo(r.active()), 60));
        TextField code = field("admin-room-code", "admin.catalogue.code", 80);
        TextField name = field("admin-room-name", "admin.catalogue.roomName", 160);
        ComboBox<Modality> modality = Choices.of("admin-room-modality", messages::label, Modality.values());
        modality.setPromptText(messages.get("admin.catalogue.modality"));
        TextField ae = field("admin-room-ae", "admin.catalogue.aeTitle", 120);
        TextField station = field("admin-room-station", "admin.catalogue.station", 120);
        Button addRoom = button("admin-room-add", "admin.catalogue.addRoom", () -> model.addRoom(code.getText(),
                name.getText(), modality.getValue(), ae.getText(), station.getText(), () -> {
                    code.clear();
                    name.clear();
                    ae.clear();
                    station.clear();
                }));
        addRoom.setGraphic(Icon.PLUS.node(12));
        addRoom.disableProperty().bind(model.busyProperty());
        keepSelection(rooms, Room::id);
        ObservableValue<Room> room = rooms.getSelectionModel().selectedItemProperty();
        TextField roomName = field("admin-room-edit-name", "admin.catalogue.roomName", 160);
        TextField roomAe = field("admin-room-edit-ae", "admin.catalogue.aeTitle", 120);
        TextField roomStation = field("admin-room-edit-station", "admin.catalogue.station", 120);
        room.addListener((o, was, now) -> {
            if (now != null && (was == null || !was.id().equals(now.id()))) {
                roomName.setText(now.name());
                roomAe.setText(now.stationAeTitle());
                roomStation.setText(orEmpty(now.stationName()));
            }
        });
        Button saveRoom = button("admin-room-save", "admin.catalogue.save", () -> model.updateRoom(room.getValue(),
                roomName.getText(), roomAe.getText(), roomStation.getText(), null));
        saveRoom.disableProperty().bind(when(room, r -> true));
        Button disableRoom = button("admin-room-disable", "admin.catalogue.disable",
                () -> model.setRoomActive(room.getValue(), false));
        disableRoom.getStyleClass().add("danger");
        disableRoom.disableProperty().bind(when(room, Room::active));
        Button enableRoom = button("admin-room-enable", "admin.catalogue.enable",
                () -> model.setRoomActive(room.getValue(), true));
        enableRoom.disableProperty().bind(when(room, r -> !r.active()));
        Node editRoom = form("admin.catalogue.editRoomTitle", roomName, roomAe, roomStation, saveRoom, disableRoom,
                enableRoom);

        TableView<ExamType> exams = table("admin-exams-table", model.exams(), "admin.catalogue.noExam");
        exams.getColumns().add(text("admin.col.code", ExamType::code, 90));
        exams.getColumns().add(text("admin.col.label", ExamType::label, 220));
        exams.getColumns().add(text("admin.col.modality", x -> messages.label(x.modality()), 150));
        exams.getColumns().add(text("admin.col.duration", x -> messages.format("admin.catalogue.minutes",
                x.durationMinutes()), 80));
        exams.getColumns().add(text("admin.col.ccam", x -> orEmpty(x.ccamCode()), 90));
        exams.getColumns().add(text("admin.col.active", x -> yesNo(x.active()), 60));
        TextField examCode = field("admin-exam-code", "admin.catalogue.code", 90);
        TextField label = field("admin-exam-label", "admin.catalogue.examLabel", 200);
        ComboBox<Modality> examModality = Choices.of("admin-exam-modality", messages::label, Modality.values());
        examModality.setPromptText(messages.get("admin.catalogue.modality"));
        TextField minutes = field("admin-exam-minutes", "admin.catalogue.duration", 90);
        TextField ccam = field("admin-exam-ccam", "admin.catalogue.ccam", 90);
        Button addExam = button("admin-exam-add", "admin.catalogue.addExam", () -> model.addExam(examCode.getText(),
                label.getText(), examModality.getValue(), minutes.getText(), ccam.getText(), () -> {
                    examCode.clear();
                    label.clear();
                    minutes.clear();
                    ccam.clear();
                }));
        addExam.setGraphic(Icon.PLUS.node(12));
        addExam.disableProperty().bind(model.busyProperty());
        keepSelection(exams, ExamType::id);
        ObservableValue<ExamType> exam = exams.getSelectionModel().selectedItemProperty();
        TextField examLabel = field("admin-exam-edit-label", "admin.catalogue.examLabel", 200);
        TextField examMinutes = field("admin-exam-edit-minutes", "admin.catalogue.duration", 90);
        TextField examCcam = field("admin-exam-edit-ccam", "admin.catalogue.ccam", 90);
        exam.addListener((o, was, now) -> {
            if (now != null && (was == null || !was.id().equals(now.id()))) {
                examLabel.setText(now.label());
                examMinutes.setText(Integer.toString(now.durationMinutes()));
                examCcam.setText(orEmpty(now.ccamCode()));
            }
        });
        Button saveExam = button("admin-exam-save", "admin.catalogue.save", () -> model.updateExam(exam.getValue(),
                examLabel.getText(), examMinutes.getText(), examCcam.getText(), null));
        saveExam.disableProperty().bind(when(exam, x -> true));
        Button disableExam = button("admin-exam-disable", "admin.catalogue.disable",
                () -> model.setExamActive(exam.getValue(), false));
        disableExam.getStyleClass().add("danger");
        disableExam.disableProperty().bind(when(exam, ExamType::active));
        Button enableExam = button("admin-exam-enable", "admin.catalogue.enable",
                () -> model.setExamActive(exam.getValue(), true));
        enableExam.disableProperty().bind(when(exam, x -> !x.active()));
        // The imported CCAM acts, picked by code and label: the choice fills the CCAM code field.
        ComboBox<fr.opaline.core.catalogue.CcamAct> ccamPick = Choices.of("admin-exam-ccam-pick",
                a -> a.code() + " — " + a.label());
        ccamPick.setItems(model.ccamActs());
        ccamPick.setPromptText(messages.get("admin.ccam.pick"));
        ccamPick.setPrefWidth(220);
        ccamPick.setTooltip(new Tooltip(messages.get("admin.ccam.pickTip")));
        ccamPick.valueProperty().addListener((o, was, now) -> {
            if (now != null) {
                examCcam.setText(now.code());
            }
        });
        exam.addListener((o, was, now) -> ccamPick.getSelectionModel().clearSelection());
        Button preparation = button("admin-exam-preparation", "admin.exam.preparation",
                () -> editPreparation(exam.getValue()));
        preparation.disableProperty().bind(when(exam, x -> true));
        Node editExam = form("admin.catalogue.editExamTitle", examLabel, examMinutes, examCcam, ccamPick, saveExam,
                disableExam, enableExam, preparation);
        // The CCAM extract import: one row (the tab's tables keep their height), the rules in a tooltip.
        TextField ccamFile = field("admin-ccam-file", "admin.ccam.file", 300);
        Button ccamChoose = button("admin-ccam-choose", "admin.ccam.choose", () -> {
            javafx.stage.FileChooser chooser = new javafx.stage.FileChooser();
            chooser.getExtensionFilters().add(new javafx.stage.FileChooser.ExtensionFilter("CSV", "*.csv", "*.CSV"));
            java.io.File chosen = chooser.showOpenDialog(getScene().getWindow());
            if (chosen != null) {
                ccamFile.setText(chosen.getPath());
            }
        });
        Button ccamImport = button("admin-ccam-import", "admin.ccam.import", () -> model.importCcam(ccamFile.getText()));
        ccamImport.disableProperty().bind(model.busyProperty());
        Tooltip ccamNote = new Tooltip(messages.get("admin.ccam.note"));
        ccamNote.setWrapText(true);
        ccamNote.setMaxWidth(480);
        ccamFile.setTooltip(ccamNote);
        ccamImport.setTooltip(ccamNote);
        Label ccamTitle = new Label(messages.get("admin.ccam.title"));
        ccamTitle.getStyleClass().add("card-title");
        Node importCcam = row(ccamTitle, ccamFile, ccamChoose, ccamImport);
        Label note = new Label(messages.get("admin.catalogue.note"));
        note.getStyleClass().add("muted");
        note.setWrapText(true);
        // Rooms beside exam types, each column with its table over its forms: stacked, the two tables
        // shrank to two rows each once the exam forms grew (CCAM picker, preparation, CCAM import).
        VBox roomsColumn = tabContent(rooms, editRoom,
                form("admin.catalogue.roomTitle", code, name, modality, ae, station, addRoom));
        VBox examsColumn = tabContent(exams, editExam,
                form("admin.catalogue.examTitle", examCode, label, examModality, minutes, ccam, addExam), importCcam);
        HBox columns = new HBox(16, roomsColumn, examsColumn);
        for (VBox column : java.util.List.of(roomsColumn, examsColumn)) {
            column.setPrefWidth(0);
            column.setMaxWidth(Double.MAX_VALUE);
            HBox.setHgrow(column, Priority.ALWAYS);
        }
        VBox content = tabContent(note, columns);
        VBox.setVgrow(columns, Priority.ALWAYS);
        return content;
    }

    /** The preparation printed on the convocation of an exam type (issue 24): read, edited, saved. */
    private void editPreparation(ExamType exam) {
        if (exam == null) {
            return;
        }
        javafx.scene.control.TextArea text = new javafx.scene.control.TextArea();
        text.setId("admin-exam-preparation-text");
        text.setWrapText(true);
        text.setPrefRowCount(6);
        text.setDisable(true);
        Label hint = new Label(messages.get("admin.exam.preparation.hint"));
        hint.setWrapText(true);
        javafx.scene.control.Dialog<javafx.scene.control.ButtonType> dialog = new javafx.scene.control.Dialog<>();
        dialog.initOwner(getScene().getWindow());
        dialog.setTitle(messages.format("admin.exam.preparation.title", exam.label()));
        dialog.getDialogPane().setId("admin-exam-preparation-dialog");
        dialog.getDialogPane().setContent(new VBox(8, hint, text));
        dialog.getDialogPane().getButtonTypes().addAll(javafx.scene.control.ButtonType.OK,
                javafx.scene.control.ButtonType.CANCEL);
        dialog.getDialogPane().lookupButton(javafx.scene.control.ButtonType.OK).setId("admin-exam-preparation-save");
        dialog.getDialogPane().lookupButton(javafx.scene.control.ButtonType.OK).disableProperty().bind(text.disableProperty());
        dialog.setOnHidden(e -> {
            if (dialog.getResult() == javafx.scene.control.ButtonType.OK) {
                model.savePreparation(exam, text.getText());
            }
        });
        model.loadPreparation(exam, current -> {
            text.setText(current);
            text.setDisable(false);
        });
        dialog.show();
    }

    // MSSanté mailboxes

    private Node mailboxesTab() {
        TableView<Mailbox> table = table("admin-mss-table", model.mailboxes(), "admin.mss.none");
        keepSelection(table, Mailbox::id);
        table.getColumns().add(text("admin.col.kind", m -> messages.label(m.kind()), 170));
        table.getColumns().add(text("admin.col.address", Mailbox::address, 260));
        table.getColumns().add(text("admin.col.label", m -> orEmpty(m.label()), 180));
        table.getColumns().add(text("admin.col.active", m -> yesNo(m.active()), 60));
        ObservableValue<Mailbox> selected = table.getSelectionModel().selectedItemProperty();
        Button disable = button("admin-mss-disable", "admin.mss.disable", () -> model.disableMailbox(selected.getValue()));
        disable.getStyleClass().add("danger");
        disable.disableProperty().bind(when(selected, Mailbox::active));

        ComboBox<MailboxKind> kind = Choices.of("admin-mss-kind", messages::label, MailboxKind.values());
        kind.setPromptText(messages.get("admin.mss.kind"));
        TextField address = field("admin-mss-address", "admin.mss.address", 240);
        TextField owner = field("admin-mss-owner", "admin.mss.owner", 140);
        owner.disableProperty().bind(kind.valueProperty().isNotEqualTo(MailboxKind.PERSONNELLE));
        TextField label = field("admin-mss-label", "admin.mss.label", 160);
        Button add = button("admin-mss-add", "admin.mss.add", () -> model.setMailbox(kind.getValue(), address.getText(),
                owner.getText(), label.getText(), () -> {
                    address.clear();
                    owner.clear();
                    label.clear();
                }));
        add.setGraphic(Icon.PLUS.node(12));
        add.disableProperty().bind(model.busyProperty());
        Label help = new Label(messages.get("admin.mss.help"));
        help.getStyleClass().add("muted");
        help.setWrapText(true);
        return tabContent(help, table, row(disable), form("admin.mss.addTitle", kind, address, owner, label, add));
    }

    // Endpoints and certificates (read only)

    /** The state the server reports, in the screen's language. */
    private String state(ConfiguredEndpoint endpoint) {
        return state(endpoint.state());
    }

    private String state(String state) {
        String key = switch (state) {
            case "actif" -> "admin.config.state.on";
            case "désactivé" -> "admin.config.state.off";
            case "bac à sable" -> "admin.config.state.sandbox";
            case "configuré" -> "admin.config.state.configured";
            case "non configuré" -> "admin.config.state.notConfigured";
            default -> null;
        };
        return key == null ? state : messages.get(key);
    }

    private Node configurationTab() {
        TableView<ConfiguredEndpoint> endpoints = table("admin-endpoints-table", model.endpoints(), "admin.config.noEndpoint");
        endpoints.getColumns().add(text("admin.col.service", ConfiguredEndpoint::service, 160));
        endpoints.getColumns().add(text("admin.col.state", this::state, 110));
        endpoints.getColumns().add(text("admin.col.key", ConfiguredEndpoint::key, 200));
        endpoints.getColumns().add(text("admin.col.address", e -> e.address() == null
                ? messages.get("admin.config.notConfigured") : e.address(), 360));

        TableView<CertificateStatus> certificates = table("admin-certificates-table", model.certificates(),
                "admin.config.noCertificate");
        certificates.getColumns().add(text("admin.col.usage", CertificateStatus::usage, 130));
        TableColumn<CertificateStatus, String> level = text("admin.col.status", c -> messages.get(
                "admin.config.level." + c.level().name()), 90);
        level.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(String value, boolean empty) {
                super.updateItem(value, empty);
                CertificateStatus status = empty ? null : getTableRow() == null ? null : getTableRow().getItem();
                if (status == null) {
                    setGraphic(null);
                    return;
                }
                Label pill = new Label(value);
                pill.getStyleClass().addAll("step-status", "job-state", switch (status.level()) {
                    case OK -> "job-done";
                    case WARNING -> "job-held";
                    case ERROR -> "job-failed";
                });
                pill.getStyleClass().add("certificate-" + status.level().name().toLowerCase(Locale.ROOT));
                setGraphic(pill);
            }
        });
        certificates.getColumns().add(level);
        certificates.getColumns().add(text("admin.col.subject", c -> orEmpty(c.subject()), 220));
        certificates.getColumns().add(text("admin.col.issuer", c -> orEmpty(c.issuer()), 180));
        certificates.getColumns().add(text("admin.col.expiry", c -> c.notAfter() == null ? ""
                : messages.date(c.notAfter().atZone(zone)), 100));
        certificates.getColumns().add(text("admin.col.daysLeft", c -> c.daysLeft() == null ? ""
                : messages.format("admin.config.daysLeft", c.daysLeft()), 90));
        TableColumn<CertificateStatus, String> note = text("admin.col.note", CertificateStatus::note, 300);
        note.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(String value, boolean empty) {
                super.updateItem(value, empty);
                setText(empty ? null : value);
                setWrapText(false);
                setTooltip(empty || value == null || value.isEmpty() ? null : new Tooltip(value));
            }
        });
        certificates.getColumns().add(note);
        Label endpointsTitle = new Label(messages.get("admin.config.endpoints"));
        endpointsTitle.getStyleClass().add("card-title");
        Label certificatesTitle = new Label(messages.get("admin.config.certificates"));
        certificatesTitle.getStyleClass().add("card-title");
        Label help = new Label(messages.get("admin.config.help"));
        help.getStyleClass().add("muted");
        help.setWrapText(true);
        Label servicesTitle = new Label(messages.get("admin.config.services"));
        servicesTitle.getStyleClass().add("card-title");
        // Three read-only tables: the tab scrolls rather than squeezing them on a small screen.
        javafx.scene.control.ScrollPane scroll = new javafx.scene.control.ScrollPane(tabContent(help, servicesTitle,
                servicesTable(), endpointsTitle, endpoints, certificatesTitle, certificates));
        scroll.setFitToWidth(true);
        scroll.setId("admin-config-scroll");
        return scroll;
    }

    /** One row per service: « DMP : désactivé », and its main settings, one per line (read only). */
    private TableView<ServiceSettings> servicesTable() {
        TableView<ServiceSettings> services = table("admin-services-table", model.services(), "admin.config.noService");
        services.getColumns().add(text("admin.col.service", s -> messages.format("admin.config.serviceState",
                s.service(), state(s.state())), 220));
        TableColumn<ServiceSettings, String> settings = text("admin.col.settings", s -> s.settings().stream()
                .map(setting -> setting.key() + " = " + setting.value())
                .collect(java.util.stream.Collectors.joining("\n")), 560);
        settings.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(String value, boolean empty) {
                super.updateItem(value, empty);
                setText(empty ? null : value);
                setWrapText(true);
            }
        });
        services.getColumns().add(settings);
        services.setPrefHeight(260);
        return services;
    }

    // Building blocks

    private VBox tabContent(Node... children) {
        VBox box = new VBox(10, children);
        box.setPadding(new Insets(12, 4, 4, 4));
        for (Node child : children) {
            if (child instanceof TableView<?>) {
                VBox.setVgrow(child, Priority.ALWAYS);
            }
        }
        return box;
    }

    private Node form(String titleKey, Node... fields) {
        Label title = new Label(messages.get(titleKey));
        title.getStyleClass().add("card-title");
        FlowPane row = new FlowPane(8, 8, fields);
        row.setAlignment(Pos.CENTER_LEFT);
        return new VBox(6, title, row);
    }

    private static HBox row(Node... nodes) {
        HBox row = new HBox(8, nodes);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    private <T> TableView<T> table(String id, ObservableList<T> items, String emptyKey) {
        TableView<T> table = new TableView<>(items);
        table.setId(id);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new Label(messages.get(emptyKey)));
        table.setPrefHeight(200);
        return table;
    }

    /**
     * A refresh replaces the rows after every action: the row the user had selected (by its id)
     * stays selected, so the next action applies to it.
     */
    private static <T> void keepSelection(TableView<T> table, Function<T, Object> key) {
        Object[] chosen = {null};
        table.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> {
            if (now != null) {
                chosen[0] = key.apply(now);
            }
        });
        table.getItems().addListener((javafx.collections.ListChangeListener<T>) change -> {
            T selected = table.getSelectionModel().getSelectedItem();
            if (chosen[0] != null && (selected == null || !table.getItems().contains(selected))) {
                table.getItems().stream().filter(item -> chosen[0].equals(key.apply(item))).findFirst()
                        .ifPresent(item -> table.getSelectionModel().select(item));
            }
        });
    }

    private <T> TableColumn<T, String> text(String key, Function<T, String> value, double width) {
        return Columns.text(messages.get(key), value, width);
    }

    private TextField field(String id, String promptKey, double width) {
        TextField field = new TextField();
        field.setId(id);
        field.setPromptText(messages.get(promptKey));
        field.setPrefWidth(width);
        return field;
    }

    private Button button(String id, String key, Runnable action) {
        Button button = new Button(messages.get(key));
        button.setId(id);
        button.setOnAction(e -> action.run());
        return button;
    }

    /** Disabled unless something is selected that allows the action, and no action is running. */
    private <T> BooleanBinding when(ObservableValue<T> selected, java.util.function.Predicate<T> allows) {
        return Bindings.createBooleanBinding(() -> model.busyProperty().get() || selected.getValue() == null
                || !allows.test(selected.getValue()), model.busyProperty(), selected);
    }

    private String yesNo(boolean value) {
        return messages.get(value ? "admin.yes" : "admin.no");
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }

    private String dateTime(Instant instant) {
        return messages.date(instant.atZone(zone)) + " " + messages.time(instant.atZone(zone));
    }

    // Who viewed which document, for the DPO (issue 23, SC.DMP/CONF.14)

    private Node viewsTab() {
        Label note = new Label(messages.get("admin.views.note"));
        note.setWrapText(true);
        note.getStyleClass().add("muted");
        java.time.LocalDate today = java.time.LocalDate.now(zone);
        javafx.scene.control.DatePicker from = new javafx.scene.control.DatePicker(today.withDayOfMonth(1));
        from.setId("admin-views-from");
        javafx.scene.control.DatePicker to = new javafx.scene.control.DatePicker(today);
        to.setId("admin-views-to");
        TextField file = new TextField(java.nio.file.Path.of(System.getProperty("user.home"),
                "opaline-consultations.csv").toString());
        file.setId("admin-views-file");
        file.setPrefColumnCount(36);
        Button choose = new Button(messages.get("admin.views.choose"));
        choose.setId("admin-views-choose");
        choose.setOnAction(e -> {
            javafx.stage.FileChooser chooser = new javafx.stage.FileChooser();
            chooser.setInitialFileName("opaline-consultations.csv");
            chooser.getExtensionFilters().add(new javafx.stage.FileChooser.ExtensionFilter("CSV", "*.csv"));
            java.io.File chosen = chooser.showSaveDialog(getScene().getWindow());
            if (chosen != null) {
                file.setText(chosen.getPath());
            }
        });
        Button export = new Button(messages.get("admin.views.export"), Icon.CHECK.node(14));
        export.setId("admin-views-export");
        export.getStyleClass().add("primary");
        export.setOnAction(e -> model.exportDocumentViews(from.getValue(), to.getValue(), file.getText()));
        javafx.scene.layout.GridPane grid = new javafx.scene.layout.GridPane();
        grid.setHgap(10);
        grid.setVgap(8);
        grid.addRow(0, new Label(messages.get("admin.views.from")), from, new Label(messages.get("admin.views.to")), to);
        grid.addRow(1, new Label(messages.get("admin.views.file")), file);
        javafx.scene.layout.GridPane.setColumnSpan(file, 3);
        grid.add(choose, 4, 1);
        VBox box = new VBox(12, note, grid, export);
        box.setPadding(new Insets(12));
        return box;
    }
}
