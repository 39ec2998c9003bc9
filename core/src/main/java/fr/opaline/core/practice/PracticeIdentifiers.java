package fr.opaline.core.practice;

import java.util.regex.Pattern;

/**
 * Checks and normalises the identifiers of a practice site, with a French message naming what
 * is wrong: FINESS (géographique or juridique), SIRET, RPPS-rang. Spaces, dots and dashes
 * typed by the user are ignored.
 */
public final class PracticeIdentifiers {

    /** La Poste's SIREN: its establishments' SIRET follow a sum-of-digits rule, not Luhn. */
    private static final String LA_POSTE_SIREN = "356000000";
    private static final Pattern FINESS = Pattern.compile("(\\d{2}|2[AB])\\d{7}");
    private static final Pattern DIGITS = Pattern.compile("\\d+");

    private PracticeIdentifiers() {
    }

    /**
     * A FINESS number: 9 characters, the department first (2A/2B for Corsica), the last one a
     * Luhn key. Corsican numbers are checked for their format only (their key is computed on a
     * numeric form of the department that Opaline does not assume).
     */
    public static String finess(String input) {
        String value = compact(input).toUpperCase(java.util.Locale.ROOT);
        if (!FINESS.matcher(value).matches()) {
            throw new IllegalArgumentException("FINESS « " + input + " » : 9 caractères attendus, des chiffres"
                    + " (2A ou 2B en tête pour la Corse)");
        }
        if (Character.isDigit(value.charAt(1)) && !luhn(value)) {
            throw new IllegalArgumentException("FINESS « " + input + " » : la clé de contrôle (dernier chiffre) ne"
                    + " correspond pas ; vérifiez la saisie");
        }
        return value;
    }

    /** A SIRET: 14 digits (SIREN + NIC), Luhn key; La Poste's establishments by their own rule. */
    public static String siret(String input) {
        String value = compact(input);
        if (value.length() != 14 || !DIGITS.matcher(value).matches()) {
            throw new IllegalArgumentException("SIRET « " + input + " » : 14 chiffres attendus (SIREN puis NIC)");
        }
        boolean valid = value.startsWith(LA_POSTE_SIREN) ? digitSum(value) % 5 == 0 : luhn(value);
        if (!valid) {
            throw new IllegalArgumentException("SIRET « " + input + " » : la clé de contrôle ne correspond pas ;"
                    + " vérifiez la saisie");
        }
        return value;
    }

    /**
     * The RPPS-rang of a liberal practice (cabinet): the RPPS number of the professional (11
     * digits) followed by the rank of the cabinet (2 digits, 01 to 99). A separator between the
     * two ("/", "-" or a space) is accepted and removed.
     */
    public static String rppsRang(String input) {
        String value = input == null ? "" : input.trim().replaceAll("[\\s./-]", "");
        if (value.length() != 13 || !DIGITS.matcher(value).matches()) {
            throw new IllegalArgumentException("RPPS-rang « " + input + " » : 13 chiffres attendus, le n° RPPS"
                    + " (11 chiffres) suivi du rang du cabinet (2 chiffres)");
        }
        if (value.endsWith("00")) {
            throw new IllegalArgumentException("RPPS-rang « " + input + " » : le rang du cabinet va de 01 à 99");
        }
        return value;
    }

    /** Luhn (ISO/IEC 7812-1) over every digit, the key being the last one. */
    static boolean luhn(String digits) {
        int sum = 0;
        boolean doubled = false;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int d = digits.charAt(i) - '0';
            if (doubled) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            doubled = !doubled;
        }
        return sum % 10 == 0;
    }

    private static int digitSum(String digits) {
        return digits.chars().map(c -> c - '0').sum();
    }

    private static String compact(String input) {
        return input == null ? "" : input.trim().replaceAll("[\\s.-]", "");
    }
}
