package fr.opaline.api;

import fr.opaline.api.dmp.DicaView;
import fr.opaline.api.dmp.DmpIntegration;
import fr.opaline.api.dmp.DmpOpening;
import fr.opaline.core.episode.ConsultationConsent;
import fr.opaline.core.user.Role;
import java.util.List;
import java.util.UUID;

/**
 * The patient's DMP from the record (SC.DMP/UX.13–14, CONF.06): the DICA checklist for the signed-in
 * user, the consent of the care episode, break-glass, and the consultation. The server decides who
 * the user is for the DMP (how the session was opened), applies the consent guard, and refuses the
 * consultation and break-glass to anyone but a health professional.
 */
@Area("dmp")
public interface DmpApi {

    /** The checklist of the four conditions and the consent of the current episode. */
    @Access(purpose = "afficher les conditions d'accès au DMP (DICA)")
    DicaView dica(UUID patientId);

    /** Records the patient's answers (origin DICA, audited); the checklist again. */
    @Access(purpose = "tracer le consentement du patient au DMP")
    DicaView recordConsent(UUID patientId, boolean patientInformed, boolean feedingOpposition,
                           ConsultationConsent consultation);

    /** Emergency access without consent, with its reason (audited). */
    @Access(roles = {Role.RADIOLOGUE, Role.MANIPULATEUR}, purpose = "accéder au DMP en mode bris de glace")
    DicaView breakGlass(UUID patientId, String reason);

    /** Opens the record in the DMP: status, counts, the metadata list. */
    @Access(roles = {Role.RADIOLOGUE, Role.MANIPULATEUR}, purpose = "consulter le DMP du patient")
    DmpOpening open(UUID patientId);

    /** Retrieves the chosen documents and stores them in the record (DMP provenance). */
    @Access(roles = {Role.RADIOLOGUE, Role.MANIPULATEUR}, purpose = "intégrer des documents du DMP au dossier")
    List<DmpIntegration> integrate(UUID patientId, List<String> uniqueIds);

    /** Makes a document invisible to the patient visible again. */
    @Access(roles = {Role.RADIOLOGUE, Role.MANIPULATEUR}, purpose = "rendre un document du DMP visible au patient")
    void makeVisible(UUID patientId, String uniqueId);
}
