package fr.opaline.api;

import fr.opaline.api.dmp.DicaView;
import fr.opaline.api.dmp.DmpIntegration;
import fr.opaline.api.dmp.DmpOpening;
import fr.opaline.api.dmp.DocumentFeed;
import fr.opaline.api.dmp.FeedOptions;
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

    // --- feeding controls (issue 23): acts on what the practice sends are a health professional's (decision 0320)

    /** How the CR's DMP send is set: held, hidden from the legal representatives. */
    @Access(purpose = "consulter les options d'envoi au DMP d'un compte rendu")
    FeedOptions feedOptions(UUID reportId);

    /**
     * Holds the CR's DMP send (not sent at validation; a waiting send is suspended) or releases it
     * (the held send is queued again). Audited.
     */
    @Access(roles = Role.RADIOLOGUE, purpose = "suspendre ou autoriser l'envoi d'un compte rendu au DMP")
    FeedOptions holdFeed(UUID reportId, boolean held);

    /** Marks the CR "non visible des représentants légaux" (or visible again); sent to the DMP if it is there. */
    @Access(roles = Role.RADIOLOGUE, purpose = "masquer un compte rendu aux représentants légaux du patient")
    FeedOptions hideFromLegalRepresentatives(UUID reportId, boolean hidden);

    /** Where a document of the record stands with the DMP. */
    @Access(purpose = "consulter l'état d'envoi au DMP d'un document")
    DocumentFeed documentFeed(UUID documentId);

    /** Sends a document of an earlier episode never sent (qualified INS, a CDA of the practice). Audited. */
    @Access(roles = Role.RADIOLOGUE, purpose = "alimenter le DMP avec un document historique")
    DocumentFeed feedHistorical(UUID documentId);

    /** Deletes the document from the DMP only (the record keeps it), with the reason. Audited. */
    @Access(roles = Role.RADIOLOGUE, purpose = "supprimer un document du DMP")
    DocumentFeed deleteFromDmp(UUID documentId, String reason);

    /** Changes a document's visibility to the patient and to the legal representatives (sent if in the DMP). */
    @Access(roles = Role.RADIOLOGUE, purpose = "modifier la visibilité d'un document dans le DMP")
    DocumentFeed changeVisibility(UUID documentId, boolean invisibleToPatient, boolean hiddenFromLegalRepresentatives);

    /** The traced consent decisions (and break-glass) of the patient's current care episode, oldest first. */
    @Access(purpose = "consulter l'historique du consentement au DMP")
    List<fr.opaline.api.dmp.ConsentHistoryLine> consentHistory(UUID patientId);
}
