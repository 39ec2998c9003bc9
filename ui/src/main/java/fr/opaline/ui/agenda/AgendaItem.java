package fr.opaline.ui.agenda;

import fr.opaline.core.catalogue.ExamType;
import fr.opaline.core.catalogue.Room;
import fr.opaline.core.patient.Patient;
import fr.opaline.core.scheduling.AgendaEntry;
import fr.opaline.core.scheduling.Appointment;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/** An appointment placed on the agenda, with everything its block shows. */
public record AgendaItem(AgendaEntry entry, Room room, ExamType exam, ZonedDateTime start, ZonedDateTime end) {

    public static AgendaItem of(AgendaEntry entry, Room room, ExamType exam, ZoneId zone) {
        Appointment a = entry.appointment();
        return new AgendaItem(entry, room, exam, a.startsAt().atZone(zone), a.endsAt().atZone(zone));
    }

    public Appointment appointment() {
        return entry.appointment();
    }

    public Patient patient() {
        return entry.patient();
    }

    public LocalDate date() {
        return start.toLocalDate();
    }

    public LocalTime startTime() {
        return start.toLocalTime();
    }

    public long minutes() {
        return java.time.Duration.between(start, end).toMinutes();
    }

    public boolean isIn(AgendaColumn column) {
        return room.id().equals(column.room().id()) && date().equals(column.date());
    }
}
