package fr.opaline.core.patient;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The strict traits of an identity: birth name, list of birth first names (space separated, as
 * the INS téléservice returns them), the first of them, birth date, sex and INSEE code of the
 * birthplace (commune, or 99xxx for a country; 99999 unknown; null when not entered).
 */
public record IdentityTraits(String birthName, String birthFirstNames, String firstBirthFirstName,
                             LocalDate birthDate, Sex sex, String birthplaceCode) {

    public IdentityTraits {
        Objects.requireNonNull(birthName, "birthName");
        Objects.requireNonNull(birthFirstNames, "birthFirstNames");
        Objects.requireNonNull(birthDate, "birthDate");
        Objects.requireNonNull(sex, "sex");
        if (firstBirthFirstName == null || firstBirthFirstName.isBlank()) {
            String[] names = birthFirstNames.trim().split("\\s+");
            firstBirthFirstName = names.length == 0 ? "" : names[0];
        }
    }

    public static IdentityTraits of(String birthName, String birthFirstNames, LocalDate birthDate, Sex sex,
                                    String birthplaceCode) {
        return new IdentityTraits(birthName, birthFirstNames, null, birthDate, sex, birthplaceCode);
    }

    public List<String> birthFirstNameList() {
        return Arrays.asList(birthFirstNames.trim().split("\\s+"));
    }
}
