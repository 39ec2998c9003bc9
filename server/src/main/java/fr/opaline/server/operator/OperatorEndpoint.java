package fr.opaline.server.operator;

import fr.opaline.api.OperatorApi;
import fr.opaline.api.operator.BackupWritten;
import fr.opaline.core.audit.AuditAction;
import fr.opaline.core.audit.AuditEntry;
import fr.opaline.core.audit.AuditTrail;
import fr.opaline.core.audit.AuditVerification;
import fr.opaline.core.backup.BackupManifest;
import fr.opaline.core.backup.DatabaseBackup;
import fr.opaline.core.common.Actor;
import fr.opaline.core.common.NotFoundException;
import fr.opaline.core.persistence.Database;
import fr.opaline.core.user.AccountAdministration;
import fr.opaline.core.user.AccountAdministration.NewAccount;
import fr.opaline.core.user.AccountAdministration.TotpEnrolment;
import fr.opaline.core.user.AccountReview;
import fr.opaline.core.user.AccountSummary;
import fr.opaline.core.user.Role;
import fr.opaline.core.user.UserAccount;
import fr.opaline.core.user.UserRepository;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * The operator area over one database's services, for one actor: "opérateur" in the running
 * server, the command's own name when a command opens the database itself. Account changes are
 * audited by the account services with that actor; the calls that only read (list, audit check,
 * backup) are audited here as {@link AuditAction#OPERATOR_CALL}.
 */
public final class OperatorEndpoint implements OperatorApi {

    /** The actor of the running server's operator calls. */
    public static final Actor OPERATOR = Actor.system("opérateur");

    private final Database database;
    private final AccountAdministration administration;
    private final AccountReview review;
    private final AuditTrail audit;
    private final Clock clock;
    private final Actor by;

    public OperatorEndpoint(Database database, AccountAdministration administration, AccountReview review,
                            AuditTrail audit, Clock clock, Actor by) {
        this.database = database;
        this.administration = administration;
        this.review = review;
        this.audit = audit;
        this.clock = clock;
        this.by = by;
    }

    private UUID account(String login) {
        if (login == null || login.isBlank()) {
            throw new IllegalArgumentException("identifiant du compte manquant");
        }
        return new UserRepository(database.dsl()).findByLogin(login.trim().toLowerCase(Locale.ROOT))
                .map(UserAccount::id).orElseThrow(() -> new NotFoundException("Compte inconnu : " + login));
    }

    private void note(String what) {
        audit.record(AuditEntry.of(by, AuditAction.OPERATOR_CALL, null).withDetail(what));
    }

    @Override
    public List<AccountSummary> accounts() {
        note("liste des comptes");
        return review.list();
    }

    @Override
    public UserAccount createAccount(NewAccount account, char[] temporaryPassword) {
        if (account == null) {
            throw new IllegalArgumentException("compte à créer manquant");
        }
        return administration.create(by, account, temporaryPassword);
    }

    @Override
    public void resetPassword(String login, char[] temporaryPassword) {
        if (temporaryPassword == null || temporaryPassword.length == 0) {
            throw new IllegalArgumentException("mot de passe provisoire manquant");
        }
        administration.resetPassword(by, account(login), temporaryPassword);
    }

    @Override
    public void changeRole(String login, Role role) {
        if (role == null) {
            throw new IllegalArgumentException("rôle manquant");
        }
        administration.changeRole(by, account(login), role);
    }

    @Override
    public void setActive(String login, boolean active) {
        administration.setActive(by, account(login), active);
    }

    @Override
    public void unlock(String login) {
        administration.unlock(by, account(login));
    }

    @Override
    public TotpEnrolment enrolTotp(String login) {
        return administration.enrolTotp(by, account(login));
    }

    @Override
    public void confirmTotp(String login, String code) {
        administration.confirmTotp(by, account(login), code);
    }

    @Override
    public void removeTotp(String login) {
        administration.removeTotp(by, account(login));
    }

    @Override
    public String exportAccounts() {
        StringWriter csv = new StringWriter();
        review.exportCsv(by, csv);
        return csv.toString();
    }

    @Override
    public AuditVerification verifyAudit() {
        note("vérification du journal d'audit");
        return audit.verify();
    }

    @Override
    public AuditVerification checkAuditAnchor(long seq, String hash, String source) {
        if (hash == null || hash.isBlank()) {
            throw new IllegalArgumentException("empreinte de l'événement manquante");
        }
        return audit.checkAnchor(seq, hash, source == null || source.isBlank() ? "la sauvegarde" : source);
    }

    @Override
    public BackupWritten backup(String file) {
        if (file == null || file.isBlank() || !Path.of(file).isAbsolute()) {
            throw new IllegalArgumentException("chemin absolu du fichier de sauvegarde attendu");
        }
        Path target = Path.of(file);
        note("sauvegarde de la base dans " + target);
        BackupManifest manifest = new DatabaseBackup(clock).write(database, target);
        return new BackupWritten(target.toString(), manifest.tables().size(), manifest.totalRows(),
                manifest.schemaVersion());
    }
}
