package fr.opaline.ins.insi;

import fr.opaline.core.patient.IdentityTraits;
import fr.opaline.core.patient.InsNumber;
import java.util.List;

/**
 * The identity INSi returned: the active INS, earlier INS of the same person (INSHISTO), and
 * the INS traits (TIQ) exactly as the téléservice wrote them (upper case, no diacritics).
 */
public record InsiIdentity(InsNumber activeIns, List<InsNumber> previousIns, IdentityTraits traits) {

    public InsiIdentity {
        previousIns = previousIns == null ? List.of() : List.copyOf(previousIns);
    }
}
