package fr.opaline.dmp.consent;

import fr.opaline.core.episode.ConsultationConsent;
import java.util.Objects;

/**
 * The patient's answers for one care episode (DSR 3.2.2 a): informed or not, opposed to feeding
 * or not (feeding is allowed by default), consultation consent (forbidden until given).
 */
public record ConsentDecision(boolean patientInformed, boolean feedingOpposition, ConsultationConsent consultation) {

    public ConsentDecision {
        Objects.requireNonNull(consultation, "consultation");
    }

    /** Informed, not opposed to feeding, consents to consultation: the usual answer. */
    public static ConsentDecision consents() {
        return new ConsentDecision(true, false, ConsultationConsent.GRANTED);
    }

    public static ConsentDecision refusesConsultation() {
        return new ConsentDecision(true, false, ConsultationConsent.REFUSED);
    }
}
