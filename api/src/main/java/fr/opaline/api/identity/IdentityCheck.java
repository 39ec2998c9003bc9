package fr.opaline.api.identity;

import java.time.LocalDate;

/**
 * The identity-document check made at the desk (RNIV "IV +").
 *
 * @param document  the device, from the high-trust list: PASSEPORT, CNI, TITRE_SEJOUR, LIVRET_FAMILLE,
 *                  EXTRAIT_ACTE_NAISSANCE (minors), or TIERS_DE_CONFIANCE (checked by a trusted third party)
 * @param checkedOn the day the original was seen
 * @param checkedBy who saw it (the user, a colleague, or the trusted third party)
 * @param comment   optional
 */
public record IdentityCheck(String document, LocalDate checkedOn, String checkedBy, String comment) {
}
