package fr.opaline.core.user;

import fr.opaline.core.audit.AuditAction;
import fr.opaline.core.audit.AuditEntry;
import fr.opaline.core.audit.AuditTrail;
import fr.opaline.core.common.Actor;
import fr.opaline.core.common.BusinessRuleException;
import fr.opaline.core.common.IdGenerator;
import fr.opaline.core.common.NotFoundException;
import fr.opaline.core.persistence.Database;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jooq.DSLContext;

/**
 * Administration of local accounts: creation, rights, activation, password reset, unlock and TOTP
 * enrolment. Reserved to administrators (or to a system process such as the {@code opaline users}
 * command on the server); every change is audited in the same transaction (SC.SSI/IAM.91).
 */
public final class AccountAdministration {

    private static final Pattern LOGIN = Pattern.compile("[a-z0-9][a-z0-9._-]{1,99}");
    private static final Pattern RPPS = Pattern.compile("\\d{11}");
    private static final String TOTP_ISSUER = "Opaline";

    private final Database database;
    private final AuditTrail audit;
    private final IdGenerator ids;
    private final Clock clock;
    private final AccountSecurity security;

    public AccountAdministration(Database database, AuditTrail audit, IdGenerator ids, Clock clock,
                                 AccountSecurity security) {
        this.database = database;
        this.audit = audit;
        this.ids = ids;
        this.clock = clock;
        this.security = security;
    }

    /** What an administrator enters to create an account. */
    public record NewAccount(String login, String displayName, Role role, String rpps, String professionCode,
                             String specialtyCode) {
        public NewAccount {
            Objects.requireNonNull(login, "login");
            Objects.requireNonNull(displayName, "displayName");
            Objects.requireNonNull(role, "role");
        }
    }

    /** A TOTP secret to show once (text and {@code otpauth://} URI for a QR code). */
    public record TotpEnrolment(String secret, String provisioningUri) {
        @Override
        public String toString() {
            return "TotpEnrolment[secret masqué]";
        }
    }

    /**
     * Creates an account. With a password, it is temporary: the user chooses their own at first
     * login. Without one, the account can only log in through Pro Santé Connect.
     */
    public UserAccount create(Actor by, NewAccount account, char[] temporaryPassword) {
        String login = account.login().trim().toLowerCase(java.util.Locale.ROOT);
        if (!LOGIN.matcher(login).matches()) {
            throw new BusinessRuleException("Identifiant invalide : 2 à 100 caractères parmi a-z, 0-9, point, tiret, souligné.");
        }
        if (account.displayName().isBlank()) {
            throw new BusinessRuleException("Le nom affiché est obligatoire.");
        }
        String rpps = normaliseRpps(account.rpps());
        if (temporaryPassword != null) {
            checkPolicy(account.role(), login, temporaryPassword);
        }
        return database.inTransaction(ctx -> {
            requireAdministrator(ctx, by);
            UserRepository users = new UserRepository(ctx);
            if (users.findByLogin(login).isPresent()) {
                throw new BusinessRuleException("L'identifiant « " + login + " » est déjà utilisé.");
            }
            Instant now = clock.instant();
            UserAccount user = new UserAccount(ids.newId(), login, account.displayName().trim(), account.role(), rpps,
                    blankToNull(account.professionCode()), blankToNull(account.specialtyCode()), true, now);
            users.insert(user);
            if (temporaryPassword != null) {
                new CredentialRepository(ctx).insert(new Credential(user.id(), security.hasher().hash(temporaryPassword),
                        now, true, 0, null, null, false, null, null, 0));
            }
            audit.record(ctx, AuditEntry.of(by, AuditAction.ACCOUNT_CREATED, null).on("user_account", user.id())
                    .withDetail(login + " (" + account.role() + (rpps == null ? "" : ", RPPS " + rpps)
                            + (temporaryPassword == null ? ", sans mot de passe local" : ", mot de passe provisoire") + ")"));
            return user;
        });
    }

    /**
     * The practice's first administrator, at installation ({@code opaline setup}) by a system actor:
     * refused once an administrator exists. The password is the one the person chose, under the
     * policy of privileged accounts, so it is not temporary.
     */
    public UserAccount createFirstAdministrator(Actor by, String login, String displayName, char[] password) {
        if (!by.isSystem()) {
            throw new BusinessRuleException("Le premier administrateur se crée à l'installation (opaline setup).");
        }
        String normalised = login == null ? "" : login.trim().toLowerCase(java.util.Locale.ROOT);
        if (!LOGIN.matcher(normalised).matches()) {
            throw new BusinessRuleException("Identifiant invalide : 2 à 100 caractères parmi a-z, 0-9, point, tiret, souligné.");
        }
        if (displayName == null || displayName.isBlank()) {
            throw new BusinessRuleException("Le nom affiché est obligatoire.");
        }
        checkPolicy(Role.ADMINISTRATEUR, normalised, password);
        return database.inTransaction(ctx -> {
            UserRepository users = new UserRepository(ctx);
            if (!users.findByRole(Role.ADMINISTRATEUR).isEmpty()) {
                throw new BusinessRuleException("Le cabinet a déjà un administrateur : les comptes se gèrent depuis"
                        + " l'écran Administration ou opaline users.");
            }
            if (users.findByLogin(normalised).isPresent()) {
                throw new BusinessRuleException("L'identifiant « " + normalised + " » est déjà utilisé.");
            }
            Instant now = clock.instant();
            UserAccount user = new UserAccount(ids.newId(), normalised, displayName.trim(), Role.ADMINISTRATEUR, null,
                    null, null, true, now);
            users.insert(user);
            new CredentialRepository(ctx).insert(new Credential(user.id(), security.hasher().hash(password), now, false,
                    0, null, null, false, null, null, 0));
            audit.record(ctx, AuditEntry.of(by, AuditAction.ACCOUNT_CREATED, null).on("user_account", user.id())
                    .withDetail(normalised + " (ADMINISTRATEUR, premier administrateur, mot de passe choisi à l'installation)"));
            return user;
        });
    }

    /** Whether the practice has an active administrator. */
    public boolean hasAdministrator() {
        return new UserRepository(database.dsl()).findByRole(Role.ADMINISTRATEUR).stream().anyMatch(UserAccount::active);
    }

    /** Sets a temporary password (to be changed at next login) and clears any lock. */
    public void resetPassword(Actor by, UUID userId, char[] temporaryPassword) {
        database.inTransactionRun(ctx -> {
            requireAdministrator(ctx, by);
            UserAccount user = user(ctx, userId);
            checkPolicy(user.role(), user.login(), temporaryPassword);
            CredentialRepository credentials = new CredentialRepository(ctx);
            Instant now = clock.instant();
            String hash = security.hasher().hash(temporaryPassword);
            credentials.findForUpdate(userId).ifPresentOrElse(
                    c -> update(credentials, new Credential(userId, hash, now, true, 0, null, c.totpSecret(),
                            c.totpConfirmed(), c.totpLastStep(), c.lastLoginAt(), c.rowVersion())),
                    () -> credentials.insert(new Credential(userId, hash, now, true, 0, null, null, false, null, null, 0)));
            audit.record(ctx, AuditEntry.of(by, AuditAction.PASSWORD_RESET, null).on("user_account", userId)
                    .withDetail(user.login() + " : mot de passe provisoire, à changer à la prochaine connexion"));
        });
    }

    /**
     * Resets the password to one generated here (under the role's policy), to be changed at the
     * next sign-in, and clears any lock: the administrator reads it once and hands it over.
     */
    public char[] resetToGeneratedPassword(Actor by, UUID userId) {
        Role role = database.inSnapshot(ctx -> user(ctx, userId)).role();
        char[] temporary = TemporaryPasswords.generate(security.policyFor(role));
        resetPassword(by, userId, temporary);
        return temporary;
    }

    public void changeRole(Actor by, UUID userId, Role role) {
        database.inTransactionRun(ctx -> {
            requireAdministrator(ctx, by);
            UserAccount user = user(ctx, userId);
            if (user.role() == role) {
                return;
            }
            if (user.role() == Role.ADMINISTRATEUR) {
                requireAnotherAdministrator(ctx, userId);
            }
            new UserRepository(ctx).updateRole(userId, role);
            audit.record(ctx, AuditEntry.of(by, AuditAction.ACCOUNT_ROLE_CHANGED, null).on("user_account", userId)
                    .withDetail(user.login() + " : " + user.role() + " → " + role));
        });
    }

    public void setActive(Actor by, UUID userId, boolean active) {
        database.inTransactionRun(ctx -> {
            requireAdministrator(ctx, by);
            UserAccount user = user(ctx, userId);
            if (user.active() == active) {
                return;
            }
            if (!active && user.role() == Role.ADMINISTRATEUR) {
                requireAnotherAdministrator(ctx, userId);
            }
            new UserRepository(ctx).setActive(userId, active);
            audit.record(ctx, AuditEntry.of(by, active ? AuditAction.ACCOUNT_ENABLED : AuditAction.ACCOUNT_DISABLED, null)
                    .on("user_account", userId).withDetail(user.login()));
        });
    }

    /** Name and professional identifiers; the audit detail lists what changed (SC.SSI/IE.56). */
    public void updateIdentity(Actor by, UUID userId, String displayName, String rpps, String professionCode,
                               String specialtyCode) {
        String normalisedRpps = normaliseRpps(rpps);
        database.inTransactionRun(ctx -> {
            requireAdministrator(ctx, by);
            UserAccount before = user(ctx, userId);
            UserAccount after = new UserAccount(userId, before.login(),
                    displayName == null || displayName.isBlank() ? before.displayName() : displayName.trim(),
                    before.role(), normalisedRpps, blankToNull(professionCode), blankToNull(specialtyCode),
                    before.active(), before.createdAt());
            List<String> changes = new ArrayList<>();
            diff(changes, "nom", before.displayName(), after.displayName());
            diff(changes, "RPPS", before.rpps(), after.rpps());
            diff(changes, "profession", before.professionCode(), after.professionCode());
            diff(changes, "spécialité", before.specialtyCode(), after.specialtyCode());
            if (changes.isEmpty()) {
                return;
            }
            new UserRepository(ctx).updateIdentity(after);
            audit.record(ctx, AuditEntry.of(by, AuditAction.ACCOUNT_UPDATED, null).on("user_account", userId)
                    .withDetail(before.login() + " : " + String.join(" ; ", changes)));
        });
    }

    public void unlock(Actor by, UUID userId) {
        database.inTransactionRun(ctx -> {
            requireAdministrator(ctx, by);
            UserAccount user = user(ctx, userId);
            CredentialRepository credentials = new CredentialRepository(ctx);
            Credential c = credentials.findForUpdate(userId)
                    .orElseThrow(() -> new BusinessRuleException(user.login() + " n'a pas de mot de passe local."));
            update(credentials, new Credential(userId, c.passwordHash(), c.passwordChangedAt(), c.mustChangePassword(),
                    0, null, c.totpSecret(), c.totpConfirmed(), c.totpLastStep(), c.lastLoginAt(), c.rowVersion()));
            audit.record(ctx, AuditEntry.of(by, AuditAction.ACCOUNT_UNLOCKED, null).on("user_account", userId)
                    .withDetail(user.login()));
        });
    }

    /**
     * Starts TOTP enrolment for the user (by the user or an administrator). The second factor is
     * required at login only once {@link #confirmTotp} has seen a first valid code.
     */
    public TotpEnrolment enrolTotp(Actor by, UUID userId) {
        return database.inTransaction(ctx -> {
            requireSelfOrAdministrator(ctx, by, userId);
            UserAccount user = user(ctx, userId);
            CredentialRepository credentials = new CredentialRepository(ctx);
            Credential c = credentials.findForUpdate(userId).orElseThrow(() -> new BusinessRuleException(
                    "Le second facteur complète un mot de passe local : définissez d'abord un mot de passe."));
            String secret = Totp.newSecret();
            update(credentials, new Credential(userId, c.passwordHash(), c.passwordChangedAt(), c.mustChangePassword(),
                    c.failedAttempts(), c.lockedUntil(), security.totpSeeds().seal(userId, secret), false, null,
                    c.lastLoginAt(), c.rowVersion()));
            audit.record(ctx, AuditEntry.of(by, AuditAction.TOTP_ENROLLED, null).on("user_account", userId)
                    .withDetail(user.login() + " : nouveau secret, en attente de confirmation"));
            return new TotpEnrolment(secret, Totp.provisioningUri(TOTP_ISSUER, user.login(), secret));
        });
    }

    public void confirmTotp(Actor by, UUID userId, String code) {
        boolean confirmed = database.inTransaction(ctx -> {
            requireSelfOrAdministrator(ctx, by, userId);
            UserAccount user = user(ctx, userId);
            CredentialRepository credentials = new CredentialRepository(ctx);
            Credential c = credentials.findForUpdate(userId).filter(x -> x.totpSecret() != null)
                    .orElseThrow(() -> new BusinessRuleException("Aucun second facteur en cours d'enrôlement."));
            String seed = security.totpSeeds().open(userId, c.totpSecret()).orElseThrow(() -> new BusinessRuleException(
                    "Second facteur illisible avec la clé de ce serveur (secret modifié dans la base, ou clé du coffre"
                            + " différente) : recommencez l'enrôlement."));
            OptionalLong step = Totp.verify(seed, code == null ? null : code.trim(), clock.instant(),
                    c.totpLastStep());
            if (step.isEmpty()) {
                return false;
            }
            update(credentials, new Credential(userId, c.passwordHash(), c.passwordChangedAt(), c.mustChangePassword(),
                    c.failedAttempts(), c.lockedUntil(), c.totpSecret(), true, step.getAsLong(), c.lastLoginAt(),
                    c.rowVersion()));
            audit.record(ctx, AuditEntry.of(by, AuditAction.TOTP_CONFIRMED, null).on("user_account", userId)
                    .withDetail(user.login()));
            return true;
        });
        if (!confirmed) {
            throw new BusinessRuleException("Code incorrect : vérifiez l'heure du téléphone et saisissez le code affiché.");
        }
    }

    public void removeTotp(Actor by, UUID userId) {
        database.inTransactionRun(ctx -> {
            requireAdministrator(ctx, by);
            UserAccount user = user(ctx, userId);
            CredentialRepository credentials = new CredentialRepository(ctx);
            credentials.findForUpdate(userId).filter(c -> c.totpSecret() != null).ifPresent(c -> {
                update(credentials, new Credential(userId, c.passwordHash(), c.passwordChangedAt(),
                        c.mustChangePassword(), c.failedAttempts(), c.lockedUntil(), null, false, null, c.lastLoginAt(),
                        c.rowVersion()));
                audit.record(ctx, AuditEntry.of(by, AuditAction.TOTP_REMOVED, null).on("user_account", userId)
                        .withDetail(user.login()));
            });
        });
    }

    /**
     * System actors (server-side commands and configuration) and active administrators may
     * administer the practice: its accounts, and the settings other services guard with this check.
     */
    public static void requireAdministrator(DSLContext ctx, Actor by) {
        if (by.isSystem()) {
            return;
        }
        UserAccount actor = new UserRepository(ctx).findById(by.userId()).orElse(null);
        if (actor == null || !actor.active() || actor.role() != Role.ADMINISTRATEUR) {
            throw new BusinessRuleException("Action réservée aux administrateurs du cabinet.");
        }
    }

    private static void requireSelfOrAdministrator(DSLContext ctx, Actor by, UUID userId) {
        if (!userId.equals(by.userId())) {
            requireAdministrator(ctx, by);
        }
    }

    private static void requireAnotherAdministrator(DSLContext ctx, UUID leaving) {
        boolean another = new UserRepository(ctx).findByRole(Role.ADMINISTRATEUR).stream()
                .anyMatch(u -> u.active() && !u.id().equals(leaving));
        if (!another) {
            throw new BusinessRuleException("Il doit rester au moins un administrateur actif.");
        }
    }

    private void checkPolicy(Role role, String login, char[] password) {
        List<String> problems = security.policyFor(role).problems(login, password);
        if (!problems.isEmpty()) {
            throw new BusinessRuleException("Le mot de passe doit " + String.join(", ", problems) + ".");
        }
    }

    private static UserAccount user(DSLContext ctx, UUID userId) {
        return new UserRepository(ctx).findById(userId)
                .orElseThrow(() -> new NotFoundException("Compte introuvable : " + userId));
    }

    private static void update(CredentialRepository credentials, Credential credential) {
        if (!credentials.update(credential)) {
            throw new IllegalStateException("credential of " + credential.userId() + " changed concurrently");
        }
    }

    static String normaliseRpps(String rpps) {
        String value = blankToNull(rpps);
        if (value != null && !RPPS.matcher(value).matches()) {
            throw new BusinessRuleException("Le RPPS comporte 11 chiffres : « " + value + " ».");
        }
        return value;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    private static String shown(String value) {
        return value == null ? "(vide)" : "« " + value + " »";
    }

    private static void diff(List<String> changes, String field, String before, String after) {
        if (!Objects.equals(before, after)) {
            changes.add(field + " " + shown(before) + " → " + shown(after));
        }
    }
}
