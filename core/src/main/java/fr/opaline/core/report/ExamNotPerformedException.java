package fr.opaline.core.report;

import fr.opaline.core.common.BusinessRuleException;
import fr.opaline.core.order.StepStatus;

/**
 * Validation refused: the exam of the report was not marked réalisé and no override was given.
 * The screen offers the override (with its reason) when it sees this refusal.
 */
public final class ExamNotPerformedException extends BusinessRuleException {
    private static final long serialVersionUID = 1L;

    private final StepStatus status;

    public ExamNotPerformedException(String message, StepStatus status) {
        super(message);
        this.status = status;
    }

    /** The status the exam was in. */
    public StepStatus status() {
        return status;
    }
}
