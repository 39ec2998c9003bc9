package fr.opaline.ui.agenda;

import fr.opaline.core.catalogue.Room;
import java.time.LocalDate;

/** One column of the agenda grid: a room on a day (day view: one per room; week view: one per day). */
public record AgendaColumn(Room room, LocalDate date) {
}
