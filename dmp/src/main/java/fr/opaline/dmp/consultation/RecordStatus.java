package fr.opaline.dmp.consultation;

import fr.opaline.dmp.hl7v3.AuthorizationStatus;
import java.time.Instant;
import java.util.UUID;

/**
 * The last answer of the DMP about a patient's record for one user, and when that user last
 * consulted it ("since the last visit").
 */
public record RecordStatus(UUID patientId, UUID userId, Instant checkedAt, RecordState state,
                           AuthorizationStatus authorization, String detail, Instant lastConsultedAt) {
}
