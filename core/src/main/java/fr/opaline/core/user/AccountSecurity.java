package fr.opaline.core.user;

/**
 * The local-account security settings of a practice: password policies for privileged and other
 * roles, the Argon2id cost of new hashes, and the key that seals the TOTP seeds at rest.
 */
public record AccountSecurity(PasswordPolicy privileged, PasswordPolicy standard, PasswordHasher hasher,
                              TotpSeeds totpSeeds) {

    /** Settings whose TOTP seeds are sealed with a key of this process only (tests). */
    public AccountSecurity(PasswordPolicy privileged, PasswordPolicy standard, PasswordHasher hasher) {
        this(privileged, standard, hasher, TotpSeeds.ephemeral());
    }

    public static AccountSecurity defaults() {
        return new AccountSecurity(PasswordPolicy.privilegedDefault(), PasswordPolicy.standardDefault(),
                PasswordHasher.standard());
    }

    public PasswordPolicy policyFor(Role role) {
        return role.privileged() ? privileged : standard;
    }
}
