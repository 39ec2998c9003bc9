package fr.opaline.ui.admin;

import fr.opaline.core.audit.AuditEntry;
import fr.opaline.core.catalogue.CatalogueRepository;
import fr.opaline.core.catalogue.ExamType;
import fr.opaline.core.catalogue.Modality;
import fr.opaline.core.catalogue.Room;
import fr.opaline.core.common.Actor;
import fr.opaline.core.common.BusinessRuleException;
import fr.opaline.core.persistence.Database;
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
import java.util.regex.Pattern;

/**
 * The administrators' screen's access to core, ins and mss: accounts (rules and audit are
 * {@link AccountAdministration}'s), trust contracts, MSSanté mailboxes, rooms and exams, and the
 * configured certificates. Blocking: call off the FX thread.
 */
public final class AdministrationGateway {

    /** Catalogue changes: {@link CatalogueRepository} writes without auditing, this screen audits them. */
    public static final String AUDIT_CATALOGUE = "CATALOGUE_CHANGED";
    private static final Pattern AE_TITLE = Pattern.compile("[\\x20-\\x5B\\x5D-\\x7E]{1,16}");

    private final AdministrationServices services;
    private final Database database;

    public AdministrationGateway(AdministrationServices services, Database database) {
        this.services = Objects.requireNonNull(services, "services");
        this.database = Objects.requireNonNull(database, "database");
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

    // Catalogue

    public List<Room> rooms() {
        return database.inSnapshot(ctx -> new CatalogueRepository(ctx).rooms());
    }

    public List<ExamType> examTypes() {
        return database.inSnapshot(ctx -> new CatalogueRepository(ctx).examTypes());
    }

    /** A new room, audited in the same transaction; the code is unique. */
    public Room addRoom(Actor by, String code, String name, Modality modality, String aeTitle, String stationName) {
        String c = required(code, "Le code de la salle est obligatoire.");
        String n = required(name, "Le nom de la salle est obligatoire.");
        String ae = required(aeTitle, "Le titre AE de la modalité est obligatoire.");
        if (modality == null) {
            throw new BusinessRuleException("Choisissez la modalité de la salle.");
        }
        if (c.length() > 20 || n.length() > 100) {
            throw new BusinessRuleException("Code (20 caractères au plus) ou nom (100 au plus) trop long.");
        }
        if (!AE_TITLE.matcher(ae).matches()) {
            throw new BusinessRuleException("Titre AE invalide : 1 à 16 caractères ASCII, sans « \\ ».");
        }
        return database.inTransaction(ctx -> {
            AccountAdministration.requireAdministrator(ctx, by);
            CatalogueRepository catalogue = new CatalogueRepository(ctx);
            if (catalogue.roomByCode(c).isPresent()) {
                throw new BusinessRuleException("Une salle « " + c + " » existe déjà.");
            }
            Room room = new Room(services.ids().newId(), c, n, modality, ae, blankToNull(stationName), true);
            catalogue.insertRoom(room);
            services.audit().record(ctx, AuditEntry.of(by, AUDIT_CATALOGUE, null).on("room", room.id())
                    .withDetail("salle ajoutée : " + c + " " + n + " (" + modality + ", AE " + ae + ")"));
            return room;
        });
    }

    /** A new exam of the catalogue, audited in the same transaction; the code is unique. */
    public ExamType addExamType(Actor by, String code, String label, Modality modality, int durationMinutes,
                                String ccamCode) {
        String c = required(code, "Le code de l'examen est obligatoire.");
        String l = required(label, "Le libellé de l'examen est obligatoire.");
        if (modality == null) {
            throw new BusinessRuleException("Choisissez la modalité de l'examen.");
        }
        if (durationMinutes < 5 || durationMinutes > 480) {
            throw new BusinessRuleException("La durée d'un examen va de 5 à 480 minutes.");
        }
        String ccam = blankToNull(ccamCode);
        if (c.length() > 20 || l.length() > 200 || (ccam != null && ccam.length() > 13)) {
            throw new BusinessRuleException("Code (20 caractères au plus), libellé (200) ou code CCAM (13) trop long.");
        }
        return database.inTransaction(ctx -> {
            AccountAdministration.requireAdministrator(ctx, by);
            CatalogueRepository catalogue = new CatalogueRepository(ctx);
            if (catalogue.examTypeByCode(c).isPresent()) {
                throw new BusinessRuleException("Un examen « " + c + " » existe déjà.");
            }
            ExamType exam = new ExamType(services.ids().newId(), c, l, modality, null, null, ccam, durationMinutes, true);
            catalogue.insertExamType(exam);
            services.audit().record(ctx, AuditEntry.of(by, AUDIT_CATALOGUE, null).on("exam_type", exam.id())
                    .withDetail("examen ajouté : " + c + " " + l + " (" + modality + ", " + durationMinutes + " min)"));
            return exam;
        });
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

    private static String required(String value, String refusal) {
        String v = blankToNull(value);
        if (v == null) {
            throw new BusinessRuleException(refusal);
        }
        return v;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
