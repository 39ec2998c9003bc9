package fr.opaline.core.episode;

import java.time.Instant;
import java.util.UUID;

/**
 * A care episode (prise en charge) of a patient, which carries the DMP consent: feeding is
 * allowed unless the patient opposes; consultation is forbidden until consent is recorded;
 * break-glass is recorded with its reason.
 */
public record CareEpisode(UUID id, UUID patientId, Instant openedAt, Instant closedAt, boolean patientInformed,
                          boolean dmpFeedingOpposition, ConsultationConsent consultationConsent,
                          Instant consentRecordedAt, UUID consentRecordedBy, Instant breakGlassAt,
                          UUID breakGlassBy, String breakGlassReason, int rowVersion) {

    public boolean open() {
        return closedAt == null;
    }

    public boolean feedingAllowed() {
        return !dmpFeedingOpposition;
    }

    public boolean consultationAllowed() {
        return consultationConsent == ConsultationConsent.GRANTED || breakGlassAt != null;
    }
}
