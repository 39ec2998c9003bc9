package fr.opaline.mss.outbound;

import fr.opaline.core.common.Json;
import fr.opaline.core.outbox.JobRequest;
import java.util.UUID;

/**
 * The outbox job of one MSSanté message: its {@code mss_outbound} row, and the CDA document id of
 * the CR it carries, by which the report editor finds the send in the outbox (the queue's source).
 *
 * @param documentUid null in jobs queued before it was carried
 */
public record SendJob(UUID outbound, String documentUid) {

    public static final String TYPE = "mss-send";

    public SendJob(UUID outbound) {
        this(outbound, null);
    }

    public JobRequest request(String messageId, UUID patientId, String description) {
        return JobRequest.of(TYPE, Json.write(this)).idempotencyKey("mss:" + messageId).about(patientId, description);
    }

    public static SendJob parse(String payload) {
        return Json.read(payload, SendJob.class);
    }
}
