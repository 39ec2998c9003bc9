package fr.opaline.server.worklist;

import fr.opaline.api.ApiEvent;
import fr.opaline.api.WorklistApi;
import fr.opaline.core.order.ExamProgressService;
import fr.opaline.core.order.ScheduledProcedureStep;
import fr.opaline.core.order.StepEntry;
import fr.opaline.core.order.StepQuery;
import fr.opaline.core.persistence.Database;
import fr.opaline.platform.http.HttpError;
import fr.opaline.server.Call;
import fr.opaline.server.EventHub;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The worklist monitor over core's step query and {@link ExamProgressService} (its rules and audit):
 * a mark is announced to the other seats as {@code exam.started} / {@code exam.completed}.
 */
public final class WorklistEndpoint implements WorklistApi {

    private final Database database;
    private final ExamProgressService progress;
    private final EventHub events;
    private final Clock clock;

    public WorklistEndpoint(Database database, ExamProgressService progress, EventHub events, Clock clock) {
        this.database = database;
        this.progress = progress;
        this.events = events;
        this.clock = clock;
    }

    @Override
    public List<StepEntry> steps(LocalDate day) {
        if (day == null) {
            throw HttpError.badRequest("Liste de travail : jour attendu.");
        }
        return new StepQuery(database.dsl()).scheduledBetween(day.atStartOfDay(clock.getZone()).toInstant(),
                day.plusDays(1).atStartOfDay(clock.getZone()).toInstant());
    }

    @Override
    public void start(UUID stepId) {
        announce("exam.started", progress.start(required(stepId), Call.signedIn().actor()));
    }

    @Override
    public void complete(UUID stepId) {
        announce("exam.completed", progress.complete(required(stepId), Call.signedIn().actor()));
    }

    private static UUID required(UUID stepId) {
        if (stepId == null) {
            throw HttpError.badRequest("Examen non précisé.");
        }
        return stepId;
    }

    private void announce(String type, ScheduledProcedureStep step) {
        events.publish(new ApiEvent(type, step.id(), step.roomId(), clock.instant()));
    }
}
