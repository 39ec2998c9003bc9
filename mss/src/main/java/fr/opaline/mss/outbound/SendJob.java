package fr.opaline.mss.outbound;

import fr.opaline.core.common.Json;
import fr.opaline.core.outbox.JobRequest;
import java.util.UUID;

/** The outbox job of one MSSanté message: its {@code mss_outbound} row. */
public record SendJob(UUID outbound) {

    public static final String TYPE = "mss-send";

    public JobRequest request(String messageId, UUID patientId, String description) {
        return JobRequest.of(TYPE, Json.write(this)).idempotencyKey("mss:" + messageId).about(patientId, description);
    }

    public static SendJob parse(String payload) {
        return Json.read(payload, SendJob.class);
    }
}
