package fr.opaline.app.wiring;

import fr.opaline.app.config.OpalineConfig;
import fr.opaline.core.audit.AuditAction;
import fr.opaline.core.audit.AuditEntry;
import fr.opaline.core.common.Actor;
import fr.opaline.core.secrets.SecretKeyFile;
import fr.opaline.core.user.AccountAdministration;
import fr.opaline.core.user.AccountReconciliation;
import fr.opaline.core.user.AccountReview;
import fr.opaline.core.user.AccountSecurity;
import fr.opaline.core.user.LocalAuthentication;
import fr.opaline.core.user.PasswordHasher;
import fr.opaline.core.user.PasswordPolicy;
import fr.opaline.core.user.TotpSeeds;
import java.time.Duration;

/**
 * Local accounts wired on the core services, with the practice's password policies from the
 * configuration ({@code accounts.*}). The desktop logs in with {@link #authentication}; the
 * {@code opaline users} command administers with {@link #administration}.
 */
public final class AccountsWiring {

    public final AccountSecurity security;
    public final LocalAuthentication authentication;
    public final AccountAdministration administration;
    public final AccountReconciliation reconciliation;
    public final AccountReview review;

    public AccountsWiring(CoreServices core) {
        this.security = security(core.config);
        int sealed = security.totpSeeds().sealClearSeeds(core.database);
        if (sealed > 0) {
            core.audit.record(AuditEntry.of(Actor.system("accounts"), AuditAction.TOTP_SEEDS_SEALED, null)
                    .withDetail(sealed + " secret(s) TOTP stocké(s) en clair chiffré(s) avec la clé du coffre"));
        }
        this.authentication = new LocalAuthentication(core.database, core.audit, core.clock, security);
        this.administration = new AccountAdministration(core.database, core.audit, core.ids, core.clock, security);
        this.reconciliation = new AccountReconciliation(core.database, core.audit, core.clock, authentication);
        this.review = new AccountReview(core.database, core.audit, core.clock, security);
    }

    public static AccountSecurity security(OpalineConfig config) {
        return new AccountSecurity(policy(config, "accounts.privileged.", PasswordPolicy.privilegedDefault()),
                policy(config, "accounts.standard.", PasswordPolicy.standardDefault()),
                new PasswordHasher(new PasswordHasher.Cost(
                        config.getInt("accounts.argon2.memoryKiB", PasswordHasher.DEFAULT_COST.memoryKiB()),
                        config.getInt("accounts.argon2.iterations", PasswordHasher.DEFAULT_COST.iterations()),
                        config.getInt("accounts.argon2.parallelism", PasswordHasher.DEFAULT_COST.parallelism()))),
                TotpSeeds.withKey(SecretKeyFile.loadOrCreate(config.vaultKeyFile(), "Clé du coffre à jetons")));
    }

    private static PasswordPolicy policy(OpalineConfig config, String prefix, PasswordPolicy defaults) {
        String age = config.get(prefix + "maxAge").orElse(null);
        Duration maxAge = age == null ? defaults.maxAge()
                : age.equals("0") || age.equalsIgnoreCase("none") ? null : config.getDuration(prefix + "maxAge", null);
        return new PasswordPolicy(config.getInt(prefix + "minLength", defaults.minLength()),
                config.getInt(prefix + "minClasses", defaults.minCharacterClasses()), maxAge,
                config.getInt(prefix + "maxFailures", defaults.maxFailures()),
                config.getDuration(prefix + "lockDuration", defaults.lockDuration()));
    }
}
