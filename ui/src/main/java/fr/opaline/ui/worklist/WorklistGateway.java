package fr.opaline.ui.worklist;

import fr.opaline.core.common.Actor;
import fr.opaline.core.order.StepEntry;
import fr.opaline.core.order.StepQuery;
import fr.opaline.ui.DesktopServices;
import java.time.LocalDate;
import java.util.List;

/** Reads a day's worklist steps and marks an exam en cours or réalisé. Blocking: call off the FX thread. */
public final class WorklistGateway {

    private final DesktopServices services;

    public WorklistGateway(DesktopServices services) {
        this.services = services;
    }

    /** The technologist starts the acquisition (en cours). */
    public void start(StepEntry entry, Actor actor) {
        services.examProgress().start(entry.step().id(), actor);
    }

    /** The exam is done (réalisé): the radiologist's report can be validated. */
    public void complete(StepEntry entry, Actor actor) {
        services.examProgress().complete(entry.step().id(), actor);
    }

    public List<StepEntry> stepsOf(LocalDate day) {
        return new StepQuery(services.database().dsl()).scheduledBetween(day.atStartOfDay(services.zone()).toInstant(),
                day.plusDays(1).atStartOfDay(services.zone()).toInstant());
    }
}
