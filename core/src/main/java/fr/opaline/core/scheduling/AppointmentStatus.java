package fr.opaline.core.scheduling;

import java.util.EnumSet;
import java.util.Set;

public enum AppointmentStatus {
    BOOKED("Réservé"),
    ARRIVED("Arrivé"),
    CANCELLED("Annulé"),
    NO_SHOW("Absent");

    /** Statuses that hold the room's time slot. */
    public static final Set<AppointmentStatus> OCCUPYING = EnumSet.of(BOOKED, ARRIVED);

    private final String label;

    AppointmentStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
