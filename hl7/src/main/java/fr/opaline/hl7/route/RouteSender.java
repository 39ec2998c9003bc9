package fr.opaline.hl7.route;

import static fr.opaline.core.persistence.generated.Tables.OUTBOX_JOB;

import fr.opaline.core.outbox.JobHandler;
import fr.opaline.core.outbox.JobState;
import fr.opaline.core.outbox.JobOutcome;
import fr.opaline.core.outbox.OutboxJob;
import fr.opaline.core.patient.Patient;
import fr.opaline.core.patient.PatientRepository;
import fr.opaline.core.persistence.Database;
import fr.opaline.core.practice.PracticeProfile;
import fr.opaline.hl7.message.ControlIds;
import fr.opaline.hl7.mllp.MllpEndpoint;
import fr.opaline.hl7.sent.Hl7Sender;
import fr.opaline.hl7.transmission.CdaTransmissionMessages;
import fr.opaline.hl7.transmission.DocumentAction;
import fr.opaline.hl7.transmission.DocumentTransmission;
import fr.opaline.hl7.transmission.MessageRouting;
import fr.opaline.hl7.transmission.ReportTransmissions;
import java.nio.charset.Charset;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import javax.net.ssl.SSLContext;

/**
 * Sends the route jobs of one kind: the message is built from the data as it is when sent, with
 * the job's control id (the same on every attempt), to the route's host:port, and the peer's ACK
 * becomes the job's outcome ({@link Hl7Sender}: AA done, AE failed for a person to look at, AR or
 * no answer retried). CRs are logged under the destination {@value #PFI_DESTINATION}, which the
 * "transmis à la PFI" statistic counts when acknowledged AA.
 */
public final class RouteSender implements JobHandler {

    public static final String PFI_DESTINATION = "PFI";
    /** Deletions sent to a PFI are logged apart: they are not CRs transmitted. */
    public static final String PFI_DELETION_DESTINATION = "PFI (suppression)";

    /**
     * What the handlers need besides the route: the practice, MSH-3/4 and MSH-18 of what Opaline
     * sends, the TLS context and timeouts, and whether Opaline feeds the DMP itself (then DESTDMP is
     * N: the PFI must not feed it a second time).
     */
    public record Settings(PracticeProfile practice, String sendingApplication, String sendingFacility,
                           Charset charset, Supplier<SSLContext> tls, Duration connectTimeout, Duration readTimeout,
                           boolean dmpFedByOpaline) {
    }

    private final Hl7RouteKind kind;
    private final Database database;
    private final ReportTransmissions transmissions;
    private final Settings settings;
    private final Hl7Sender sender;
    private final Clock clock;

    public RouteSender(Hl7RouteKind kind, Database database, ReportTransmissions transmissions, Settings settings,
                       Hl7Sender sender, Clock clock) {
        this.kind = kind;
        this.database = database;
        this.transmissions = transmissions;
        this.settings = settings;
        this.sender = sender;
        this.clock = clock;
    }

    /** One handler per kind of route. */
    public static List<JobHandler> handlers(Database database, ReportTransmissions transmissions, Settings settings,
                                            Hl7Sender sender, Clock clock) {
        return java.util.Arrays.stream(Hl7RouteKind.values())
                .<JobHandler>map(k -> new RouteSender(k, database, transmissions, settings, sender, clock)).toList();
    }

    /** The due time of an older unsent job of this route about the same patient, if any. */
    private Optional<Instant> earlierPending(OutboxJob job, java.util.UUID routeId) {
        if (job.patientId() == null) {
            return Optional.empty();
        }
        return database.dsl().select(OUTBOX_JOB.DUE_AT).from(OUTBOX_JOB)
                .where(OUTBOX_JOB.JOB_TYPE.eq(job.type())).and(OUTBOX_JOB.PATIENT_ID.eq(job.patientId()))
                .and(OUTBOX_JOB.STATE.in(JobState.PENDING.name(), JobState.LEASED.name(), JobState.HELD.name()))
                .and(OUTBOX_JOB.CREATED_AT.lt(job.createdAt()))
                .and(OUTBOX_JOB.PAYLOAD.contains(routeId.toString()))
                .orderBy(OUTBOX_JOB.DUE_AT.desc()).limit(1).fetchOptional(OUTBOX_JOB.DUE_AT);
    }

    /** hl7_sent_message.destination holds 40 characters. */
    private static String destination(String prefix, Hl7Route route) {
        String d = prefix + route.peerName();
        return d.length() <= 40 ? d : d.substring(0, 39) + "…";
    }

    @Override
    public String type() {
        return kind.jobType();
    }

    @Override
    public JobOutcome handle(OutboxJob job) {
        RouteJob p = RouteJob.parse(job.payload());
        Optional<Hl7Route> found = Hl7Routes.find(database.dsl(), p.routeId());
        if (found.isEmpty()) {
            return JobOutcome.failed("La route HL7 de ce message a été supprimée : rien n'est envoyé.");
        }
        Hl7Route route = found.get();
        if (!route.peerActive()) {
            return JobOutcome.failed("Le pair HL7 « " + route.peerName() + " » est désactivé : rien n'est envoyé.");
        }
        if (kind != Hl7RouteKind.PFI) {
            Optional<Instant> earlier = earlierPending(job, route.id());
            if (earlier.isPresent()) {
                // An identity or an order is told in the order it changed: A28 before A31, NW before CA.
                Duration wait = Duration.between(clock.instant(), earlier.get()).plusSeconds(1);
                return JobOutcome.retryAfter("En attente de l'envoi du message précédent de ce patient vers "
                        + route.peerName(), wait.isNegative() ? Duration.ofSeconds(1) : wait);
            }
        }
        MessageRouting routing = new MessageRouting(settings.sendingApplication(), settings.sendingFacility(),
                route.peerApplication(), route.peerFacility() == null ? route.peerApplication() : route.peerFacility(),
                "P", settings.charset());
        String controlId = ControlIds.forJob(job.id());
        String message;
        String documentUid = null;
        String destination;
        switch (kind) {
            case ADT -> {
                destination = destination("ADT ", route);
                message = database.inSnapshot(ctx -> {
                    PatientRepository patients = new PatientRepository(ctx);
                    Patient patient = patients.findById(p.subject()).orElseThrow();
                    Patient merged = p.merged() == null ? null : patients.findById(p.merged()).orElseThrow();
                    return AdtMessages.adt(p.event(), patient, merged, settings.practice().ippNamespace(), routing,
                            controlId, clock.instant());
                });
            }
            case ORM -> {
                destination = destination("PACS ", route);
                message = database.inSnapshot(ctx -> PacsOrders.orm(ctx, p.subject(), p.event(), settings.practice(),
                        routing, controlId, clock.instant()));
            }
            case PFI -> {
                destination = p.event().equals("DELETE") ? PFI_DELETION_DESTINATION : PFI_DESTINATION;
                documentUid = p.documentUid();
                DocumentTransmission t = database.inSnapshot(ctx -> transmissions.buildForPfi(ctx, p.subject(),
                        DocumentAction.valueOf(p.event()), settings.dmpFedByOpaline()));
                message = CdaTransmissionMessages.oru(t, routing, controlId, clock.instant());
            }
            default -> throw new IllegalStateException(kind.name());
        }
        MllpEndpoint endpoint = new MllpEndpoint(route.host(), route.port(), settings.connectTimeout(),
                settings.readTimeout(), route.tls() ? settings.tls().get() : null);
        return sender.send(new Hl7Sender.Outgoing(job.id(), destination, endpoint, message, documentUid, job.patientId()));
    }
}
