package fr.opaline.api;

import fr.opaline.core.order.StepEntry;
import fr.opaline.core.user.Role;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The worklist monitor: a day's scheduled procedure steps as the modalities see them, and the
 * technologist's or radiologist's marks (exam en cours, exam réalisé), announced to the other seats.
 */
@Area("worklist")
public interface WorklistApi {

    /** The steps scheduled on that day (the practice's time zone), with their orders and patients. */
    @Access(purpose = "suivre la liste de travail des modalités")
    List<StepEntry> steps(LocalDate day);

    /** The acquisition starts: exam en cours. */
    @Access(roles = {Role.MANIPULATEUR, Role.RADIOLOGUE}, purpose = "marquer un examen en cours")
    void start(UUID stepId);

    /** The exam is done (réalisé): its report can then be validated. */
    @Access(roles = {Role.MANIPULATEUR, Role.RADIOLOGUE}, purpose = "marquer un examen réalisé")
    void complete(UUID stepId);
}
