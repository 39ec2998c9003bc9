package fr.opaline.dmp.consent;

import fr.opaline.core.episode.ConsultationConsent;
import java.time.Instant;
import java.util.UUID;

/** One traced consent decision (or break-glass access) of a care episode. */
public record ConsentEvent(UUID id, UUID episodeId, UUID patientId, Instant recordedAt, UUID recordedBy,
                           String actorLogin, boolean patientInformed, boolean feedingOpposition,
                           ConsultationConsent consultation, boolean breakGlass, String reason, ConsentOrigin origin) {
}
