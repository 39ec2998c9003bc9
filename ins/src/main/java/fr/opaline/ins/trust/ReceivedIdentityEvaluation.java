package fr.opaline.ins.trust;

import fr.opaline.core.patient.IdentityStatus;
import fr.opaline.ins.insi.InsiLookupResult;
import java.util.UUID;

/**
 * What the matrix proposes for a received identity, before anything is written: whether a trust
 * contract covers the sender, the INSi récupération made with the received traits (null when not
 * needed), and the decision.
 */
public record ReceivedIdentityEvaluation(ReceivedIdentity received, UUID localPatientId, IdentityStatus localStatus,
                                         boolean contract, InsiAnswer insiAnswer, InsiLookupResult insi,
                                         TrustDecision decision) {

    /** INSi could not be asked (technical failure, not configured): better retry than decide. */
    public boolean insiFailed() {
        return insi != null && (insi.outcome() == InsiLookupResult.Outcome.ERREUR_TECHNIQUE
                || insi.outcome() == InsiLookupResult.Outcome.INSI_NON_CONFIGURE);
    }

    /**
     * The received identity is one the sender already gave us under its own identifier (an update,
     * A08/A31): never a new identity. When the matrix proposed to create one, the local identity is
     * kept as it is (status unchanged) instead; a raise the matrix proposed on it stands.
     */
    public ReceivedIdentityEvaluation asUpdateOfKnownIdentity() {
        if (localPatientId == null || decision.action() != TrustDecision.Action.CREER_IDENTITE) {
            return this;
        }
        return new ReceivedIdentityEvaluation(received, localPatientId, localStatus, contract, insiAnswer, insi,
                new TrustDecision(TrustDecision.Action.RAPPROCHER, localStatus, false,
                        "Mise à jour par l'émetteur d'une identité qu'il a déjà transmise (même identifiant) : "
                                + "identité locale conservée, statut inchangé."));
    }
}
