package fr.opaline.ins.insi;

import fr.opaline.core.patient.IdentityTraits;
import fr.opaline.core.patient.Sex;
import fr.opaline.ins.traits.InsText;
import java.time.LocalDate;

/**
 * A récupération by traits (RECSANSVITALE): birth name, one birth first name, sex, birth date,
 * and the INSEE birthplace code only when asked (DSR: first call without it).
 */
public record InsiTraitsQuery(String birthName, String firstName, Sex sex, LocalDate birthDate,
                              String birthplaceCode) {

    public static InsiTraitsQuery of(IdentityTraits traits, boolean withBirthplace) {
        return new InsiTraitsQuery(InsText.toInsForm(traits.birthName()),
                InsText.toInsForm(traits.firstBirthFirstName()), traits.sex(), traits.birthDate(),
                withBirthplace ? traits.birthplaceCode() : null);
    }
}
