package fr.opaline.ui.admin;

import com.fasterxml.jackson.databind.ObjectMapper;
import fr.opaline.api.AdministrationApi;
import fr.opaline.api.admin.ConfigurationView;
import fr.opaline.api.admin.Hl7Rights;
import fr.opaline.api.client.ApiClient;
import fr.opaline.core.catalogue.ExamType;
import fr.opaline.core.catalogue.Modality;
import fr.opaline.core.catalogue.Room;
import fr.opaline.core.common.Json;
import fr.opaline.core.user.AccountAdministration;
import fr.opaline.core.user.AccountSummary;
import fr.opaline.core.user.Role;
import fr.opaline.core.user.UserAccount;
import fr.opaline.ins.trust.Channel;
import fr.opaline.ins.trust.Hl7PeerDeclaration;
import fr.opaline.ins.trust.TrustedCorrespondent;
import fr.opaline.mss.mailbox.Mailbox;
import fr.opaline.mss.mailbox.MailboxKind;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * The administrators' screen's access to the practice server's Administration API: accounts,
 * trust contracts, MSSanté mailboxes, rooms and exams, and the server's configuration. The server
 * checks the administrator, applies the domain rules and audits with the session's user.
 * Blocking: call off the FX thread.
 */
public final class AdministrationGateway {

    private static final ObjectMapper MAPPER = Json.mapper();

    private final ApiClient api;

    public AdministrationGateway(ApiClient api) {
        this.api = Objects.requireNonNull(api, "api");
    }

    private AdministrationApi admin() {
        return api.api(AdministrationApi.class);
    }

    // Accounts

    public List<AccountSummary> accounts() {
        return admin().accounts();
    }

    public UserAccount createAccount(AccountAdministration.NewAccount account, char[] temporaryPassword) {
        return admin().createAccount(account, temporaryPassword);
    }

    public void changeRole(UUID user, Role role) {
        admin().changeRole(user, role);
    }

    public void setActive(UUID user, boolean active) {
        admin().setActive(user, active);
    }

    public void unlock(UUID user) {
        admin().unlock(user);
    }

    // Trust contracts (carried field for field; shown as the ins module's records)

    public List<TrustedCorrespondent> correspondents() {
        return admin().correspondents().stream().map(c -> MAPPER.convertValue(c, TrustedCorrespondent.class)).toList();
    }

    public TrustedCorrespondent addCorrespondent(String name, Channel channel, String identifier, String contractRef) {
        return MAPPER.convertValue(admin().addCorrespondent(name, channel == null ? null : channel.name(), identifier,
                contractRef), TrustedCorrespondent.class);
    }

    /** The HL7 rights of a correspondent of the HL7 or teleradiology channel (what the MLLP listener lets in). */
    public TrustedCorrespondent updateHl7Peer(UUID id, Hl7PeerDeclaration changes) {
        return MAPPER.convertValue(admin().updateHl7Peer(id, new Hl7Rights(changes.facility(), changes.addresses(),
                changes.certificateSha256(), changes.messageTypes(), Boolean.TRUE.equals(changes.identityTrust()))),
                TrustedCorrespondent.class);
    }

    public void setCorrespondentActive(UUID id, boolean active) {
        admin().setCorrespondentActive(id, active);
    }

    // Mailboxes

    public List<Mailbox> mailboxes() {
        return admin().mailboxes().stream().map(m -> MAPPER.convertValue(m, Mailbox.class)).toList();
    }

    public Mailbox setMailbox(MailboxKind kind, String address, String ownerLogin, String label) {
        return MAPPER.convertValue(admin().setMailbox(kind.name(), address, ownerLogin, label), Mailbox.class);
    }

    public void disableMailbox(String address) {
        admin().disableMailbox(address);
    }

    // Catalogue (rules, uniqueness, administrator check and audit: core's CatalogueService on the server)

    public List<Room> rooms() {
        return admin().rooms();
    }

    public List<ExamType> examTypes() {
        return admin().examTypes();
    }

    public Room addRoom(String code, String name, Modality modality, String aeTitle, String stationName) {
        return admin().addRoom(code, name, modality, aeTitle, stationName);
    }

    public ExamType addExamType(String code, String label, Modality modality, int durationMinutes, String ccamCode) {
        return admin().addExamType(code, label, modality, durationMinutes, ccamCode);
    }

    // Configuration (read only, as the server has it; the certificates inspected there, now)

    public ConfigurationView configuration() {
        return admin().configuration();
    }
}
