package fr.opaline.core.order;

import java.util.EnumSet;
import java.util.Set;

/**
 * Progress of a scheduled procedure step: scheduled → arrived → in progress → completed →
 * reported → validated. Steps scheduled or arrived are on the modality worklist.
 */
public enum StepStatus {
    SCHEDULED("Programmé"),
    ARRIVED("Arrivé"),
    IN_PROGRESS("En cours"),
    COMPLETED("Réalisé"),
    REPORTED("Dicté"),
    VALIDATED("Validé"),
    CANCELLED("Annulé");

    public static final Set<StepStatus> ON_WORKLIST = EnumSet.of(SCHEDULED, ARRIVED);

    private final String label;

    StepStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Forward along the chain (steps may be skipped), cancel before the exam, or undo an arrival. */
    public boolean canMoveTo(StepStatus next) {
        if (this == CANCELLED || next == this) {
            return false;
        }
        if (next == CANCELLED) {
            return this == SCHEDULED || this == ARRIVED;
        }
        if (this == ARRIVED && next == SCHEDULED) {
            return true;
        }
        return next.ordinal() > ordinal();
    }
}
