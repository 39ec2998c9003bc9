package fr.opaline.api;

import fr.opaline.api.operator.BackupWritten;
import fr.opaline.core.audit.AuditVerification;
import fr.opaline.core.user.AccountAdministration.NewAccount;
import fr.opaline.core.user.AccountAdministration.TotpEnrolment;
import fr.opaline.core.user.AccountSummary;
import fr.opaline.core.user.Role;
import fr.opaline.core.user.UserAccount;
import java.util.List;

/**
 * The operator commands that need the database, served by the running practice server to the
 * {@code opaline} command on the same machine (loopback, operator credential: {@link Operator}).
 * The same interface is implemented over a database the command opens itself when no server
 * runs, so each command has one code path. Accounts are named by their login.
 */
@Area("operator")
public interface OperatorApi {

    @Operator(purpose = "lister les comptes et l'état de leurs accès")
    List<AccountSummary> accounts();

    @Operator(purpose = "créer un compte")
    UserAccount createAccount(NewAccount account, char[] temporaryPassword);

    @Operator(purpose = "donner un mot de passe provisoire")
    void resetPassword(String login, char[] temporaryPassword);

    @Operator(purpose = "changer le rôle d'un compte")
    void changeRole(String login, Role role);

    @Operator(purpose = "activer ou désactiver un compte")
    void setActive(String login, boolean active);

    @Operator(purpose = "déverrouiller un compte")
    void unlock(String login);

    @Operator(purpose = "activer le second facteur TOTP d'un compte")
    TotpEnrolment enrolTotp(String login);

    @Operator(purpose = "confirmer le second facteur TOTP d'un compte")
    void confirmTotp(String login, String code);

    @Operator(purpose = "retirer le second facteur TOTP d'un compte")
    void removeTotp(String login);

    /** The accounts as CSV (the command writes the file). */
    @Operator(purpose = "exporter les comptes pour revue")
    String exportAccounts();

    @Operator(purpose = "vérifier le journal d'audit")
    AuditVerification verifyAudit();

    /** Whether event {@code seq} still has the hash a backup (named {@code source}) recorded. */
    @Operator(purpose = "comparer la tête de chaîne d'audit d'une sauvegarde")
    AuditVerification checkAuditAnchor(long seq, String hash, String source);

    /** Writes a backup to {@code file} (an absolute path on the server's machine, written by the server's user). */
    @Operator(purpose = "sauvegarder la base")
    BackupWritten backup(String file);
}
