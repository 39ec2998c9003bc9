package fr.opaline.hl7.teleradiology;

import fr.opaline.core.audit.AuditEntry;
import fr.opaline.core.audit.AuditTrail;
import fr.opaline.core.common.Actor;
import fr.opaline.core.common.BusinessRuleException;
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
import java.util.Optional;
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
    private final String platform;

    /** @param platform the name of the configured platform, null when none is (requests are then refused) */
    public TeleradiologyRequests(Database database, Outbox outbox, AuditTrail audit, String platform) {
        this.database = database;
        this.outbox = outbox;
        this.audit = audit;
        this.platform = platform;
    }

    /** Payload of a {@value #JOB_TYPE} job. */
    public record Payload(UUID orderId, boolean cancel) {
    }

    /** Where an order stands with the platform: its request and its cancellation jobs, when queued. */
    public record Status(String platform, ImagingOrder order, Optional<OutboxJob> request,
                         Optional<OutboxJob> cancellation) {
    }

    public Optional<String> platform() {
        return Optional.ofNullable(platform);
    }

    public Status status(UUID orderId) {
        ImagingOrder order = new OrderRepository(database.dsl()).findOrder(orderId)
                .orElseThrow(() -> new NotFoundException("Demande d'examen introuvable"));
        return new Status(platform, order, outbox.findByIdempotencyKey(key(order, false)),
                outbox.findByIdempotencyKey(key(order, true)));
    }

    /**
     * Queues the ORM^O01 that confides the exam to the platform (flux 1) or cancels it (flux 2):
     * refused without a configured platform, a second time, or a cancellation of an exam never
     * confided; nothing is queued then.
     */
    public UUID request(UUID orderId, boolean cancel, Actor actor) {
        if (platform == null) {
            throw new BusinessRuleException("Aucune plateforme de téléradiologie n'est configurée "
                    + "(hl7.teleradiology.host) : l'examen ne peut pas lui être confié.");
        }
        UUID id = database.inTransaction(ctx -> {
            ImagingOrder order = new OrderRepository(ctx).findOrder(orderId)
                    .orElseThrow(() -> new NotFoundException("Demande d'examen introuvable"));
            boolean requested = exists(ctx, key(order, false));
            if (cancel ? !requested : requested) {
                throw new BusinessRuleException(cancel ? "Cet examen n'a pas été confié à la téléradiologie."
                        : "Cet examen est déjà confié à la téléradiologie.");
            }
            if (cancel && exists(ctx, key(order, true))) {
                throw new BusinessRuleException("La demande de téléradiologie de cet examen est déjà annulée.");
            }
            UUID job = outbox.enqueue(ctx, JobRequest.of(JOB_TYPE, Json.write(new Payload(orderId, cancel)))
                    .idempotencyKey(key(order, cancel))
                    .about(order.patientId(), cancel ? "Annulation de la demande de téléradiologie"
                            : "Demande d'interprétation à la téléradiologie"), actor);
            audit.record(ctx, AuditEntry.of(actor, AUDIT_ACTION, order.patientId()).on("imaging_order", orderId)
                    .withDetail(cancel ? "annulation" : "transmission"));
            return job;
        });
        return id;
    }

    private static String key(ImagingOrder order, boolean cancel) {
        return JOB_TYPE + ":" + order.placerOrderNumber() + (cancel ? ":CA" : ":NW");
    }

    private static boolean exists(org.jooq.DSLContext ctx, String key) {
        return ctx.fetchExists(ctx.selectOne().from(fr.opaline.core.persistence.generated.Tables.OUTBOX_JOB)
                .where(fr.opaline.core.persistence.generated.Tables.OUTBOX_JOB.IDEMPOTENCY_KEY.eq(key)));
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
