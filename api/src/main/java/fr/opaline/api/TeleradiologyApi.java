package fr.opaline.api;

import fr.opaline.core.user.Role;
import java.util.UUID;

/**
 * Confiding an exam to the practice's teleradiology platform (CI-SIS teleradiology volet): the
 * ORM^O01 request and its cancellation leave through the outbox; the platform's CR comes back by
 * ORU and is fed to the DMP after the configured delay.
 */
@Area("teleradiology")
public interface TeleradiologyApi {

    /** Where the exam stands with the platform (and which platform is configured, if any). */
    @Access(roles = {Role.RADIOLOGUE, Role.MANIPULATEUR, Role.SECRETAIRE},
            purpose = "consulter l'envoi d'un examen à la téléradiologie")
    TeleradiologyAssignment status(UUID orderId);

    /** Confides the exam to the platform: the ORM (ORC-1 NW) is queued. */
    @Access(roles = {Role.RADIOLOGUE, Role.MANIPULATEUR, Role.SECRETAIRE},
            purpose = "confier un examen à la téléradiologie")
    TeleradiologyAssignment assign(UUID orderId);

    /** Cancels the request: the ORM (ORC-1 CA) is queued. */
    @Access(roles = {Role.RADIOLOGUE, Role.MANIPULATEUR, Role.SECRETAIRE},
            purpose = "annuler une demande de téléradiologie")
    TeleradiologyAssignment cancel(UUID orderId);
}
