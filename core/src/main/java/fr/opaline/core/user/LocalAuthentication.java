package fr.opaline.core.user;

import fr.opaline.core.audit.AuditAction;
import fr.opaline.core.audit.AuditEntry;
import fr.opaline.core.audit.AuditTrail;
import fr.opaline.core.common.Actor;
import fr.opaline.core.common.BusinessRuleException;
import fr.opaline.core.persistence.Database;
import fr.opaline.core.user.AuthenticationException.Reason;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.jooq.DSLContext;

/**
 * Login with a local account: password (Argon2id), lockout after consecutive failures, optional
 * TOTP second factor, expiry of privileged passwords. Every attempt, successful or not, is in the
 * audit trail (SC.SSI/IAM.91). The desktop calls {@link #login} off the JavaFX thread: hashing is
 * deliberately slow.
 */
public final class LocalAuthentication {

    private static final String BAD_CREDENTIALS = "Identifiant ou mot de passe incorrect.";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    private final Database database;
    private final AuditTrail audit;
    private final Clock clock;
    private final AccountSecurity security;

    public LocalAuthentication(Database database, AuditTrail audit, Clock clock, AccountSecurity security) {
        this.database = database;
        this.audit = audit;
        this.clock = clock;
        this.security = security;
    }

    /**
     * Opens a session, or throws {@link AuthenticationException} saying why not.
     *
     * @param totpCode the 6-digit code when the account has a second factor, else null
     */
    public AuthenticatedSession login(String login, char[] password, String totpCode) {
        Outcome outcome = database.inTransaction(ctx -> {
            Outcome checked = check(ctx, login, password, totpCode, false);
            if (checked.session() != null) {
                audit.record(ctx, AuditEntry.of(checked.session().actor(), AuditAction.LOGIN, null)
                        .on("user_account", checked.session().user().id())
                        .withDetail(checked.session().method() == AuthenticationMethod.LOCAL_PASSWORD_TOTP
                                ? "compte local, mot de passe + code TOTP" : "compte local, mot de passe"));
            }
            return checked;
        });
        return outcome.sessionOrThrow();
    }

    /**
     * Changes the password of a user who proves the current one (also when it has expired or was
     * set temporary by an administrator), then opens a session.
     */
    public AuthenticatedSession changePassword(String login, char[] current, char[] next, String totpCode) {
        Outcome outcome = database.inTransaction(ctx -> {
            Outcome checked = check(ctx, login, current, totpCode, true);
            if (checked.session() == null) {
                return checked;
            }
            UserAccount user = checked.session().user();
            Credential credential = new CredentialRepository(ctx).find(user.id()).orElseThrow();
            PasswordPolicy policy = security.policyFor(user.role());
            List<String> problems = policy.problems(user.login(), next);
            String refusal = null;
            if (!problems.isEmpty()) {
                refusal = "Le nouveau mot de passe doit " + String.join(", ", problems) + ".";
            } else if (security.hasher().verify(next, credential.passwordHash())) {
                refusal = "Le nouveau mot de passe doit être différent de l'actuel.";
            }
            Actor actor = checked.session().actor();
            if (refusal != null) {
                audit.record(ctx, AuditEntry.of(actor, AuditAction.PASSWORD_CHANGE_FAILED, null)
                        .on("user_account", user.id()).withDetail(refusal));
                return new Outcome(null, new BusinessRuleException(refusal));
            }
            Instant now = clock.instant();
            save(ctx, new Credential(user.id(), security.hasher().hash(next), now, false, 0, null,
                    credential.totpSecret(), credential.totpConfirmed(), credential.totpLastStep(), now,
                    credential.rowVersion()));
            audit.record(ctx, AuditEntry.of(actor, AuditAction.PASSWORD_CHANGED, null).on("user_account", user.id())
                    .withDetail("par l'utilisateur"));
            audit.record(ctx, AuditEntry.of(actor, AuditAction.LOGIN, null).on("user_account", user.id())
                    .withDetail("compte local, après changement du mot de passe"));
            return new Outcome(new AuthenticatedSession(user, checked.session().method(), now,
                    policy.expiresAt(now).orElse(null)), null);
        });
        return outcome.sessionOrThrow();
    }

    /**
     * The signed-in user enrols their own second factor: a new secret, sealed with the vault key,
     * required at sign-in once {@link #confirmOwnTotp} has seen a first valid code. Refused when a
     * confirmed second factor exists: replacing it is an administrator's act, so that a session left
     * open cannot be used to swap the factor.
     */
    public AccountAdministration.TotpEnrolment enrolOwnTotp(UserAccount user) {
        if (hasSecondFactor(user.id())) {
            throw new BusinessRuleException("Votre second facteur est déjà actif : pour le remplacer (téléphone perdu ou"
                    + " changé), adressez-vous à l'administrateur.");
        }
        return administration().enrolTotp(Actor.user(user.id(), user.login()), user.id());
    }

    /** Confirms the user's own enrolment with a first code from the authenticator application. */
    public void confirmOwnTotp(UserAccount user, String code) {
        if (code == null || !code.strip().matches("\\d{" + Totp.DIGITS + "}")) {
            throw new BusinessRuleException("Saisissez le code à 6 chiffres affiché par l'application d'authentification.");
        }
        administration().confirmTotp(Actor.user(user.id(), user.login()), user.id(), code.strip());
    }

    /** Whether the account has a confirmed TOTP second factor (asked at every sign-in). */
    public boolean hasSecondFactor(java.util.UUID userId) {
        return database.inTransaction(ctx -> new CredentialRepository(ctx).find(userId)
                .map(Credential::totpActive).orElse(false));
    }

    private AccountAdministration administration() {
        return new AccountAdministration(database, audit, fr.opaline.core.common.IdGenerator.timeOrdered(clock), clock,
                security);
    }

    /** Records the end of a session (logout, idle timeout, window closed). */
    public void logout(AuthenticatedSession session, String how) {
        audit.record(AuditEntry.of(session.actor(), AuditAction.LOGOUT, null).on("user_account", session.user().id())
                .withDetail(how));
    }

    private Outcome check(DSLContext ctx, String login, char[] password, String totpCode, boolean changingPassword) {
        Instant now = clock.instant();
        Optional<UserAccount> found = login == null ? Optional.empty() : new UserRepository(ctx).findByLogin(login.trim());
        if (found.isEmpty()) {
            security.hasher().verifyNothing(password);
            failed(ctx, unknownActor(login), null, "identifiant inconnu");
            return Outcome.refused(Reason.BAD_CREDENTIALS, BAD_CREDENTIALS, null);
        }
        UserAccount user = found.get();
        Actor actor = Actor.user(user.id(), user.login());
        CredentialRepository credentials = new CredentialRepository(ctx);
        Optional<Credential> stored = credentials.findForUpdate(user.id());
        if (stored.isEmpty()) {
            security.hasher().verifyNothing(password);
            failed(ctx, actor, user, "aucun mot de passe local (connexion Pro Santé Connect uniquement)");
            return Outcome.refused(Reason.BAD_CREDENTIALS, BAD_CREDENTIALS, null);
        }
        Credential credential = stored.get();
        PasswordPolicy policy = security.policyFor(user.role());
        if (credential.lockedAt(now)) {
            failed(ctx, actor, user, "compte verrouillé jusqu'à " + credential.lockedUntil());
            return Outcome.refused(Reason.LOCKED, lockedMessage(credential.lockedUntil()), credential.lockedUntil());
        }
        if (credential.lockedUntil() != null) {
            credential = withFailures(credential, 0, null);
        }
        if (!security.hasher().verify(password, credential.passwordHash())) {
            return failure(ctx, actor, user, credential, policy, "mot de passe incorrect", Reason.BAD_CREDENTIALS,
                    BAD_CREDENTIALS);
        }
        if (!user.active()) {
            save(ctx, credential);
            failed(ctx, actor, user, "compte désactivé");
            return Outcome.refused(Reason.DISABLED, "Ce compte est désactivé : adressez-vous à l'administrateur.", null);
        }
        Long totpStep = credential.totpLastStep();
        AuthenticationMethod method = AuthenticationMethod.LOCAL_PASSWORD;
        if (credential.totpActive()) {
            if (totpCode == null || totpCode.isBlank()) {
                save(ctx, credential);
                failed(ctx, actor, user, "code TOTP requis");
                return Outcome.refused(Reason.TOTP_REQUIRED,
                        "Saisissez le code à 6 chiffres de votre application d'authentification.", null);
            }
            Optional<String> seed = security.totpSeeds().open(user.id(), credential.totpSecret());
            if (seed.isEmpty()) {
                return failure(ctx, actor, user, credential, policy, "secret TOTP illisible (non scellé par la clé du coffre)",
                        Reason.TOTP_INVALID, "Second facteur illisible sur ce serveur : un administrateur doit le réactiver"
                                + " (opaline users totp-enrol).");
            }
            OptionalLong step = Totp.verify(seed.get(), totpCode.trim(), now, credential.totpLastStep());
            if (step.isEmpty()) {
                return failure(ctx, actor, user, credential, policy, "code TOTP incorrect ou déjà utilisé",
                        Reason.TOTP_INVALID, "Code à usage unique incorrect ou déjà utilisé.");
            }
            totpStep = step.getAsLong();
            method = AuthenticationMethod.LOCAL_PASSWORD_TOTP;
        }
        Optional<Instant> expiresAt = policy.expiresAt(credential.passwordChangedAt());
        boolean expired = expiresAt.map(at -> !now.isBefore(at)).orElse(false);
        String hash = security.hasher().needsRehash(credential.passwordHash())
                ? security.hasher().hash(password) : credential.passwordHash();
        boolean changeRequired = credential.mustChangePassword() || expired;
        // A code that only led to "choose your password" is not spent: the change that follows presents it again.
        Long keptStep = changeRequired && !changingPassword ? credential.totpLastStep() : totpStep;
        Credential updated = new Credential(user.id(), hash, credential.passwordChangedAt(),
                credential.mustChangePassword(), 0, null, credential.totpSecret(), credential.totpConfirmed(), keptStep,
                changeRequired ? credential.lastLoginAt() : now, credential.rowVersion());
        save(ctx, updated);
        if (changeRequired && !changingPassword) {
            failed(ctx, actor, user, credential.mustChangePassword() ? "mot de passe provisoire : changement requis"
                    : "mot de passe expiré : changement requis");
            return Outcome.refused(Reason.PASSWORD_CHANGE_REQUIRED, credential.mustChangePassword()
                    ? "Mot de passe provisoire : choisissez votre mot de passe."
                    : "Votre mot de passe a expiré : choisissez-en un nouveau.", null);
        }
        return new Outcome(new AuthenticatedSession(user, method, now, expiresAt.orElse(null)), null);
    }

    private Outcome failure(DSLContext ctx, Actor actor, UserAccount user, Credential credential, PasswordPolicy policy,
                            String why, Reason reason, String message) {
        int failures = credential.failedAttempts() + 1;
        if (failures >= policy.maxFailures()) {
            Instant until = clock.instant().plus(policy.lockDuration());
            save(ctx, withFailures(credential, failures, until));
            failed(ctx, actor, user, why + " (" + failures + "e échec consécutif)");
            audit.record(ctx, AuditEntry.of(actor, AuditAction.ACCOUNT_LOCKED, null).on("user_account", user.id())
                    .withDetail(failures + " échecs consécutifs ; verrouillé jusqu'à " + until));
            return Outcome.refused(Reason.LOCKED, lockedMessage(until), until);
        }
        save(ctx, withFailures(credential, failures, null));
        failed(ctx, actor, user, why + " (" + failures + "e échec consécutif)");
        return Outcome.refused(reason, message, null);
    }

    private String lockedMessage(Instant until) {
        return "Compte verrouillé après trop d'échecs, jusqu'à " + TIME.format(until.atZone(clock.getZone()))
                + " : réessayez plus tard ou adressez-vous à l'administrateur.";
    }

    private void failed(DSLContext ctx, Actor actor, UserAccount user, String why) {
        AuditEntry entry = AuditEntry.of(actor, AuditAction.LOGIN_FAILED, null).withDetail("compte local : " + why);
        audit.record(ctx, user == null ? entry : entry.on("user_account", user.id()));
    }

    private static Actor unknownActor(String login) {
        String shown = login == null || login.isBlank() ? "(vide)" : login.strip();
        shown = shown.replaceAll("\\p{Cntrl}", "?");
        return new Actor(null, shown.length() > 100 ? shown.substring(0, 100) : shown);
    }

    private static Credential withFailures(Credential c, int failures, Instant lockedUntil) {
        return new Credential(c.userId(), c.passwordHash(), c.passwordChangedAt(), c.mustChangePassword(), failures,
                lockedUntil, c.totpSecret(), c.totpConfirmed(), c.totpLastStep(), c.lastLoginAt(), c.rowVersion());
    }

    private static void save(DSLContext ctx, Credential credential) {
        if (!new CredentialRepository(ctx).update(credential)) {
            throw new IllegalStateException("credential of " + credential.userId() + " changed concurrently");
        }
    }

    /** A session, or the refusal to throw once the transaction (failure count, audit) is committed. */
    private record Outcome(AuthenticatedSession session, BusinessRuleException refusal) {
        static Outcome refused(Reason reason, String message, Instant lockedUntil) {
            return new Outcome(null, new AuthenticationException(reason, message, lockedUntil));
        }

        AuthenticatedSession sessionOrThrow() {
            if (refusal != null) {
                throw refusal;
            }
            return session;
        }
    }
}
