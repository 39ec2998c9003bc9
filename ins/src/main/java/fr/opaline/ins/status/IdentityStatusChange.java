package fr.opaline.ins.status;

import fr.opaline.core.patient.IdentityAttributes;
import fr.opaline.core.patient.IdentityStatus;
import java.time.Instant;
import java.util.UUID;

/** One line of an identity's status history: what changed, why, and who did it. */
public record IdentityStatusChange(UUID id, UUID patientId, Instant changedAt, IdentityStatus fromStatus,
                                   IdentityStatus toStatus, InsSource insSource, IdentityEvidence evidence,
                                   IdentityAttributes attributes, String reason, String actorLogin) {
}
