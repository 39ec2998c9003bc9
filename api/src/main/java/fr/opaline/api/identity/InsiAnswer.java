package fr.opaline.api.identity;

import fr.opaline.core.patient.IdentityTraits;
import fr.opaline.core.patient.InsNumber;
import fr.opaline.core.patient.Patient;
import java.util.List;
import java.util.UUID;

/**
 * INSi's answer as the desk shows it.
 *
 * @param answerId  what {@code accept} / {@code createFromInsi} name; null when nothing can be taken
 * @param outcome   the ins module's outcome (RECUPEREE_AUTOMATIQUEMENT, A_VALIDER, AUCUNE_IDENTITE,
 *                  PLUSIEURS_IDENTITES, TRAITS_INVALIDES, ERREUR_TECHNIQUE, INSI_NON_CONFIGURE)
 * @param ins       the active INS returned (00), else null
 * @param traits    the INS traits returned (00), else null
 * @param patient   the updated record when the answer was applied at once, else null
 */
public record InsiAnswer(UUID answerId, String outcome, InsNumber ins, List<InsNumber> previousIns,
                         IdentityTraits traits, List<TraitLine> comparisons, String message, String advice,
                         boolean birthplaceKnown, Patient patient) {

    public InsiAnswer {
        previousIns = previousIns == null ? List.of() : List.copyOf(previousIns);
        comparisons = comparisons == null ? List.of() : List.copyOf(comparisons);
    }

    /**
     * One trait side by side.
     *
     * @param concordance IDENTIQUE, DIFFERENT or ABSENT_LOCALEMENT
     */
    public record TraitLine(String trait, String local, String insi, String concordance) {
    }
}
