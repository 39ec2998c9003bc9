package fr.opaline.core.user;

import java.security.SecureRandom;

/**
 * Temporary passwords made by the server (an administrator's reset): groups of four characters
 * separated by dashes, from an alphabet without look-alikes (no 0/O, 1/l/I), with lower and upper
 * case letters, digits and the dash, at least 16 characters and the policy's minimum: always
 * accepted by any policy that accepts four character classes.
 */
public final class TemporaryPasswords {

    private static final String LOWER = "abcdefghijkmnpqrstuvwxyz";
    private static final String UPPER = "ABCDEFGHJKLMNPQRSTUVWXYZ";
    private static final String DIGITS = "23456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private TemporaryPasswords() {
    }

    public static char[] generate(PasswordPolicy policy) {
        int letters = Math.max(16, policy.minLength());
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < letters; i++) {
            if (i > 0 && i % 4 == 0) {
                out.append('-');
            }
            // Each group: an upper-case letter, a digit, then lower-case letters (all classes in every password).
            String alphabet = switch (i % 4) {
                case 0 -> UPPER;
                case 1 -> DIGITS;
                default -> LOWER;
            };
            out.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
        }
        char[] password = new char[out.length()];
        out.getChars(0, out.length(), password, 0);
        out.setLength(0);
        return password;
    }
}
