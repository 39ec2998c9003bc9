package fr.opaline.dmp.consent;

import fr.opaline.dmp.vihf.VihfSubject;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * The proof, required by every consultation transaction of the DMP client, that the patient's
 * consent (or a break-glass access with its reason) is traced for the current care episode. Only
 * {@link ConsentGuard} issues permits, after reading that trace; the client cannot be called for
 * consultation without one (SC.DMP/CONF.06: no DMP request before consent is traced).
 */
public final class ConsultationPermit {

    private final UUID patientId;
    private final UUID episodeId;
    private final UUID consentEventId;
    private final UUID userId;
    private final VihfSubject subject;
    private final Instant issuedAt;

    ConsultationPermit(UUID patientId, UUID episodeId, UUID consentEventId, UUID userId, VihfSubject subject,
                       Instant issuedAt) {
        this.patientId = Objects.requireNonNull(patientId);
        this.episodeId = Objects.requireNonNull(episodeId);
        this.consentEventId = Objects.requireNonNull(consentEventId);
        this.userId = userId;
        this.subject = Objects.requireNonNull(subject);
        this.issuedAt = issuedAt;
    }

    public UUID patientId() {
        return patientId;
    }

    public UUID episodeId() {
        return episodeId;
    }

    /** The traced consent decision (dmp_consent_event) this permit relies on. */
    public UUID consentEventId() {
        return consentEventId;
    }

    /** The user on whose behalf the DMP is consulted; null for the server's background renewal. */
    public UUID userId() {
        return userId;
    }

    public VihfSubject subject() {
        return subject;
    }

    public Instant issuedAt() {
        return issuedAt;
    }
}
