package fr.opaline.core.user;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Rules for local passwords (SC.SSI/IAM.83): minimum length, character classes, maximum age and
 * lockout after consecutive failures. Privileged roles (radiologue, administrateur) get the strict
 * policy; the others the standard one.
 *
 * @param maxAge null when passwords do not expire
 */
public record PasswordPolicy(int minLength, int minCharacterClasses, Duration maxAge, int maxFailures,
                             Duration lockDuration) {

    public static final int MAX_LENGTH = 128;

    public PasswordPolicy {
        if (minLength < 1 || minLength > MAX_LENGTH || minCharacterClasses < 1 || minCharacterClasses > 4
                || maxFailures < 1 || lockDuration.isNegative() || (maxAge != null && maxAge.isNegative())) {
            throw new IllegalArgumentException("invalid password policy");
        }
    }

    /** Privileged accounts: 12 characters of 3 classes, 180 days, 5 failures lock for 15 minutes. */
    public static PasswordPolicy privilegedDefault() {
        return new PasswordPolicy(12, 3, Duration.ofDays(180), 5, Duration.ofMinutes(15));
    }

    /** Other accounts: 8 characters of 2 classes, no expiry, 10 failures lock for 5 minutes. */
    public static PasswordPolicy standardDefault() {
        return new PasswordPolicy(8, 2, null, 10, Duration.ofMinutes(5));
    }

    /** What is wrong with the password, in French; empty when it is acceptable. */
    public List<String> problems(String login, char[] password) {
        List<String> problems = new ArrayList<>();
        if (password.length < minLength) {
            problems.add("comporter au moins " + minLength + " caractères");
        }
        if (password.length > MAX_LENGTH) {
            problems.add("comporter au plus " + MAX_LENGTH + " caractères");
        }
        if (characterClasses(password) < minCharacterClasses) {
            problems.add("mêler au moins " + minCharacterClasses
                    + " types de caractères (minuscules, majuscules, chiffres, symboles)");
        }
        if (login != null && login.length() >= 3
                && new String(password).toLowerCase(Locale.ROOT).contains(login.toLowerCase(Locale.ROOT))) {
            problems.add("ne pas contenir l'identifiant");
        }
        return problems;
    }

    public Optional<Instant> expiresAt(Instant changedAt) {
        return maxAge == null ? Optional.empty() : Optional.of(changedAt.plus(maxAge));
    }

    static int characterClasses(char[] password) {
        boolean lower = false;
        boolean upper = false;
        boolean digit = false;
        boolean other = false;
        for (char c : password) {
            if (Character.isLowerCase(c)) {
                lower = true;
            } else if (Character.isUpperCase(c)) {
                upper = true;
            } else if (Character.isDigit(c)) {
                digit = true;
            } else {
                other = true;
            }
        }
        return (lower ? 1 : 0) + (upper ? 1 : 0) + (digit ? 1 : 0) + (other ? 1 : 0);
    }
}
