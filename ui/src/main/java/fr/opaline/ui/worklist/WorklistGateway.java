package fr.opaline.ui.worklist;

import fr.opaline.core.order.StepEntry;
import fr.opaline.core.order.StepQuery;
import fr.opaline.ui.DesktopServices;
import java.time.LocalDate;
import java.util.List;

/** Reads a day's worklist steps. Blocking: call off the FX thread. */
public final class WorklistGateway {

    private final DesktopServices services;

    public WorklistGateway(DesktopServices services) {
        this.services = services;
    }

    public List<StepEntry> stepsOf(LocalDate day) {
        return new StepQuery(services.database().dsl()).scheduledBetween(day.atStartOfDay(services.zone()).toInstant(),
                day.plusDays(1).atStartOfDay(services.zone()).toInstant());
    }
}
