package fr.opaline.ui.insscan;

import fr.opaline.core.patient.IdentityTraits;
import fr.opaline.core.patient.InsNumber;

/** What a Datamatrix INS carries: the INS and the strict traits. */
public record ScannedIdentity(InsNumber ins, IdentityTraits traits) {
}
