package fr.opaline.api;

import fr.opaline.core.order.StepEntry;
import fr.opaline.core.report.ReportContent;
import fr.opaline.core.user.Role;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The radiologist's report editor. An exam is named by its step; the signed-in user is the author
 * (and, for a validation, the legal authenticator: the report service checks the RPPS). Secretaries
 * type dictated drafts and print; only radiologists validate, amend, retract or hide a CR from the patient.
 */
@Area("report")
public interface ReportApi {

    /** The day's exams that are done or being reported (cancelled ones left out). */
    @Access(roles = {Role.RADIOLOGUE, Role.SECRETAIRE}, purpose = "lister les examens à interpréter")
    List<StepEntry> exams(LocalDate day);

    /** The exam as it is now (its status moves on from the worklist). */
    @Access(roles = {Role.RADIOLOGUE, Role.SECRETAIRE}, purpose = "consulter un examen à interpréter")
    StepEntry exam(UUID stepId);

    /** The exam's report, read only and audited as a read (REPORT_READ) once it exists. */
    @Access(roles = {Role.RADIOLOGUE, Role.SECRETAIRE}, purpose = "consulter un compte rendu")
    ReportFile open(UUID stepId);

    /** Saves the draft's text, starting the report (its first draft) if needed. */
    @Access(roles = {Role.RADIOLOGUE, Role.SECRETAIRE}, purpose = "saisir un compte rendu")
    ReportFile saveDraft(UUID stepId, ReportContent content);

    /**
     * Saves the text then validates: an exam not réalisé is refused (422 {@code exam_not_performed})
     * unless {@code overrideReason} is given (audited).
     */
    @Access(roles = Role.RADIOLOGUE, purpose = "valider un compte rendu")
    ReportFile validate(UUID stepId, ReportContent content, String overrideReason);

    /** Starts an amendment of the validated CR (a new draft). */
    @Access(roles = Role.RADIOLOGUE, purpose = "modifier un compte rendu validé")
    ReportFile amend(UUID stepId, String reason);

    /** Withdraws the validated CR. */
    @Access(roles = Role.RADIOLOGUE, purpose = "retirer un compte rendu")
    ReportFile retract(UUID stepId, String reason);

    /** Marks the CR invisible to the patient (or visible again); a draft's typed text is saved first. */
    @Access(roles = Role.RADIOLOGUE, purpose = "rendre un compte rendu invisible au patient")
    ReportFile setInvisibleToPatient(UUID stepId, ReportContent draftText, boolean invisible);

    /** The PDF of a version; a draft with {@code typed} shows that text. Nothing is saved. */
    @Access(roles = {Role.RADIOLOGUE, Role.SECRETAIRE}, purpose = "prévisualiser un compte rendu")
    ReportPreview preview(UUID versionId, ReportContent typed);

    /** The latest send of each channel (DMP, DRIMbox, MSSanté) of the exam's report, from the outbox. */
    @Access(roles = {Role.RADIOLOGUE, Role.SECRETAIRE}, purpose = "suivre les envois d'un compte rendu")
    Map<SendChannel, SendStatus> sends(UUID stepId);
}
