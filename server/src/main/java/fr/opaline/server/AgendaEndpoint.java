package fr.opaline.server;

import fr.opaline.api.AgendaApi;
import fr.opaline.api.ApiEvent;
import fr.opaline.api.CatalogueView;
import fr.opaline.core.catalogue.CatalogueRepository;
import fr.opaline.core.persistence.Database;
import fr.opaline.core.scheduling.AgendaEntry;
import fr.opaline.core.scheduling.AgendaQuery;
import fr.opaline.core.scheduling.Appointment;
import fr.opaline.core.scheduling.Booking;
import fr.opaline.core.scheduling.BookingRequest;
import fr.opaline.core.scheduling.BookingService;
import fr.opaline.platform.http.HttpError;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The agenda's reads and the booking service's actions, each change announced to the other seats. */
final class AgendaEndpoint implements AgendaApi {

    /** The widest agenda read at once (a month of one practice's rooms). */
    static final Duration MAX_SPAN = Duration.ofDays(31);

    private final Database database;
    private final BookingService booking;
    private final EventHub events;
    private final Clock clock;

    AgendaEndpoint(Database database, BookingService booking, EventHub events, Clock clock) {
        this.database = database;
        this.booking = booking;
        this.events = events;
        this.clock = clock;
    }

    @Override
    public CatalogueView catalogue() {
        return database.inSnapshot(ctx -> {
            CatalogueRepository catalogue = new CatalogueRepository(ctx);
            return new CatalogueView(catalogue.rooms(), catalogue.examTypes());
        });
    }

    @Override
    public List<AgendaEntry> agenda(List<UUID> roomIds, Instant from, Instant to) {
        if (roomIds == null || from == null || to == null || !from.isBefore(to)) {
            throw HttpError.badRequest("Agenda : salles et période (début avant fin) attendues.");
        }
        if (Duration.between(from, to).compareTo(MAX_SPAN) > 0) {
            throw HttpError.badRequest("Agenda : au plus 31 jours à la fois.");
        }
        return new AgendaQuery(database.dsl()).between(roomIds, from, to);
    }

    @Override
    public Booking book(BookingRequest request) {
        if (request == null) {
            throw HttpError.badRequest("Rendez-vous : demande attendue.");
        }
        Booking booked = booking.book(request, Call.signedIn().actor());
        announce("appointment.booked", booked.appointment());
        return booked;
    }

    @Override
    public Appointment move(UUID appointmentId, Instant start, UUID roomId) {
        Appointment moved = booking.move(required(appointmentId), start, roomId, Call.signedIn().actor());
        announce("appointment.moved", moved);
        return moved;
    }

    @Override
    public Appointment markArrived(UUID appointmentId) {
        Appointment arrived = booking.markArrived(required(appointmentId), Call.signedIn().actor());
        announce("appointment.arrived", arrived);
        return arrived;
    }

    @Override
    public Appointment cancel(UUID appointmentId, String reason) {
        Appointment cancelled = booking.cancel(required(appointmentId), reason, Call.signedIn().actor());
        announce("appointment.cancelled", cancelled);
        return cancelled;
    }

    private static UUID required(UUID appointmentId) {
        if (appointmentId == null) {
            throw HttpError.badRequest("Rendez-vous non précisé.");
        }
        return appointmentId;
    }

    private void announce(String type, Appointment appointment) {
        events.publish(new ApiEvent(type, appointment.id(), appointment.roomId(), clock.instant()));
    }
}
