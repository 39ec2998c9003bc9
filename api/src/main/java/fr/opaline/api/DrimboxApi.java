package fr.opaline.api;

import fr.opaline.core.user.Role;
import java.util.UUID;

/** The contextual call to the practice's DRIMbox conso (SC.DB/TRA.05): the images of an exam. */
@Area("drimbox")
public interface DrimboxApi {

    /**
     * The DRIMbox conso's address for the exam (patient and exam context), audited; refused unless
     * the patient consented to the consultation for the order's care episode.
     */
    @Access(roles = {Role.RADIOLOGUE, Role.MANIPULATEUR},
            purpose = "consulter les images d'un examen dans la DRIMbox (consentement du patient)")
    String consultationUrl(UUID orderId);
}
