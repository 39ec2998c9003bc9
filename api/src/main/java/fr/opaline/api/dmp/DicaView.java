package fr.opaline.api.dmp;

import fr.opaline.core.episode.ConsultationConsent;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The DICA checklist of a patient for the signed-in user, and the consent of the current care
 * episode as the checklist edits it.
 *
 * @param consultationOffered whether this server can consult the DMP (configured); the checklist
 *                            and the consent exist without it
 */
public record DicaView(UUID patientId, UUID userId, List<Line> items, Instant evaluatedAt, boolean patientInformed,
                       boolean feedingOpposition, ConsultationConsent consultation, boolean consultationOffered) {

    public DicaView {
        items = items == null ? List.of() : List.copyOf(items);
    }

    /**
     * One condition.
     *
     * @param condition DMP, INS, CONSENT or AUTHENTICATION
     * @param state     MET, UNMET or UNKNOWN
     * @param remedy    NONE, SERVICE_STATUS, CHECK_AGAIN, QUALIFY_INS, RECORD_CONSENT or LOGIN_PSC
     */
    public record Line(String condition, String state, String reason, String remedy) {
    }
}
