package fr.opaline.core.user;

import fr.opaline.core.audit.AuditAction;
import fr.opaline.core.audit.AuditEntry;
import fr.opaline.core.audit.AuditTrail;
import fr.opaline.core.common.Actor;
import fr.opaline.core.common.BusinessRuleException;
import fr.opaline.core.persistence.Database;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;

/**
 * Ties an identity authenticated by an OpenID Connect provider (Pro Santé Connect first) to local
 * accounts (SC.PSC.02). At the first login: one active account with the professional's RPPS is
 * linked at once; several are offered for the professional to choose; none means the professional
 * proves a local account with its password, or asks an administrator. Later logins find the link.
 */
public final class AccountReconciliation {

    private final Database database;
    private final AuditTrail audit;
    private final Clock clock;
    private final LocalAuthentication localAuthentication;

    public AccountReconciliation(Database database, AuditTrail audit, Clock clock,
                                 LocalAuthentication localAuthentication) {
        this.database = database;
        this.audit = audit;
        this.clock = clock;
        this.localAuthentication = localAuthentication;
    }

    /** The identity as the provider asserted it. {@code rpps} is null for providers without one. */
    public record ExternalLogin(String provider, String subject, String nationalId, String rpps) {
        public ExternalLogin {
            Objects.requireNonNull(provider, "provider");
            Objects.requireNonNull(subject, "subject");
        }
    }

    /** What the first (or a later) login leads to. */
    public sealed interface Outcome permits Linked, ChooseAccount, NoAccount {
    }

    /** The identity is (now) linked to this account. */
    public record Linked(UserAccount account, boolean newlyLinked) implements Outcome {
    }

    /** Several accounts carry the professional's RPPS: the professional picks one. */
    public record ChooseAccount(List<UserAccount> candidates) implements Outcome {
    }

    /** No account carries the RPPS: link one by its local password, or ask an administrator. */
    public record NoAccount() implements Outcome {
    }

    public Outcome reconcile(ExternalLogin login) {
        return database.inTransaction(ctx -> {
            ExternalIdentityRepository links = new ExternalIdentityRepository(ctx);
            Optional<ExternalIdentity> existing = links.find(login.provider(), login.subject());
            if (existing.isPresent()) {
                UserAccount account = new UserRepository(ctx).findById(existing.get().userId()).orElseThrow();
                requireActive(account);
                return new Linked(account, false);
            }
            List<UserAccount> candidates = candidates(ctx, login);
            if (candidates.size() == 1) {
                UserAccount account = candidates.get(0);
                link(ctx, login, account, "rapprochement automatique par RPPS " + login.rpps());
                return new Linked(account, true);
            }
            return candidates.isEmpty() ? new NoAccount() : new ChooseAccount(candidates);
        });
    }

    /** Links the account the professional chose among those carrying their RPPS. */
    public UserAccount linkChosen(ExternalLogin login, UUID chosenUserId) {
        return database.inTransaction(ctx -> {
            List<UserAccount> candidates = candidates(ctx, login);
            UserAccount chosen = candidates.stream().filter(u -> u.id().equals(chosenUserId)).findFirst()
                    .orElseThrow(() -> new BusinessRuleException(
                            "Ce compte ne porte pas votre RPPS : choisissez parmi les comptes proposés."));
            link(ctx, login, chosen, "choisi par le professionnel parmi " + candidates.size()
                    + " comptes de RPPS " + login.rpps());
            return chosen;
        });
    }

    /**
     * Links the local account whose login and password (and TOTP code) the professional gives.
     * Refused when that account carries another RPPS.
     */
    public UserAccount linkWithLocalCredentials(ExternalLogin login, String localLogin, char[] password,
                                                String totpCode) {
        AuthenticatedSession proof = localAuthentication.login(localLogin, password, totpCode);
        UserAccount account = proof.user();
        if (account.rpps() != null && login.rpps() != null && !account.rpps().equals(login.rpps())) {
            throw new BusinessRuleException("Le compte « " + account.login() + " » porte un autre RPPS ("
                    + account.rpps() + ") que celui de votre carte (" + login.rpps() + ").");
        }
        return database.inTransaction(ctx -> {
            link(ctx, login, account, "prouvé par le mot de passe du compte local");
            return account;
        });
    }

    public List<ExternalIdentity> linksOf(UUID userId) {
        return new ExternalIdentityRepository(database.dsl()).forUser(userId);
    }

    public void unlink(Actor by, String provider, String subject) {
        database.inTransactionRun(ctx -> {
            AccountAdministration.requireAdministrator(ctx, by);
            ExternalIdentityRepository links = new ExternalIdentityRepository(ctx);
            ExternalIdentity link = links.find(provider, subject)
                    .orElseThrow(() -> new BusinessRuleException("Aucun lien " + provider + " pour " + subject + "."));
            links.delete(provider, subject);
            audit.record(ctx, AuditEntry.of(by, AuditAction.ACCOUNT_UNLINKED, null).on("user_account", link.userId())
                    .withDetail(provider + " " + (link.nationalId() == null ? subject : link.nationalId())));
        });
    }

    private static List<UserAccount> candidates(DSLContext ctx, ExternalLogin login) {
        if (login.rpps() == null) {
            return List.of();
        }
        return new UserRepository(ctx).findByRpps(login.rpps()).stream().filter(UserAccount::active).toList();
    }

    private void link(DSLContext ctx, ExternalLogin login, UserAccount account, String how) {
        requireActive(account);
        ExternalIdentityRepository links = new ExternalIdentityRepository(ctx);
        if (links.find(login.provider(), login.subject()).isPresent()) {
            throw new BusinessRuleException("Cette identité est déjà liée à un compte.");
        }
        links.insert(new ExternalIdentity(login.provider(), login.subject(), account.id(), login.nationalId(),
                clock.instant(), account.login()));
        audit.record(ctx, AuditEntry.of(Actor.user(account.id(), account.login()), AuditAction.ACCOUNT_LINKED, null)
                .on("user_account", account.id())
                .withDetail(login.provider() + " " + (login.nationalId() == null ? login.subject() : login.nationalId())
                        + " : " + how));
    }

    private static void requireActive(UserAccount account) {
        if (!account.active()) {
            throw new BusinessRuleException("Le compte « " + account.login()
                    + " » est désactivé : adressez-vous à l'administrateur.");
        }
    }
}
