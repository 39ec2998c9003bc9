package fr.opaline.psc.api;

/** The authenticated professional as shown on the workstation. */
public record ProfessionalView(String provider, String nationalId, String rpps, String familyName, String givenName,
                               String displayName, String professionCode, String specialtyCode) {
}
