package fr.opaline.dmp.vihf;

import fr.opaline.core.patient.InsNumber;
import java.util.Objects;

/**
 * Who acts and on which patient, for one VIHF: the professional's national identifier
 * ({@code 8} + RPPS), name, profession (TRE_G15) and specialty (TRE_R38 savoir-faire, optional),
 * how they were authenticated, the access mode, the patient's INS, and for PSC the access token.
 */
public record VihfSubject(String nationalId, String displayName, String professionCode, String professionLabel,
                          String specialtyCode, String specialtyLabel, AccessAuthentication authentication,
                          PurposeOfUse purpose, InsNumber patient, String pscAccessToken) {

    public static final String PROFESSION_SYSTEM = "1.2.250.1.71.1.2.7";
    public static final String SPECIALTY_SYSTEM = "1.2.250.1.71.4.2.5";

    public VihfSubject {
        Objects.requireNonNull(nationalId, "nationalId");
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(professionCode, "professionCode");
        Objects.requireNonNull(authentication, "authentication");
        Objects.requireNonNull(purpose, "purpose");
        Objects.requireNonNull(patient, "patient");
    }

    /** The HL7 CX form of the patient's INS in the VIHF resource-id: matricule^^^&amp;OID&amp;ISO^NH. */
    public String resourceId() {
        return patient.matricule() + "^^^&" + patient.oid() + "&ISO^NH";
    }

    public VihfSubject forPatient(InsNumber other) {
        return new VihfSubject(nationalId, displayName, professionCode, professionLabel, specialtyCode, specialtyLabel,
                authentication, purpose, other, pscAccessToken);
    }
}
