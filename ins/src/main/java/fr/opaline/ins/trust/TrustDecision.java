package fr.opaline.ins.trust;

import fr.opaline.core.patient.IdentityStatus;

/**
 * What to do with an identity received by flow: create a new identity from the received traits,
 * or bring it together with the local one ("rapprocher les identités"); and the status the
 * identity ends with. {@code trustedThirdParty}: "tiers de confiance" is recorded as the
 * high-trust device (the emitter checked the identity on a device it did not name).
 */
public record TrustDecision(Action action, IdentityStatus status, boolean trustedThirdParty, String explanation) {

    public enum Action {
        CREER_IDENTITE("Proposer de créer une nouvelle identité avec les traits reçus"),
        RAPPROCHER("Rapprocher les identités");

        private final String label;

        Action(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }
}
