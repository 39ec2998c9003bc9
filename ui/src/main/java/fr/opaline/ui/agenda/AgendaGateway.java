package fr.opaline.ui.agenda;

import fr.opaline.api.AgendaApi;
import fr.opaline.api.CatalogueView;
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

/**
 * The agenda's reads and the booking actions, through the practice server's API (which names the
 * signed-in user in the audit trail itself; the actor given here is then not sent). Without an API
 * (unit tests of the screens) on core's services directly. Blocking: call off the FX thread.
 */
public final class AgendaGateway {

    private final DesktopServices services;

    public AgendaGateway(DesktopServices services) {
        this.services = services;
    }

    private AgendaApi api() {
        return services.api() == null ? null : services.api().api(AgendaApi.class);
    }

    public Catalogue catalogue() {
        AgendaApi api = api();
        if (api != null) {
            CatalogueView view = api.catalogue();
            return new Catalogue(view.rooms(), view.examTypes());
        }
        return services.database().inSnapshot(ctx -> {
            CatalogueRepository catalogue = new CatalogueRepository(ctx);
            return new Catalogue(catalogue.rooms(), catalogue.examTypes());
        });
    }

    public List<AgendaEntry> agenda(Collection<UUID> roomIds, Instant from, Instant to) {
        AgendaApi api = api();
        if (api != null) {
            return api.agenda(List.copyOf(roomIds), from, to);
        }
        return new AgendaQuery(services.database().dsl()).between(roomIds, from, to);
    }

    public Booking book(BookingRequest request, Actor actor) {
        AgendaApi api = api();
        return api != null ? api.book(request) : services.booking().book(request, actor);
    }

    /** The annuaire santé through the practice server (name or RPPS); refused without a server. */
    public java.util.List<fr.opaline.api.DirectoryContact> searchDirectory(String name, String rpps) {
        return directory().search(name, rpps);
    }

    /** Records the prescriber chosen in the directory on the booked order (RPPS and MSSanté address). */
    public fr.opaline.api.DirectoryContact choosePrescriber(UUID orderId, fr.opaline.api.DirectoryContact contact) {
        return directory().choosePrescriber(orderId, contact);
    }

    private fr.opaline.api.DirectoryApi directory() {
        if (services.api() == null) {
            throw new fr.opaline.core.common.BusinessRuleException(
                    "L'annuaire santé se consulte par le serveur du cabinet.");
        }
        return services.api().api(fr.opaline.api.DirectoryApi.class);
    }

    public Appointment move(UUID appointmentId, Instant start, UUID roomId, Actor actor) {
        AgendaApi api = api();
        return api != null ? api.move(appointmentId, start, roomId) : services.booking().move(appointmentId, start, roomId, actor);
    }

    public Appointment markArrived(UUID appointmentId, Actor actor) {
        AgendaApi api = api();
        return api != null ? api.markArrived(appointmentId) : services.booking().markArrived(appointmentId, actor);
    }

    public Appointment cancel(UUID appointmentId, String reason, Actor actor) {
        AgendaApi api = api();
        return api != null ? api.cancel(appointmentId, reason) : services.booking().cancel(appointmentId, reason, actor);
    }
}
