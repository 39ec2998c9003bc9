package fr.opaline.mss.inbound;

import fr.opaline.core.common.Json;
import fr.opaline.core.outbox.JobRequest;
import java.util.UUID;

/**
 * The outbox job of one processing-failure MDN (RFC 8098) for one received message.
 *
 * @param document null for the MDN of the reception itself (refused message, document left in the
 *                 worklist); the worklist document a user rejected, for the MDN of that rejection
 */
public record MdnJob(UUID receivedMessage, String reason, UUID document) {

    public static final String TYPE = "mss-mdn";

    public MdnJob(UUID receivedMessage, String reason) {
        this(receivedMessage, reason, null);
    }

    public JobRequest request(UUID patientId) {
        return JobRequest.of(TYPE, Json.write(this))
                .idempotencyKey("mss-mdn:" + receivedMessage + (document == null ? "" : ":" + document))
                .about(patientId, "MSSanté : accusé d'échec d'intégration");
    }

    public static MdnJob parse(String payload) {
        return Json.read(payload, MdnJob.class);
    }
}
