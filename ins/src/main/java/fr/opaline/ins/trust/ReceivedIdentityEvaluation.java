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
}
