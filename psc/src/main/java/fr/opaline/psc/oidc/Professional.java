package fr.opaline.psc.oidc;

/**
 * The health professional an identity provider authenticated, as Opaline needs them: national
 * identifier (PSC's {@code SubjectNameID}: 8 + RPPS, or 0 + ADELI), RPPS, names and the profession
 * and specialty codes of their first practice (TRE_G15 profession, TRE_R38 savoir-faire).
 */
public record Professional(String provider, String subject, String nationalId, String rpps, String familyName,
                           String givenName, String professionCode, String specialtyCode) {

    /** "Claire LAMBERT", or the national identifier when the provider gives no name. */
    public String displayName() {
        String given = givenName == null ? "" : givenName.trim();
        String family = familyName == null ? "" : familyName.trim();
        String name = (given + " " + family).trim();
        return name.isEmpty() ? (nationalId == null ? subject : nationalId) : name;
    }
}
