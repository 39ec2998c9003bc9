package fr.opaline.api;

import fr.opaline.core.scheduling.AgendaEntry;
import fr.opaline.core.scheduling.Appointment;
import fr.opaline.core.scheduling.Booking;
import fr.opaline.core.scheduling.BookingRequest;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The agenda and the front desk's booking actions. Every change is announced to the other seats. */
@Area("agenda")
public interface AgendaApi {

    /** Rooms and exams of the catalogue. */
    @Access(purpose = "afficher l'agenda")
    CatalogueView catalogue();

    /** The appointments of the rooms between two instants, with their patients. */
    @Access(purpose = "afficher l'agenda")
    List<AgendaEntry> agenda(List<UUID> roomIds, Instant from, Instant to);

    @Access(purpose = "prendre un rendez-vous")
    Booking book(BookingRequest request);

    @Access(purpose = "déplacer un rendez-vous")
    Appointment move(UUID appointmentId, Instant start, UUID roomId);

    @Access(purpose = "enregistrer l'arrivée du patient")
    Appointment markArrived(UUID appointmentId);

    @Access(purpose = "annuler un rendez-vous")
    Appointment cancel(UUID appointmentId, String reason);
}
