package fr.opaline.ui.admin;

import fr.opaline.core.catalogue.ExamType;
import fr.opaline.core.catalogue.Modality;
import fr.opaline.core.catalogue.Room;
import fr.opaline.core.common.Actor;
import fr.opaline.core.setup.CertificateInspector;
import fr.opaline.core.user.AccountAdministration;
import fr.opaline.core.user.AccountSummary;
import fr.opaline.core.user.Role;
import fr.opaline.core.user.UserAccount;
import fr.opaline.ins.trust.Channel;
import fr.opaline.ins.trust.Hl7PeerDeclaration;
import fr.opaline.ins.trust.TrustedCorrespondent;
import fr.opaline.mss.mailbox.Mailbox;
import fr.opaline.mss.mailbox.MailboxKind;
import fr.opaline.ui.AdministrationServices;
import fr.opaline.ui.AdministrationServices.CertificateFile;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * The administrators' screen's access to core, ins and mss: accounts (rules and audit are
 * {@link AccountAdministration}'s), trust contracts, MSSanté mailboxes, rooms and exams, and the
 * configured certificates. Blocking: call off the FX thread.
 */
public final class AdministrationGateway {

    private final AdministrationServices services;

    public AdministrationGateway(AdministrationServices services) {
        this.services = Objects.requireNonNull(services, "services");
    }

    public AdministrationServices services() {
        return services;
    }

    // Accounts

    public List<AccountSummary> accounts() {
        return services.review().list();
    }

    public UserAccount createAccount(Actor by, AccountAdministration.NewAccount account, char[] temporaryPassword) {
        return services.accounts().create(by, account, temporaryPassword);
    }

    public void changeRole(Actor by, UUID user, Role role) {
        services.accounts().changeRole(by, user, role);
    }

    public void setActive(Actor by, UUID user, boolean active) {
        services.accounts().setActive(by, user, active);
    }

    public void unlock(Actor by, UUID user) {
        services.accounts().unlock(by, user);
    }

    // Trust contracts

    public List<TrustedCorrespondent> correspondents() {
        return services.correspondents().list();
    }

    public TrustedCorrespondent addCorrespondent(Actor by, String name, Channel channel, String identifier,
                                                 String contractRef) {
        return services.correspondents().add(name, channel, identifier, blankToNull(contractRef), by);
    }

    /** The HL7 rights of a correspondent of the HL7 or teleradiology channel (what the MLLP listener lets in). */
    public TrustedCorrespondent updateHl7Peer(Actor by, UUID id, Hl7PeerDeclaration changes) {
        return services.correspondents().updateHl7Peer(id.toString(), changes, by);
    }

    public void setCorrespondentActive(Actor by, UUID id, boolean active) {
        services.correspondents().setActive(id, active, by);
    }

    // Mailboxes

    public List<Mailbox> mailboxes() {
        return services.mailboxes().list();
    }

    public Mailbox setMailbox(Actor by, MailboxKind kind, String address, String ownerLogin, String label) {
        return services.mailboxes().set(kind, address, kind == MailboxKind.PERSONNELLE ? blankToNull(ownerLogin) : null,
                blankToNull(label), by);
    }

    public void disableMailbox(Actor by, String address) {
        services.mailboxes().disable(address, by);
    }

    // Catalogue (rules, uniqueness, administrator check and audit: core's CatalogueService)

    public List<Room> rooms() {
        return services.catalogue().rooms();
    }

    public List<ExamType> examTypes() {
        return services.catalogue().examTypes();
    }

    public Room addRoom(Actor by, String code, String name, Modality modality, String aeTitle, String stationName) {
        return services.catalogue().addRoom(by, code, name, modality, aeTitle, stationName);
    }

    public ExamType addExamType(Actor by, String code, String label, Modality modality, int durationMinutes,
                                String ccamCode) {
        return services.catalogue().addExamType(by, code, label, modality, durationMinutes, ccamCode);
    }

    // Configuration (read-only)

    public List<AdministrationServices.Endpoint> endpoints() {
        return services.endpoints();
    }

    /** Each configured certificate as {@link CertificateInspector} sees it today (reads the files). */
    public List<CertificateStatus> certificates() {
        CertificateInspector inspector = new CertificateInspector(services.clock());
        Instant now = services.clock().instant();
        List<CertificateStatus> statuses = new ArrayList<>();
        for (CertificateFile file : services.certificates()) {
            char[] password = file.password();
            try {
                CertificateInspector.Summary summary = inspector.inspect(file.file(), password);
                Duration left = Duration.between(now, summary.notAfter());
                statuses.add(new CertificateStatus(file.usage(), file.key(), file.file().toString(), summary.subject(),
                        summary.issuer(), summary.notAfter(), left.toDays(),
                        left.compareTo(CertificateInspector.RENEWAL_WARNING) < 0 ? CertificateStatus.Level.WARNING
                                : CertificateStatus.Level.OK,
                        String.join(" ; ", summary.warnings())));
            } catch (IllegalArgumentException unusable) {
                // Expired, not yet valid, wrong password, missing file: the inspector says which, in French.
                statuses.add(new CertificateStatus(file.usage(), file.key(), file.file().toString(), null, null, null,
                        null, CertificateStatus.Level.ERROR, unusable.getMessage()));
            } finally {
                java.util.Arrays.fill(password, '\0');
            }
        }
        return statuses;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
