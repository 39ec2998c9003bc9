package fr.opaline.ins.datamatrix;

import fr.opaline.core.patient.IdentityTraits;
import fr.opaline.core.patient.InsNumber;
import fr.opaline.core.patient.PatientQuery;

/** What a scanned Datamatrix INS carries: the INS and the INS traits. */
public record ScannedIns(InsNumber ins, IdentityTraits traits) {

    /** The patient search for this INS (first choice when a Datamatrix is scanned). */
    public PatientQuery searchByIns() {
        return new PatientQuery(null, null, null, null, ins.matricule(), 20);
    }

    /** The patient search by traits: birth name, first birth first name, birth date. */
    public PatientQuery searchByTraits() {
        return new PatientQuery(traits.birthName(), traits.firstBirthFirstName(), traits.birthDate(), null, null, 20);
    }
}
