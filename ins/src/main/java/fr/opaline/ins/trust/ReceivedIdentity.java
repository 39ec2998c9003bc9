package fr.opaline.ins.trust;

import fr.opaline.core.patient.IdentityStatus;
import fr.opaline.core.patient.IdentityTraits;
import fr.opaline.core.patient.InsNumber;
import fr.opaline.ins.status.IdentityEvidence;

/**
 * An identity received by flow (HL7, MSSanté, teleradiology): its traits, its INS when the
 * sender gave one, the status the sender gave it, the device it was checked on when the sender
 * said so, and who sent it on which channel.
 */
public record ReceivedIdentity(IdentityTraits traits, InsNumber ins, IdentityStatus status, IdentityEvidence evidence,
                               Channel channel, String sender, String usedName, String usedFirstName) {
}
