package fr.opaline.ui.agenda;

import fr.opaline.api.AgendaApi;
import fr.opaline.api.CatalogueView;
import fr.opaline.core.common.Actor;
import fr.opaline.core.scheduling.AgendaEntry;
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
 * signed-in user in the audit trail itself; the actor given here is not sent). Blocking: call off
 * the FX thread.
 */
public final class AgendaGateway {

    private final DesktopServices services;

    public AgendaGateway(DesktopServices services) {
        this.services = services;
    }

    private AgendaApi api() {
        return services.api().api(AgendaApi.class);
    }

    public Catalogue catalogue() {
        CatalogueView view = api().catalogue();
        return new Catalogue(view.rooms(), view.examTypes());
    }

    public List<AgendaEntry> agenda(Collection<UUID> roomIds, Instant from, Instant to) {
        return api().agenda(List.copyOf(roomIds), from, to);
    }

    public Booking book(BookingRequest request, Actor actor) {
        return api().book(request);
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
        return services.api().api(fr.opaline.api.DirectoryApi.class);
    }

    public Appointment move(UUID appointmentId, Instant start, UUID roomId, Actor actor) {
        return api().move(appointmentId, start, roomId);
    }

    public Appointment markArrived(UUID appointmentId, Actor actor) {
        return api().markArrived(appointmentId);
    }

    public Appointment cancel(UUID appointmentId, String reason, Actor actor) {
        return api().cancel(appointmentId, reason);
    }
}
