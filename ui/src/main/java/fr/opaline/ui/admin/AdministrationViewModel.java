package fr.opaline.ui.admin;

import fr.opaline.core.catalogue.ExamType;
import fr.opaline.core.catalogue.Modality;
import fr.opaline.core.catalogue.Room;
import fr.opaline.core.common.Actor;
import fr.opaline.core.user.AccountAdministration.NewAccount;
import fr.opaline.core.user.AccountSummary;
import fr.opaline.core.user.Role;
import fr.opaline.ins.trust.Channel;
import fr.opaline.ins.trust.Hl7PeerDeclaration;
import fr.opaline.ins.trust.TrustedCorrespondent;
import fr.opaline.mss.mailbox.Mailbox;
import fr.opaline.mss.mailbox.MailboxKind;
import fr.opaline.api.admin.CertificateStatus;
import fr.opaline.api.admin.ConfigurationView;
import fr.opaline.api.admin.ConfiguredEndpoint;
import fr.opaline.ui.concurrent.Background;
import fr.opaline.ui.concurrent.CoalescingRefresh;
import fr.opaline.ui.concurrent.ScreenStatus;
import fr.opaline.ui.concurrent.Work;
import fr.opaline.ui.i18n.Messages;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The administrators' screen: accounts and roles, trust contracts, rooms and exams, MSSanté
 * mailboxes, and the configured endpoints and certificates; the link to the ANS service status.
 * Every read and action runs in the background; the services check the rules and audit with the
 * signed-in administrator as actor; their refusals are shown as they are, in French.
 */
public final class AdministrationViewModel {

    /** Opens an address in the user's browser; blocking, called off the FX thread. */
    @FunctionalInterface
    public interface Browser {
        void open(String url) throws Exception;
    }

    /** Shown until the server's configuration is read: the ANS's status page of its national services. */
    public static final String DEFAULT_ANS_STATUS_URL = "https://industriels.esante.gouv.fr/meteo-des-services";

    private final AdministrationGateway gateway;
    private final Background background;
    private final Messages messages;
    private final Supplier<Actor> actor;
    private final Clock clock;
    private final Browser browser;

    private final ObservableList<AccountSummary> accounts = FXCollections.observableArrayList();
    private final ObservableList<TrustedCorrespondent> correspondents = FXCollections.observableArrayList();
    private final ObservableList<Room> rooms = FXCollections.observableArrayList();
    private final ObservableList<ExamType> exams = FXCollections.observableArrayList();
    private final ObservableList<Mailbox> mailboxes = FXCollections.observableArrayList();
    private final ObservableList<ConfiguredEndpoint> endpoints = FXCollections.observableArrayList();
    private final ObservableList<CertificateStatus> certificates = FXCollections.observableArrayList();
    private final ObjectProperty<LocalDateTime> refreshedAt = new SimpleObjectProperty<>();
    private final StringProperty ansStatusUrl = new SimpleStringProperty(DEFAULT_ANS_STATUS_URL);
    private final ScreenStatus status;
    private final CoalescingRefresh<Read> reads;

    public AdministrationViewModel(AdministrationGateway gateway, Background background, Messages messages,
                                   Supplier<Actor> actor, Clock clock, Browser browser) {
        this.gateway = gateway;
        this.background = background;
        this.messages = messages;
        this.actor = actor;
        this.clock = clock;
        this.browser = browser;
        this.status = new ScreenStatus(background, messages);
        this.reads = new CoalescingRefresh<>(background, messages.get("admin.task.read"), () -> progress -> new Read(
                gateway.accounts(), gateway.correspondents(), gateway.rooms(), gateway.examTypes(), gateway.mailboxes(),
                gateway.configuration()), this::show, status::readFailed);
    }

    public ObservableList<AccountSummary> accounts() {
        return accounts;
    }

    public ObservableList<TrustedCorrespondent> correspondents() {
        return correspondents;
    }

    public ObservableList<Room> rooms() {
        return rooms;
    }

    public ObservableList<ExamType> exams() {
        return exams;
    }

    public ObservableList<Mailbox> mailboxes() {
        return mailboxes;
    }

    /** The endpoints configured on the server, with each national service's state. */
    public ObservableList<ConfiguredEndpoint> endpoints() {
        return endpoints;
    }

    public ObservableList<CertificateStatus> certificates() {
        return certificates;
    }

    public ObjectProperty<LocalDateTime> refreshedAtProperty() {
        return refreshedAt;
    }

    public StringProperty errorProperty() {
        return status.errorProperty();
    }

    public StringProperty infoProperty() {
        return status.infoProperty();
    }

    /** An action is being done: the action buttons wait. */
    public ReadOnlyBooleanProperty busyProperty() {
        return status.busyProperty();
    }

    /** The ANS service status page the server's configuration names ({@code ui.ansStatusUrl}). */
    public String ansStatusUrl() {
        return ansStatusUrl.get();
    }

    public StringProperty ansStatusUrlProperty() {
        return ansStatusUrl;
    }

    /** Reads every tab's data again (accounts, contracts, catalogue, mailboxes, certificates). */
    public void refresh() {
        reads.request();
    }

    private void show(Read read) {
        status.readSucceeded();
        setIfChanged(accounts, read.accounts());
        setIfChanged(correspondents, read.correspondents());
        setIfChanged(rooms, read.rooms());
        setIfChanged(exams, read.exams());
        setIfChanged(mailboxes, read.mailboxes());
        setIfChanged(endpoints, read.configuration().endpoints());
        setIfChanged(certificates, read.configuration().certificates());
        ansStatusUrl.set(read.configuration().ansStatusUrl());
        refreshedAt.set(LocalDateTime.now(clock));
    }

    private static <T> void setIfChanged(ObservableList<T> shown, List<T> read) {
        if (!shown.equals(read)) {
            shown.setAll(read);
        }
    }

    // Accounts

    /**
     * Creates a local account. With a temporary password (typed by the administrator, checked
     * against the role's policy by core) the user changes it at first login; without one, the
     * account signs in with Pro Santé Connect only. The password array is wiped afterwards.
     */
    public void createAccount(String login, String displayName, Role role, String rpps, String professionCode,
                              char[] temporaryPassword, Runnable onDone) {
        char[] password = temporaryPassword == null || temporaryPassword.length == 0 ? null : temporaryPassword;
        if (role == null) {
            status.refuse(messages.get("admin.accounts.roleRequired"));
            return;
        }
        NewAccount account = new NewAccount(login == null ? "" : login, displayName == null ? "" : displayName, role,
                rpps, professionCode, null);
        act("admin.task.createAccount", who -> {
            try {
                return gateway.createAccount(account, password);
            } finally {
                if (password != null) {
                    Arrays.fill(password, '\0');
                }
            }
        }, created -> messages.format(password == null ? "admin.accounts.createdPsc" : "admin.accounts.created",
                created.login()), onDone);
    }

    public void changeRole(AccountSummary account, Role role, Runnable onDone) {
        if (account == null || role == null || account.user().role() == role) {
            return;
        }
        act("admin.task.changeRole", who -> {
            gateway.changeRole(account.user().id(), role);
            return role;
        }, r -> messages.format("admin.accounts.roleChanged", account.user().login(), messages.label(r)), onDone);
    }

    public void setActive(AccountSummary account, boolean active) {
        if (account == null || account.user().active() == active) {
            return;
        }
        act("admin.task.setActive", who -> {
            gateway.setActive(account.user().id(), active);
            return active;
        }, a -> messages.format(a ? "admin.accounts.enabled" : "admin.accounts.disabled", account.user().login()), null);
    }

    public void unlock(AccountSummary account) {
        if (account == null) {
            return;
        }
        act("admin.task.unlock", who -> {
            gateway.unlock(account.user().id());
            return account;
        }, a -> messages.format("admin.accounts.unlocked", a.user().login()), null);
    }

    /** Locked now: too many failed passwords, until the lock ends or an administrator unlocks. */
    public static boolean locked(AccountSummary account) {
        return account != null && account.lockedUntil() != null;
    }

    // Trust contracts

    public void addCorrespondent(String name, Channel channel, String identifier, String contractRef, Runnable onDone) {
        act("admin.task.addCorrespondent", who -> gateway.addCorrespondent(name, channel, identifier, contractRef),
                c -> messages.format("admin.trust.added", c.name()), onDone);
    }

    /**
     * Saves the HL7 rights of a peer (HL7 or teleradiology channel): MSH-4, source addresses
     * (comma-separated), TLS certificate fingerprint, message types (comma-separated), identity
     * trust. A bad value gets the domain's French message and changes nothing.
     */
    public void updateHl7Peer(TrustedCorrespondent peer, String facility, String addresses, String certificate,
                              String types, boolean identityTrust, Runnable onDone) {
        if (peer == null) {
            return;
        }
        Hl7PeerDeclaration changes = new Hl7PeerDeclaration(null, null, null, facility == null ? "" : facility,
                splitList(addresses), certificate == null ? "" : certificate, splitList(types), identityTrust, null);
        act("admin.task.updatePeer", who -> gateway.updateHl7Peer(peer.id(), changes),
                c -> messages.format("admin.trust.peerSaved", c.name()), onDone);
    }

    private static List<String> splitList(String csv) {
        return csv == null ? List.of() : java.util.Arrays.stream(csv.split("[,;\\s]+")).map(String::trim)
                .filter(x -> !x.isEmpty()).toList();
    }

    public void setCorrespondentActive(TrustedCorrespondent correspondent, boolean active) {
        if (correspondent == null || correspondent.active() == active) {
            return;
        }
        act("admin.task.setCorrespondentActive", who -> {
            gateway.setCorrespondentActive(correspondent.id(), active);
            return active;
        }, a -> messages.format(a ? "admin.trust.enabled" : "admin.trust.disabled", correspondent.name()), null);
    }

    // Catalogue

    public void addRoom(String code, String name, Modality modality, String aeTitle, String stationName,
                        Runnable onDone) {
        act("admin.task.addRoom", who -> gateway.addRoom(code, name, modality, aeTitle, stationName),
                r -> messages.format("admin.catalogue.roomAdded", r.code(), r.name()), onDone);
    }

    public void addExam(String code, String label, Modality modality, String minutes, String ccamCode,
                        Runnable onDone) {
        int duration;
        try {
            duration = Integer.parseInt(minutes == null ? "" : minutes.strip());
        } catch (NumberFormatException e) {
            status.refuse(messages.get("admin.catalogue.durationInvalid"));
            return;
        }
        act("admin.task.addExam", who -> gateway.addExamType(code, label, modality, duration, ccamCode),
                x -> messages.format("admin.catalogue.examAdded", x.code(), x.label()), onDone);
    }

    // Mailboxes

    public void setMailbox(MailboxKind kind, String address, String ownerLogin, String label, Runnable onDone) {
        if (kind == null) {
            status.refuse(messages.get("admin.mss.kindRequired"));
            return;
        }
        act("admin.task.setMailbox", who -> gateway.setMailbox(kind, address, ownerLogin, label),
                m -> messages.format("admin.mss.set", messages.label(m.kind()), m.address()), onDone);
    }

    public void disableMailbox(Mailbox mailbox) {
        if (mailbox == null || !mailbox.active()) {
            return;
        }
        act("admin.task.disableMailbox", who -> {
            gateway.disableMailbox(mailbox.address());
            return mailbox;
        }, m -> messages.format("admin.mss.disabled", m.address()), null);
    }

    // ANS service status (SC.STATPP.01)

    /** Opens the ANS service status page in the browser, in the background; says so if it cannot. */
    public void openAnsStatus() {
        String url = ansStatusUrl();
        background.run(messages.get("admin.task.openAnsStatus"), progress -> {
            browser.open(url);
            return url;
        }, opened -> status.inform(messages.format("admin.ans.opened", opened)),
                failure -> status.refuse(messages.format("admin.ans.cannotOpen", url)));
    }

    /**
     * Runs an action as the signed-in administrator (the server takes the user from the session),
     * says what was done, then reads everything again.
     */
    private <T> void act(String task, Action<T> action, Function<T, String> done, Runnable onDone) {
        if (status.busy()) {
            return;
        }
        Actor who = actor.get();
        Work<T> work = progress -> action.run(who);
        status.act(messages.get(task), work, done, onDone, this::refresh);
    }

    @FunctionalInterface
    private interface Action<T> {
        T run(Actor who) throws Exception;
    }

    private record Read(List<AccountSummary> accounts, List<TrustedCorrespondent> correspondents, List<Room> rooms,
                        List<ExamType> exams, List<Mailbox> mailboxes, ConfigurationView configuration) {
    }
}
