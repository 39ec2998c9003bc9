package fr.opaline.core.scheduling;

import fr.opaline.core.common.Actor;
import java.util.UUID;
import org.jooq.DSLContext;

/**
 * Told of each booking, move and cancellation in its own transaction (e.g. to queue the ORM that
 * tells a PACS): a failure rolls the change back.
 */
public interface BookingListener {

    enum Kind { BOOKED, MOVED, CANCELLED }

    void onBookingChange(DSLContext ctx, Kind kind, UUID appointmentId, Actor actor);
}
