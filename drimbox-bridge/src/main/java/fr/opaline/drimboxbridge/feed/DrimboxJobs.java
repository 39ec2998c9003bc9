package fr.opaline.drimboxbridge.feed;

import fr.opaline.core.outbox.JobRequest;
import fr.opaline.dmp.feeding.DmpJobTypes;
import java.util.UUID;

/** The outbox jobs of the DRIMbox feed. */
public final class DrimboxJobs {

    /** One ORU/MDM to the DRIMbox source. */
    public static final String SEND = "drimbox-send";

    /**
     * The job type of the DMP feeding whose completion (the DMP acknowledged the submission)
     * releases the DRIMbox send (SC.DB/RIS.12). Wiring registers the follow-up on it: it is
     * the DMP module's feed job type, whose payload carries {@code documentUid}.
     */
    public static final String DMP_FEED = DmpJobTypes.FEED;

    private DrimboxJobs() {
    }

    /** Same version, same action: one job, however often it is asked for. */
    public static JobRequest send(DrimboxSendPayload payload, UUID patientId) {
        String what = switch (payload.action()) {
            case INITIAL -> "CR vers la DRIMbox";
            case REPLACE -> "Remplacement du CR vers la DRIMbox";
            case DELETE -> "Suppression du CR vers la DRIMbox";
        };
        return JobRequest.of(SEND, payload.json())
                .idempotencyKey(SEND + ":" + payload.documentUid() + ":" + payload.action())
                .about(patientId, what);
    }
}
