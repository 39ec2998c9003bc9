package fr.opaline.mss.inbound;

import fr.opaline.core.common.Json;
import fr.opaline.core.outbox.JobRequest;
import java.util.UUID;

/** The outbox job of one processing-failure MDN (RFC 8098) for one received message. */
public record MdnJob(UUID receivedMessage, String reason) {

    public static final String TYPE = "mss-mdn";

    public JobRequest request(UUID patientId) {
        return JobRequest.of(TYPE, Json.write(this)).idempotencyKey("mss-mdn:" + receivedMessage)
                .about(patientId, "MSSanté : accusé d'échec d'intégration");
    }

    public static MdnJob parse(String payload) {
        return Json.read(payload, MdnJob.class);
    }
}
