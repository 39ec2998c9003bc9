package fr.opaline.dmp.consent;

/** Where a consent decision was taken. */
public enum ConsentOrigin {
    /** At the front desk (booking, arrival). */
    DESK,
    /** From the DICA checklist window (SC.DMP/UX.13). */
    DICA,
    /** Received from the hospital information system (IHE PAM, French extension). */
    PAM
}
