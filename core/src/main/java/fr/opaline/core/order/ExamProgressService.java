package fr.opaline.core.order;

import fr.opaline.core.audit.AuditEntry;
import fr.opaline.core.audit.AuditTrail;
import fr.opaline.core.common.Actor;
import fr.opaline.core.common.BusinessRuleException;
import fr.opaline.core.common.NotFoundException;
import fr.opaline.core.persistence.Database;
import fr.opaline.core.user.Role;
import fr.opaline.core.user.UserAccount;
import fr.opaline.core.user.UserRepository;
import java.time.Clock;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

/**
 * The performance of an exam, as the technologist (manipulateur, MERM) or a radiologist declares
 * it: <em>en cours</em> when the acquisition starts, <em>réalisé</em> when it is done. Arrival
 * at the desk is not performance: only these two acts, by an identified MERM or radiologist,
 * move a step there, and each is audited. A report is validated only for a performed exam
 * (see {@link #PERFORMED}).
 */
public final class ExamProgressService {

    public static final String EXAM_STARTED = "EXAM_STARTED";
    public static final String EXAM_COMPLETED = "EXAM_COMPLETED";

    /** The statuses of an exam that was performed: réalisé, then dicté and validé. */
    public static final Set<StepStatus> PERFORMED = EnumSet.of(StepStatus.COMPLETED, StepStatus.REPORTED,
            StepStatus.VALIDATED);

    private static final Set<StepStatus> STARTABLE = EnumSet.of(StepStatus.SCHEDULED, StepStatus.ARRIVED);
    private static final Set<StepStatus> COMPLETABLE = EnumSet.of(StepStatus.SCHEDULED, StepStatus.ARRIVED,
            StepStatus.IN_PROGRESS);

    private final Database database;
    private final AuditTrail audit;
    private final Clock clock;

    public ExamProgressService(Database database, AuditTrail audit, Clock clock) {
        this.database = database;
        this.audit = audit;
        this.clock = clock;
    }

    /** The acquisition has started: the step leaves the modality worklist. */
    public ScheduledProcedureStep start(UUID stepId, Actor actor) {
        return move(stepId, StepStatus.IN_PROGRESS, STARTABLE, EXAM_STARTED, actor);
    }

    /** The exam is done (réalisé): its report may now be validated. */
    public ScheduledProcedureStep complete(UUID stepId, Actor actor) {
        return move(stepId, StepStatus.COMPLETED, COMPLETABLE, EXAM_COMPLETED, actor);
    }

    /** Whether an exam in this status can be marked en cours. */
    public static boolean canStart(StepStatus status) {
        return STARTABLE.contains(status);
    }

    /** Whether an exam in this status can be marked réalisé. */
    public static boolean canComplete(StepStatus status) {
        return COMPLETABLE.contains(status);
    }

    /** Whether a radiologist may sign a report on this step without an override. */
    public static boolean performed(ScheduledProcedureStep step) {
        return PERFORMED.contains(step.status());
    }

    private ScheduledProcedureStep move(UUID stepId, StepStatus next, Set<StepStatus> from, String action, Actor actor) {
        return database.inTransaction(ctx -> {
            requirePerformer(ctx, actor);
            OrderRepository orders = new OrderRepository(ctx);
            ScheduledProcedureStep step = orders.lockStep(stepId)
                    .orElseThrow(() -> new NotFoundException("Examen introuvable"));
            if (!from.contains(step.status())) {
                throw new BusinessRuleException("L'examen « " + step.description() + " » est « " + step.status().label()
                        + " » : il ne peut pas passer à « " + next.label() + " ».");
            }
            orders.updateStepStatus(stepId, next, clock.instant());
            UUID patientId = orders.findOrderOfStep(stepId).map(ImagingOrder::patientId).orElse(null);
            audit.record(ctx, AuditEntry.of(actor, action, patientId).on("sps", step.stepId())
                    .withDetail(step.status().label() + " → " + next.label()));
            return orders.findStep(stepId).orElseThrow();
        });
    }

    private static void requirePerformer(org.jooq.DSLContext ctx, Actor actor) {
        UserAccount user = actor.userId() == null ? null : new UserRepository(ctx).findById(actor.userId()).orElse(null);
        if (user == null || !user.active() || (user.role() != Role.MANIPULATEUR && user.role() != Role.RADIOLOGUE)) {
            throw new BusinessRuleException("Seul un manipulateur (MERM) ou un radiologue identifié indique qu'un examen "
                    + "est en cours ou réalisé.");
        }
    }
}
