package fr.opaline.psc.ciba;

import java.security.SecureRandom;

/**
 * Short random codes shown on the workstation and on the e-CPS, so the professional approves the
 * request they started. Letters and digits that cannot be mistaken for each other, as "K7M-3PX":
 * within the characters every provider accepts (Keycloak: {@code [a-zA-Z0-9-._+/!?#]{1,50}}).
 */
public final class BindingMessages {

    private static final String ALPHABET = "ACDEFGHJKMNPQRTUVWXY34679";
    private static final SecureRandom RANDOM = new SecureRandom();

    private BindingMessages() {
    }

    public static String next() {
        StringBuilder code = new StringBuilder(7);
        for (int i = 0; i < 6; i++) {
            if (i == 3) {
                code.append('-');
            }
            code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return code.toString();
    }
}
