package fr.opaline.hl7.teleradiology;

import fr.opaline.core.audit.AuditEntry;
import fr.opaline.core.audit.AuditTrail;
import fr.opaline.core.common.Actor;
import fr.opaline.core.common.Json;
import fr.opaline.core.common.NotFoundException;
import fr.opaline.core.order.ImagingOrder;
import fr.opaline.core.order.OrderRepository;
import fr.opaline.core.outbox.JobHandler;
import fr.opaline.core.outbox.JobOutcome;
import fr.opaline.core.outbox.JobRequest;
import fr.opaline.core.outbox.Outbox;
import fr.opaline.core.outbox.OutboxJob;
import fr.opaline.core.persistence.Database;
import fr.opaline.core.practice.PracticeProfile;
import fr.opaline.hl7.message.ControlIds;
import fr.opaline.hl7.mllp.MllpEndpoint;
import fr.opaline.hl7.sent.Hl7Sender;
import fr.opaline.hl7.transmission.MessageRouting;
import java.time.Clock;
import java.util.UUID;

/**
 * Sending an exam to a teleradiology platform (flux 1) or cancelling it (flux 2): the request is
 * an outbox job written with its audit event; the ORM is built when it is sent, from the order as
 * it is then, and sent by MLLP with the control id of the job.
 */
public final class TeleradiologyRequests {

    public static final String JOB_TYPE = "teleradiology-order";
    public static final String AUDIT_ACTION = "TELERADIOLOGY_REQUESTED";

    private final Database database;
    private final Outbox outbox;
    private final AuditTrail audit;

    public TeleradiologyRequests(Database database, Outbox outbox, AuditTrail audit) {
        this.database = database;
        this.outbox = outbox;
        this.audit = audit;
    }

    /** Payload of a {@value #JOB_TYPE} job. */
    public record Payload(UUID orderId, boolean cancel) {
    }

    public UUID request(UUID orderId, boolean cancel, Actor actor) {
        UUID id = database.inTransaction(ctx -> {
            ImagingOrder order = new OrderRepository(ctx).findOrder(orderId)
                    .orElseThrow(() -> new NotFoundException("Demande d'examen introuvable"));
            UUID job = outbox.enqueue(ctx, JobRequest.of(JOB_TYPE, Json.write(new Payload(orderId, cancel)))
                    .idempotencyKey(JOB_TYPE + ":" + order.placerOrderNumber() + (cancel ? ":CA" : ":NW"))
                    .about(order.patientId(), cancel ? "Annulation de la demande de téléradiologie"
                            : "Demande d'interprétation à la téléradiologie"), actor);
            audit.record(ctx, AuditEntry.of(actor, AUDIT_ACTION, order.patientId()).on("imaging_order", orderId)
                    .withDetail(cancel ? "annulation" : "transmission"));
            return job;
        });
        return id;
    }

    /** The outbox handler that sends the ORM. */
    public static JobHandler handler(Database database, PracticeProfile practice, MessageRouting routing,
                                     MllpEndpoint endpoint, Hl7Sender sender, Clock clock) {
        return new JobHandler() {
            @Override
            public String type() {
                return JOB_TYPE;
            }

            @Override
            public JobOutcome handle(OutboxJob job) {
                if (endpoint == null) {
                    return JobOutcome.failed("Aucune plateforme de téléradiologie configurée (hl7.teleradiology.host).");
                }
                Payload p = Json.read(job.payload(), Payload.class);
                String message = database.inSnapshot(ctx -> TeleradiologyOrders.orm(ctx, p.orderId(), p.cancel(),
                        practice, routing, ControlIds.forJob(job.id()), clock.instant()));
                return sender.send(new Hl7Sender.Outgoing(job.id(), "Téléradiologie", endpoint, message, null,
                        job.patientId()));
            }
        };
    }
}
