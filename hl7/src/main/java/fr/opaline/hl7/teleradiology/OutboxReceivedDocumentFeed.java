package fr.opaline.hl7.teleradiology;

import fr.opaline.core.common.Actor;
import fr.opaline.core.common.Json;
import fr.opaline.core.document.ClinicalDocument;
import fr.opaline.core.outbox.JobRequest;
import fr.opaline.core.outbox.Outbox;
import fr.opaline.hl7.transmission.DocumentAction;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The DMP feed of a received document as an outbox job the DMP module handles: type
 * {@value #JOB_TYPE}, due at the end of the configured delay, payload
 * {@code {"clinicalDocumentId", "documentUid", "action": INITIAL|REPLACE|DELETE}}, one job per
 * document and action. Until a handler for it is registered the job waits in the queue (visible,
 * cancellable), it is not lost.
 */
public final class OutboxReceivedDocumentFeed implements ReceivedDocumentFeed {

    public static final String JOB_TYPE = "dmp-feed-received";

    private final Outbox outbox;

    public OutboxReceivedDocumentFeed(Outbox outbox) {
        this.outbox = outbox;
    }

    @Override
    public void feed(org.jooq.DSLContext ctx, ClinicalDocument document, DocumentAction action, Instant dueAt,
                     Actor actor) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("clinicalDocumentId", document.id().toString());
        payload.put("documentUid", document.documentUid());
        payload.put("action", action.name());
        outbox.enqueue(ctx, JobRequest.of(JOB_TYPE, Json.write(payload))
                .idempotencyKey(JOB_TYPE + ":" + document.documentUid() + ":" + action)
                .dueAt(dueAt)
                .about(document.patientId(), "CR de téléradiologie vers le DMP (" + action + ")"), actor);
    }
}
