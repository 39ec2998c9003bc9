package fr.opaline.server.admin;

import com.fasterxml.jackson.databind.ObjectMapper;
import fr.opaline.api.AdministrationApi;
import fr.opaline.api.admin.ConfigurationView;
import fr.opaline.api.admin.Correspondent;
import fr.opaline.api.admin.Hl7RouteEntry;
import fr.opaline.api.admin.Hl7Rights;
import fr.opaline.hl7.route.Hl7Route;
import fr.opaline.hl7.route.Hl7Routes;
import fr.opaline.api.admin.MailboxEntry;
import fr.opaline.core.catalogue.CatalogueService;
import fr.opaline.core.catalogue.CcamAct;
import fr.opaline.core.catalogue.CcamImport;
import fr.opaline.core.catalogue.ExamType;
import fr.opaline.core.catalogue.Modality;
import fr.opaline.core.catalogue.Room;
import fr.opaline.core.common.Actor;
import fr.opaline.core.common.Json;
import fr.opaline.core.user.AccountAdministration;
import fr.opaline.core.user.AccountAdministration.NewAccount;
import fr.opaline.core.user.AccountReview;
import fr.opaline.core.user.AccountSummary;
import fr.opaline.core.user.Role;
import fr.opaline.core.user.UserAccount;
import fr.opaline.ins.trust.Channel;
import fr.opaline.ins.trust.Hl7PeerDeclaration;
import fr.opaline.ins.trust.TrustedCorrespondent;
import fr.opaline.ins.trust.TrustedCorrespondents;
import fr.opaline.mss.mailbox.Mailbox;
import fr.opaline.mss.mailbox.MailboxKind;
import fr.opaline.mss.mailbox.Mailboxes;
import fr.opaline.platform.http.HttpError;
import fr.opaline.api.ApiEvent;
import fr.opaline.server.Call;
import fr.opaline.server.EventHub;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The Administration screen's operations over core's account and catalogue services, the ins
 * module's trust contracts and the mss module's mailboxes: they check the administrator again
 * (the dispatcher already did) and audit every change with the session's user as actor.
 */
public final class AdministrationEndpoint implements AdministrationApi {

    /** The domain services the screen administers. */
    public record Services(AccountAdministration accounts, AccountReview review, TrustedCorrespondents correspondents,
                           Mailboxes mailboxes, CatalogueService catalogue, Hl7Routes routes) {

        /** Without the outbound HL7 routes (their operations then answer 503). */
        public Services(AccountAdministration accounts, AccountReview review, TrustedCorrespondents correspondents,
                        Mailboxes mailboxes, CatalogueService catalogue) {
            this(accounts, review, correspondents, mailboxes, catalogue, null);
        }
    }

    private static final ObjectMapper MAPPER = Json.mapper();

    private final Services services;
    private final Supplier<ServerConfiguration> configuration;
    private final EventHub events;
    private final Clock clock;

    /**
     * @param configuration read at each call (the files are inspected then)
     * @param events        where a change of the rooms or exams is announced ({@code catalogue.changed}):
     *                      the other seats read their catalogue again
     */
    public AdministrationEndpoint(Services services, Supplier<ServerConfiguration> configuration, EventHub events,
                                  Clock clock) {
        this.services = services;
        this.configuration = configuration;
        this.events = events;
        this.clock = clock;
    }

    private <T> T announced(T changed, UUID subject) {
        events.publish(new ApiEvent("catalogue.changed", subject, null, clock.instant()));
        return changed;
    }

    private static Actor actor() {
        return Call.signedIn().actor();
    }

    @Override
    public List<AccountSummary> accounts() {
        return services.review().list();
    }

    @Override
    public UserAccount createAccount(NewAccount account, char[] temporaryPassword) {
        if (account == null) {
            throw HttpError.badRequest("Compte : identifiant, nom et rôle attendus.");
        }
        try {
            return services.accounts().create(actor(), account,
                    temporaryPassword == null || temporaryPassword.length == 0 ? null : temporaryPassword);
        } finally {
            if (temporaryPassword != null) {
                Arrays.fill(temporaryPassword, '\0');
            }
        }
    }

    @Override
    public void changeRole(UUID userId, Role role) {
        if (role == null) {
            throw HttpError.badRequest("Choisissez le rôle.");
        }
        services.accounts().changeRole(actor(), required(userId), role);
    }

    @Override
    public void setActive(UUID userId, boolean active) {
        services.accounts().setActive(actor(), required(userId), active);
    }

    @Override
    public void unlock(UUID userId) {
        services.accounts().unlock(actor(), required(userId));
    }

    @Override
    public String resetPassword(UUID userId) {
        char[] temporary = services.accounts().resetToGeneratedPassword(actor(), required(userId));
        try {
            return new String(temporary);
        } finally {
            Arrays.fill(temporary, '\0');
        }
    }

    @Override
    public AccountAdministration.TotpEnrolment reenrolTotp(UUID userId) {
        return services.accounts().enrolTotp(actor(), required(userId));
    }

    @Override
    public void confirmTotp(UUID userId, String code) {
        if (code == null || !code.strip().matches("\\d{6}")) {
            throw HttpError.badRequest("Saisissez le code à 6 chiffres affiché par l'application d'authentification.");
        }
        services.accounts().confirmTotp(actor(), required(userId), code.strip());
    }

    @Override
    public List<Correspondent> correspondents() {
        return services.correspondents().list().stream().map(AdministrationEndpoint::carried).toList();
    }

    @Override
    public Correspondent addCorrespondent(String name, String channel, String identifier, String contractRef) {
        return carried(services.correspondents().add(name, channel(channel), identifier, blankToNull(contractRef),
                actor()));
    }

    @Override
    public Correspondent updateHl7Peer(UUID correspondentId, Hl7Rights rights) {
        if (rights == null) {
            throw HttpError.badRequest("Droits HL7 attendus.");
        }
        Hl7PeerDeclaration changes = new Hl7PeerDeclaration(null, null, null,
                rights.facility() == null ? "" : rights.facility(), rights.addresses() == null ? List.of()
                : rights.addresses(), rights.certificateSha256() == null ? "" : rights.certificateSha256(),
                rights.messageTypes() == null ? List.of() : rights.messageTypes(), rights.identityTrust(), null);
        return carried(services.correspondents().updateHl7Peer(required(correspondentId).toString(), changes, actor()));
    }

    @Override
    public void setCorrespondentActive(UUID correspondentId, boolean active) {
        services.correspondents().setActive(required(correspondentId), active, actor());
    }

    @Override
    public List<Hl7RouteEntry> hl7Routes() {
        return routes().list().stream().map(AdministrationEndpoint::carried).toList();
    }

    @Override
    public Hl7RouteEntry setHl7Route(UUID correspondentId, String kind, String host, Integer port, boolean tls) {
        return carried(routes().declare(required(correspondentId).toString(), kind, host, port, tls, actor()));
    }

    @Override
    public void removeHl7Route(UUID routeId) {
        routes().remove(required(routeId), actor());
    }

    private Hl7Routes routes() {
        if (services.routes() == null) {
            throw new HttpError(503, "unavailable", "Les routes HL7 ne sont pas gérées par ce serveur.");
        }
        return services.routes();
    }

    private static Hl7RouteEntry carried(Hl7Route r) {
        return new Hl7RouteEntry(r.id(), r.peerId(), r.peerName(), r.peerApplication(),
                r.kind().name().toLowerCase(java.util.Locale.ROOT), r.host(), r.port(), r.tls(), r.peerActive());
    }

    @Override
    public List<MailboxEntry> mailboxes() {
        return services.mailboxes().list().stream().map(AdministrationEndpoint::carried).toList();
    }

    @Override
    public MailboxEntry setMailbox(String kind, String address, String ownerLogin, String label) {
        MailboxKind k = kind(kind);
        return carried(services.mailboxes().set(k, address, k == MailboxKind.PERSONNELLE ? blankToNull(ownerLogin)
                : null, blankToNull(label), actor()));
    }

    @Override
    public void disableMailbox(String address) {
        services.mailboxes().disable(address, actor());
    }

    @Override
    public List<Room> rooms() {
        return services.catalogue().rooms();
    }

    @Override
    public List<ExamType> examTypes() {
        return services.catalogue().examTypes();
    }

    @Override
    public Room addRoom(String code, String name, Modality modality, String aeTitle, String stationName) {
        Room room = services.catalogue().addRoom(actor(), code, name, modality, aeTitle, stationName);
        return announced(room, room.id());
    }

    @Override
    public ExamType addExamType(String code, String label, Modality modality, int durationMinutes, String ccamCode) {
        ExamType exam = services.catalogue().addExamType(actor(), code, label, modality, durationMinutes, ccamCode);
        return announced(exam, exam.id());
    }

    @Override
    public Room updateRoom(UUID roomId, String name, String aeTitle, String stationName) {
        return announced(services.catalogue().updateRoom(actor(), required(roomId), name, aeTitle, stationName), roomId);
    }

    @Override
    public Room setRoomActive(UUID roomId, boolean active) {
        return announced(services.catalogue().setRoomActive(actor(), required(roomId), active), roomId);
    }

    @Override
    public ExamType updateExamType(UUID examTypeId, String label, int durationMinutes, String ccamCode) {
        return announced(services.catalogue().updateExamType(actor(), required(examTypeId), label, durationMinutes,
                ccamCode), examTypeId);
    }

    @Override
    public ExamType setExamTypeActive(UUID examTypeId, boolean active) {
        return announced(services.catalogue().setExamTypeActive(actor(), required(examTypeId), active), examTypeId);
    }

    @Override
    public List<CcamAct> ccamActs() {
        return services.catalogue().ccamActs();
    }

    /** The file name is only for the refusal's context; the content decides. */
    @Override
    public CcamImport importCcam(String fileName, byte[] csv) {
        CcamImport result = services.catalogue().importCcam(actor(), csv);
        events.publish(new ApiEvent("catalogue.changed", null, null, clock.instant()));
        return result;
    }

    @Override
    public ConfigurationView configuration() {
        return configuration.get().view();
    }

    static Correspondent carried(TrustedCorrespondent correspondent) {
        return MAPPER.convertValue(correspondent, Correspondent.class);
    }

    static MailboxEntry carried(Mailbox mailbox) {
        return MAPPER.convertValue(mailbox, MailboxEntry.class);
    }

    private static Channel channel(String name) {
        try {
            return Channel.valueOf(name == null ? "" : name.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw HttpError.badRequest("Canal inconnu : HL7, MSSANTE ou TELERADIOLOGIE attendu.");
        }
    }

    private static MailboxKind kind(String name) {
        try {
            return MailboxKind.valueOf(name == null ? "" : name.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw HttpError.badRequest("Choisissez le type de boîte aux lettres.");
        }
    }

    private static UUID required(UUID id) {
        if (id == null) {
            throw HttpError.badRequest("Élément non précisé.");
        }
        return id;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
