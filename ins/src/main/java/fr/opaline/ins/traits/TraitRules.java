package fr.opaline.ins.traits;

import fr.opaline.core.patient.IdentityTraits;
import fr.opaline.core.patient.Sex;
import fr.opaline.ins.InsRuleException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Rules on the strict traits of an identity as the INS knows them: birth name and birth first
 * names in INS form (letters, hyphen, apostrophe, space), sex M or F, a plausible birth date, and
 * a 5-character INSEE birthplace code (commune, 2A/2B Corsica, 99xxx country, 99999 unknown).
 */
public final class TraitRules {

    public static final String UNKNOWN_BIRTHPLACE = "99999";
    static final LocalDate EARLIEST_BIRTH = LocalDate.of(1850, 1, 1);
    private static final Pattern NAME = Pattern.compile("[A-Z]+(?:(?: |-{1,2}|'|' )[A-Z]+)*");
    private static final Pattern FIRST_NAME = Pattern.compile("[A-Z]+(?:(?:-|')[A-Z]+)*");
    private static final Pattern BIRTHPLACE = Pattern.compile("[0-9]{5}|2[AB][0-9]{3}");

    private TraitRules() {
    }

    /** Problems with the traits, in French; empty when they can be sent to INSi. */
    public static List<String> check(IdentityTraits traits, LocalDate today) {
        List<String> problems = new ArrayList<>();
        String birthName = InsText.toInsForm(traits.birthName());
        if (birthName == null || birthName.isEmpty()) {
            problems.add("Le nom de naissance est obligatoire.");
        } else if (!NAME.matcher(birthName).matches()) {
            problems.add("Nom de naissance « " + traits.birthName()
                    + " » : seules les lettres, le trait d'union, l'apostrophe et l'espace sont admis.");
        }
        String firstNames = InsText.toInsForm(traits.birthFirstNames());
        if (firstNames == null || firstNames.isEmpty()) {
            problems.add("Au moins un prénom de naissance est obligatoire.");
        } else {
            for (String first : firstNames.split(" ")) {
                if (!FIRST_NAME.matcher(first).matches()) {
                    problems.add("Prénom de naissance « " + first
                            + " » : lettres seulement, trait d'union pour un prénom composé, prénoms séparés par une espace.");
                }
            }
        }
        if (traits.sex() != Sex.M && traits.sex() != Sex.F) {
            problems.add("Le sexe doit être M ou F.");
        }
        if (traits.birthDate().isAfter(today)) {
            problems.add("La date de naissance " + traits.birthDate() + " est dans le futur.");
        } else if (traits.birthDate().isBefore(EARLIEST_BIRTH)) {
            problems.add("La date de naissance " + traits.birthDate() + " n'est pas plausible.");
        }
        String place = traits.birthplaceCode();
        if (place != null && !BIRTHPLACE.matcher(place.trim().toUpperCase(java.util.Locale.ROOT)).matches()) {
            problems.add("Code INSEE du lieu de naissance « " + place
                    + " » : 5 caractères attendus (commune, 2A/2B pour la Corse, 99xxx pour un pays, 99999 si inconnu).");
        }
        return problems;
    }

    public static void requireValid(IdentityTraits traits, LocalDate today) {
        List<String> problems = check(traits, today);
        if (!problems.isEmpty()) {
            throw new InsRuleException(problems);
        }
    }

    /** The traits in INS form (names upper case without diacritics), as sent to INSi. */
    public static IdentityTraits toInsForm(IdentityTraits traits) {
        String place = traits.birthplaceCode() == null ? null
                : traits.birthplaceCode().trim().toUpperCase(java.util.Locale.ROOT);
        return new IdentityTraits(InsText.toInsForm(traits.birthName()), InsText.toInsForm(traits.birthFirstNames()),
                InsText.toInsForm(traits.firstBirthFirstName()), traits.birthDate(), traits.sex(), place);
    }

    public static boolean isCountry(String code) {
        return code != null && code.startsWith("99");
    }
}
