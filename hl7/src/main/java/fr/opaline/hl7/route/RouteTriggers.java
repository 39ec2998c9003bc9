package fr.opaline.hl7.route;

import fr.opaline.core.common.Actor;
import fr.opaline.core.order.OrderRepository;
import fr.opaline.core.outbox.Outbox;
import fr.opaline.core.patient.PatientChangeListener;
import fr.opaline.core.report.ReportPublication;
import fr.opaline.core.report.ReportPublicationListener;
import fr.opaline.core.scheduling.BookingListener;
import java.util.UUID;
import org.jooq.DSLContext;

/**
 * Queues, in the transaction of the change, one send per route of the active peers: an ADT for
 * each identity created, changed or merged (at the desk, through the API or from a feed); an
 * ORM for each exam booked, moved or cancelled; the CR for each validation, replacement or
 * retraction.
 */
public final class RouteTriggers implements PatientChangeListener, BookingListener, ReportPublicationListener {

    private final Outbox outbox;

    public RouteTriggers(Outbox outbox) {
        this.outbox = outbox;
    }

    @Override
    public void onPatientChange(DSLContext ctx, PatientChangeListener.Kind kind, UUID patientId, UUID mergedId, Actor actor) {
        String event = switch (kind) {
            case CREATED -> "A28";
            case UPDATED -> "A31";
            case MERGED -> "A40";
        };
        String what = switch (kind) {
            case CREATED -> "Identité créée (ADT^A28)";
            case UPDATED -> "Identité modifiée (ADT^A31)";
            case MERGED -> "Identités fusionnées (ADT^A40)";
        };
        for (Hl7Route route : Hl7Routes.active(ctx, Hl7RouteKind.ADT)) {
            outbox.enqueue(ctx, new RouteJob(route.id(), event, patientId, mergedId, null)
                    .request(route, patientId, what), actor);
        }
    }

    @Override
    public void onBookingChange(DSLContext ctx, BookingListener.Kind kind, UUID appointmentId, Actor actor) {
        var routes = Hl7Routes.active(ctx, Hl7RouteKind.ORM);
        if (routes.isEmpty()) {
            return;
        }
        var order = new OrderRepository(ctx).findByAppointment(appointmentId).orElse(null);
        if (order == null) {
            return;
        }
        String event = switch (kind) {
            case BOOKED -> "NW";
            case MOVED -> "XO";
            case CANCELLED -> "CA";
        };
        String what = switch (kind) {
            case BOOKED -> "Examen programmé vers le PACS (ORM NW)";
            case MOVED -> "Examen déplacé vers le PACS (ORM XO)";
            case CANCELLED -> "Examen annulé vers le PACS (ORM CA)";
        };
        for (Hl7Route route : routes) {
            outbox.enqueue(ctx, new RouteJob(route.id(), event, order.id(), null, null)
                    .request(route, order.patientId(), what), actor);
        }
    }

    @Override
    public void onPublication(DSLContext ctx, ReportPublication publication) {
        String event = switch (publication.kind()) {
            case VALIDATED -> "INITIAL";
            case AMENDED -> "REPLACE";
            case RETRACTED -> "DELETE";
        };
        String what = switch (publication.kind()) {
            case VALIDATED -> "CR vers la PFI";
            case AMENDED -> "Remplacement du CR vers la PFI";
            case RETRACTED -> "Suppression du CR vers la PFI";
        };
        for (Hl7Route route : Hl7Routes.active(ctx, Hl7RouteKind.PFI)) {
            outbox.enqueue(ctx, new RouteJob(route.id(), event, publication.version().id(), null,
                    publication.version().documentUid()).request(route, publication.patientId(), what),
                    publication.actor());
        }
    }
}
