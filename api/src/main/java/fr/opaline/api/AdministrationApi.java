package fr.opaline.api;

import fr.opaline.api.admin.ConfigurationView;
import fr.opaline.api.admin.Correspondent;
import fr.opaline.api.admin.Hl7Rights;
import fr.opaline.api.admin.MailboxEntry;
import fr.opaline.core.catalogue.ExamType;
import fr.opaline.core.catalogue.Modality;
import fr.opaline.core.catalogue.Room;
import fr.opaline.core.user.AccountAdministration.NewAccount;
import fr.opaline.core.user.AccountSummary;
import fr.opaline.core.user.Role;
import fr.opaline.core.user.UserAccount;
import java.util.List;
import java.util.UUID;

/**
 * The Administration screen: accounts and roles, trust contracts, MSSanté mailboxes, rooms and
 * exams, and the server's configuration (endpoints, national services, certificate files), read only.
 * Administrators only; the domain services check the administrator again and audit every change.
 */
@Area("admin")
public interface AdministrationApi {

    // Accounts

    @Access(roles = Role.ADMINISTRATEUR, purpose = "consulter les comptes des utilisateurs")
    List<AccountSummary> accounts();

    /** A local account; without a temporary password, it signs in with Pro Santé Connect only. */
    @Access(roles = Role.ADMINISTRATEUR, purpose = "créer un compte utilisateur")
    UserAccount createAccount(NewAccount account, char[] temporaryPassword);

    @Access(roles = Role.ADMINISTRATEUR, purpose = "changer le rôle d'un utilisateur")
    void changeRole(UUID userId, Role role);

    @Access(roles = Role.ADMINISTRATEUR, purpose = "désactiver ou réactiver un compte")
    void setActive(UUID userId, boolean active);

    @Access(roles = Role.ADMINISTRATEUR, purpose = "déverrouiller un compte")
    void unlock(UUID userId);

    // Trust contracts

    @Access(roles = Role.ADMINISTRATEUR, purpose = "consulter les correspondants de confiance")
    List<Correspondent> correspondents();

    /** @param channel {@code HL7}, {@code MSSANTE} or {@code TELERADIOLOGIE} */
    @Access(roles = Role.ADMINISTRATEUR, purpose = "ajouter un correspondant de confiance")
    Correspondent addCorrespondent(String name, String channel, String identifier, String contractRef);

    @Access(roles = Role.ADMINISTRATEUR, purpose = "définir les droits HL7 d'un correspondant")
    Correspondent updateHl7Peer(UUID correspondentId, Hl7Rights rights);

    @Access(roles = Role.ADMINISTRATEUR, purpose = "retirer ou rétablir un correspondant de confiance")
    void setCorrespondentActive(UUID correspondentId, boolean active);

    // MSSanté mailboxes

    @Access(roles = Role.ADMINISTRATEUR, purpose = "consulter les boîtes aux lettres MSSanté")
    List<MailboxEntry> mailboxes();

    /** @param kind {@code APPLICATIVE}, {@code ORGANISATIONNELLE} or {@code PERSONNELLE} */
    @Access(roles = Role.ADMINISTRATEUR, purpose = "déclarer une boîte aux lettres MSSanté")
    MailboxEntry setMailbox(String kind, String address, String ownerLogin, String label);

    @Access(roles = Role.ADMINISTRATEUR, purpose = "désactiver une boîte aux lettres MSSanté")
    void disableMailbox(String address);

    // Catalogue

    @Access(roles = Role.ADMINISTRATEUR, purpose = "administrer les salles et les examens")
    List<Room> rooms();

    @Access(roles = Role.ADMINISTRATEUR, purpose = "administrer les salles et les examens")
    List<ExamType> examTypes();

    @Access(roles = Role.ADMINISTRATEUR, purpose = "ajouter une salle")
    Room addRoom(String code, String name, Modality modality, String aeTitle, String stationName);

    @Access(roles = Role.ADMINISTRATEUR, purpose = "ajouter un examen au catalogue")
    ExamType addExamType(String code, String label, Modality modality, int durationMinutes, String ccamCode);

    // Configuration (read only)

    /** The endpoints and national services as configured on the server, and its certificate files today. */
    @Access(roles = Role.ADMINISTRATEUR, purpose = "consulter la configuration du serveur")
    ConfigurationView configuration();
}
