package fr.opaline.ui.agenda;

import fr.opaline.core.catalogue.CatalogueRepository;
import fr.opaline.core.common.Actor;
import fr.opaline.core.scheduling.AgendaEntry;
import fr.opaline.core.scheduling.AgendaQuery;
import fr.opaline.core.scheduling.Appointment;
import fr.opaline.core.scheduling.Booking;
import fr.opaline.core.scheduling.BookingRequest;
import fr.opaline.ui.DesktopServices;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/** The agenda's reads and the booking service's actions. Blocking: call off the FX thread. */
public final class AgendaGateway {

    private final DesktopServices services;

    public AgendaGateway(DesktopServices services) {
        this.services = services;
    }

    public Catalogue catalogue() {
        return services.database().inSnapshot(ctx -> {
            CatalogueRepository catalogue = new CatalogueRepository(ctx);
            return new Catalogue(catalogue.rooms(), catalogue.examTypes());
        });
    }

    public List<AgendaEntry> agenda(Collection<UUID> roomIds, Instant from, Instant to) {
        return new AgendaQuery(services.database().dsl()).between(roomIds, from, to);
    }

    public Booking book(BookingRequest request, Actor actor) {
        return services.booking().book(request, actor);
    }

    public Appointment move(UUID appointmentId, Instant start, UUID roomId, Actor actor) {
        return services.booking().move(appointmentId, start, roomId, actor);
    }

    public Appointment markArrived(UUID appointmentId, Actor actor) {
        return services.booking().markArrived(appointmentId, actor);
    }

    public Appointment cancel(UUID appointmentId, String reason, Actor actor) {
        return services.booking().cancel(appointmentId, reason, actor);
    }
}
