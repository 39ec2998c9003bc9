package fr.opaline.ins.matricule;

import java.math.BigInteger;

/**
 * The control key of a NIR/NIA: 97 − (number mod 97), the 13 characters read as a number with
 * Corsica's département 2A counted as 19 and 2B as 18.
 */
public final class MatriculeKey {

    private static final BigInteger NINETY_SEVEN = BigInteger.valueOf(97);

    private MatriculeKey() {
    }

    /** The two-digit key of the first 13 characters of a matricule. */
    public static String of(String first13) {
        if (first13 == null || first13.length() != 13) {
            throw new IllegalArgumentException("13 caractères attendus avant la clé");
        }
        String upper = first13.toUpperCase(java.util.Locale.ROOT);
        String numeric;
        if (upper.startsWith("2A", 5)) {
            numeric = upper.substring(0, 5) + "19" + upper.substring(7);
        } else if (upper.startsWith("2B", 5)) {
            numeric = upper.substring(0, 5) + "18" + upper.substring(7);
        } else {
            numeric = upper;
        }
        if (!numeric.chars().allMatch(Character::isDigit)) {
            throw new IllegalArgumentException("Seuls des chiffres (et 2A/2B pour la Corse) sont admis");
        }
        int key = 97 - new BigInteger(numeric).mod(NINETY_SEVEN).intValue();
        return String.format("%02d", key);
    }
}
