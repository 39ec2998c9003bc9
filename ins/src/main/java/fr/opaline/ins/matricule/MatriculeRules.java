package fr.opaline.ins.matricule;

import fr.opaline.core.patient.InsNumber;
import fr.opaline.core.patient.Sex;
import fr.opaline.ins.InsRuleException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Format rules of the matricule INS (NIR or NIA): 13 characters and a 2-digit key. Positions
 * (1-based): 1 sex, 2-3 year, 4-5 month, 6-7 département (2A/2B in Corsica), 8-10 commune or
 * country, 11-13 order number, 14-15 key = 97 − (number mod 97).
 */
public final class MatriculeRules {

    /** INS OIDs and what they name, in the order users read them. */
    public static final Set<String> KNOWN_OIDS = Set.of(InsNumber.OID_NIR, InsNumber.OID_NIA, InsNumber.OID_TEST_NIR,
            InsNumber.OID_TEST_NIA);

    private MatriculeRules() {
    }

    /** Removes spaces and dots users type for readability, and upper-cases (2a → 2A). */
    public static String normalize(String input) {
        if (input == null) {
            return "";
        }
        return input.replaceAll("[\\s.]", "").toUpperCase(Locale.ROOT);
    }

    public static MatriculeCheck check(String input) {
        String m = normalize(input);
        List<String> problems = new ArrayList<>();
        if (m.isEmpty()) {
            problems.add("Le matricule INS est vide.");
            return new MatriculeCheck(input, m, problems);
        }
        for (int i = 0; i < m.length(); i++) {
            char c = m.charAt(i);
            boolean corsica = (i == 6) && (c == 'A' || c == 'B') && m.charAt(5) == '2';
            if (!(c >= '0' && c <= '9') && !corsica) {
                problems.add("Caractère « " + c + " » non admis en position " + (i + 1)
                        + " : un matricule INS ne contient que des chiffres (2A ou 2B en positions 6-7 pour la Corse).");
                return new MatriculeCheck(input, m, problems);
            }
        }
        if (m.length() != 15) {
            problems.add("Le matricule INS compte 15 caractères (13 + clé de 2 chiffres) ; « " + m + " » en compte "
                    + m.length() + ".");
            return new MatriculeCheck(input, m, problems);
        }
        char sex = m.charAt(0);
        if ("123478".indexOf(sex) < 0) {
            problems.add("Le 1er chiffre (sexe) vaut « " + sex
                    + " » : attendu 1 ou 2 (NIR), 3 ou 4 (NIR provisoire), 7 ou 8 (NIA).");
        }
        int month = Integer.parseInt(m.substring(3, 5));
        if (month == 0 || (month > 12 && month < 20)) {
            problems.add("Le mois de naissance (positions 4-5) vaut « " + m.substring(3, 5) + " » : impossible.");
        }
        if (m.startsWith("00", 5)) {
            problems.add("Le département de naissance (positions 6-7) ne peut pas être « 00 ».");
        }
        String expected = MatriculeKey.of(m.substring(0, 13));
        String key = m.substring(13);
        if (!key.equals(expected)) {
            problems.add("Clé de contrôle incorrecte : « " + key + " » saisie, « " + expected
                    + " » attendue pour " + m.substring(0, 13) + ". Vérifiez la saisie du matricule.");
        }
        return new MatriculeCheck(input, m, problems);
    }

    /** The normalised matricule, or a refusal that says what is wrong. */
    public static String requireValid(String input) {
        MatriculeCheck check = check(input);
        if (!check.valid()) {
            throw new InsRuleException(check.problems());
        }
        return check.normalized();
    }

    /** Checks the matricule and that the OID is one of the four INS OIDs. */
    public static InsNumber requireValid(InsNumber ins) {
        if (ins == null) {
            throw new InsRuleException("INS absente.");
        }
        String matricule = requireValid(ins.matricule());
        String oid = ins.oid() == null ? "" : ins.oid().trim();
        if (!KNOWN_OIDS.contains(oid)) {
            throw new InsRuleException("OID « " + oid + " » inconnu : attendu " + InsNumber.OID_NIR + " (NIR), "
                    + InsNumber.OID_NIA + " (NIA), " + InsNumber.OID_TEST_NIR + " (NIR de test) ou "
                    + InsNumber.OID_TEST_NIA + " (NIA de test).");
        }
        return new InsNumber(matricule, oid);
    }

    /** The sex the matricule's first digit gives (1, 3, 7: M; 2, 4, 8: F). */
    public static Sex sexOf(String matricule) {
        char c = normalize(matricule).charAt(0);
        return switch (c) {
            case '1', '3', '7' -> Sex.M;
            case '2', '4', '8' -> Sex.F;
            default -> Sex.U;
        };
    }

    /** French label of an INS OID. */
    public static String oidLabel(String oid) {
        if (InsNumber.OID_NIR.equals(oid)) {
            return "NIR";
        }
        if (InsNumber.OID_NIA.equals(oid)) {
            return "NIA";
        }
        if (InsNumber.OID_TEST_NIR.equals(oid)) {
            return "NIR de test";
        }
        if (InsNumber.OID_TEST_NIA.equals(oid)) {
            return "NIA de test";
        }
        return "OID inconnu";
    }
}
