package fr.opaline.core.practice;

import fr.opaline.core.uid.UidRoot;

/**
 * Who the practice is: the identifiers that go into every document and message.
 *
 * @param ippIssuerOid assigning authority of the local IPP
 * @param finess       FINESS géographique of the site
 * @param rppsRang     for a liberal practice, the RPPS-rang identifier of the structure
 */
public record PracticeProfile(String name, String finess, String siret, String rppsRang, UidRoot uidRoot,
                              String ippIssuerOid, String ippNamespace, String addressLine, String postalCode,
                              String city, String phone) {
}
