package fr.opaline.api;

import fr.opaline.core.user.Role;
import java.util.List;
import java.util.UUID;

/**
 * The annuaire santé (FHIR directory of health professionals, SC.MSS/UX.10) and the correspondents
 * of an order: the prescriber chosen at booking, who receives the CR by MSSanté at validation.
 */
@Area("directory")
public interface DirectoryApi {

    /** Professionals by name (at least 2 letters) or RPPS (11 digits), with their MSSanté addresses. */
    @Access(roles = {Role.SECRETAIRE, Role.RADIOLOGUE, Role.MANIPULATEUR},
            purpose = "rechercher un correspondant dans l'annuaire santé")
    List<DirectoryContact> search(String name, String rpps);

    /**
     * The order's prescriber: the RPPS and the MSSanté address chosen in the directory (checked
     * against the directory by the server), recorded on the order and audited.
     */
    @Access(roles = {Role.SECRETAIRE, Role.RADIOLOGUE, Role.MANIPULATEUR},
            purpose = "désigner le prescripteur d'une demande d'examen")
    DirectoryContact choosePrescriber(UUID orderId, DirectoryContact contact);

    /** The correspondents recorded on the order, prescriber first. */
    @Access(roles = {Role.SECRETAIRE, Role.RADIOLOGUE, Role.MANIPULATEUR},
            purpose = "consulter les destinataires d'une demande d'examen")
    List<DirectoryContact> correspondents(UUID orderId);

    /**
     * "Envoyer par MSSanté": the exam's validated CR to one more recipient of the directory (its
     * address checked against the directory by the server), queued in the outbox as an
     * {@code mss-send} job and audited. Radiologists only (decision 0300); refused (422) for a CR
     * not validated, a patient who opposed sharing, a recipient who already has this version.
     *
     * @return the send's status, as the report editor and the queue read it
     */
    @Access(roles = Role.RADIOLOGUE, purpose = "transmettre un compte rendu validé par MSSanté")
    SendStatus sendReport(UUID stepId, DirectoryContact recipient);
}
