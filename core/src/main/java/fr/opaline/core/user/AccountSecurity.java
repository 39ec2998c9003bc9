package fr.opaline.core.user;

/**
 * The local-account security settings of a practice: password policies for privileged and other
 * roles, and the Argon2id cost of new hashes.
 */
public record AccountSecurity(PasswordPolicy privileged, PasswordPolicy standard, PasswordHasher hasher) {

    public static AccountSecurity defaults() {
        return new AccountSecurity(PasswordPolicy.privilegedDefault(), PasswordPolicy.standardDefault(),
                PasswordHasher.standard());
    }

    public PasswordPolicy policyFor(Role role) {
        return role.privileged() ? privileged : standard;
    }
}
