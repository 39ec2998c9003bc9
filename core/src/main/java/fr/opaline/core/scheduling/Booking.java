package fr.opaline.core.scheduling;

import fr.opaline.core.order.ImagingOrder;
import fr.opaline.core.order.RequestedProcedure;
import fr.opaline.core.order.ScheduledProcedureStep;

/** Everything one booking created: the slot, the RIS order, its procedure and worklist step. */
public record Booking(Appointment appointment, ImagingOrder order, RequestedProcedure procedure,
                      ScheduledProcedureStep step) {
}
