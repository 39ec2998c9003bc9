package fr.opaline.ui.agenda;

import fr.opaline.core.catalogue.Room;
import fr.opaline.ui.i18n.Messages;
import java.util.Locale;

/** A room as choosers show it: its name, with the modality when the name does not already say it. */
public final class RoomNames {

    private RoomNames() {
    }

    /** For room choosers (read-only: a room is picked, never typed). */
    public static javafx.util.StringConverter<Room> converter(Messages messages) {
        return new javafx.util.StringConverter<>() {
            @Override
            public String toString(Room room) {
                return room == null ? "" : display(room, messages);
            }

            @Override
            public Room fromString(String text) {
                return null;
            }
        };
    }

    public static String display(Room room, Messages messages) {
        String modality = messages.label(room.modality());
        return room.name().toLowerCase(Locale.ROOT).startsWith(modality.toLowerCase(Locale.ROOT)) ? room.name()
                : room.name() + " · " + modality;
    }
}
