package fr.opaline.ui.worklist;

import fr.opaline.api.WorklistApi;
import fr.opaline.api.client.ApiClient;
import fr.opaline.core.order.StepEntry;
import java.time.LocalDate;
import java.util.List;

/**
 * Reads a day's worklist steps and marks an exam en cours or réalisé, through the practice server's
 * API (which checks the role, applies core's rules and names the signed-in user in the audit trail).
 * Blocking: call off the FX thread.
 */
public final class WorklistGateway {

    private final ApiClient api;

    /** @param api the connection to the practice server; null: the monitor says it has none when it reads */
    public WorklistGateway(ApiClient api) {
        this.api = api;
    }

    private WorklistApi worklist() {
        if (api == null) {
            throw new IllegalStateException("Aucun serveur du cabinet : la liste de travail n'est pas disponible.");
        }
        return api.api(WorklistApi.class);
    }

    /** The technologist starts the acquisition (en cours). */
    public void start(StepEntry entry) {
        worklist().start(entry.step().id());
    }

    /** The exam is done (réalisé): the radiologist's report can be validated. */
    public void complete(StepEntry entry) {
        worklist().complete(entry.step().id());
    }

    public List<StepEntry> stepsOf(LocalDate day) {
        return worklist().steps(day);
    }
}
