package fr.opaline.ui.worklist;

import fr.opaline.core.catalogue.Modality;
import fr.opaline.core.order.StepStatus;
import java.util.Map;

/** How many of a modality's steps of the day are in each status. */
public record ModalitySummary(Modality modality, Map<StepStatus, Integer> counts) {

    public int count(StepStatus status) {
        return counts.getOrDefault(status, 0);
    }

    public int total() {
        return counts.values().stream().mapToInt(Integer::intValue).sum();
    }
}
