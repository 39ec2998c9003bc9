package fr.opaline.ins.trust;

import static fr.opaline.core.patient.IdentityStatus.PROVISOIRE;
import static fr.opaline.core.patient.IdentityStatus.QUALIFIEE;
import static fr.opaline.core.patient.IdentityStatus.RECUPEREE;
import static fr.opaline.core.patient.IdentityStatus.VALIDEE;
import static fr.opaline.ins.trust.TrustDecision.Action.CREER_IDENTITE;
import static fr.opaline.ins.trust.TrustDecision.Action.RAPPROCHER;

import fr.opaline.core.patient.IdentityStatus;

/**
 * The trust-contract matrix of the DSR (section 3.2.8, SC.INS.11, SC.INS.20): status of the
 * received identity × status of the local identity (null: not known locally) × INSi récupération
 * with the received traits → action and final status.
 * <p>Decisions where the DSR is silent: a local identity still provisoire is treated as "not
 * known" (nothing reliable to bring together); a received identity récupérée (the emitter did
 * not check it on a high-trust device) follows the rule without contract.
 */
public final class TrustContractMatrix {

    private TrustContractMatrix() {
    }

    /** Whether INSi must be called with the received traits before deciding. */
    public static boolean insiCallNeeded(IdentityStatus received, IdentityStatus local, boolean contract) {
        if (received == PROVISOIRE) {
            return false;
        }
        if (!contract || received == RECUPEREE) {
            return !higherThanProvisoire(local);
        }
        return !(received == QUALIFIEE && (local == RECUPEREE || local == QUALIFIEE));
    }

    public static TrustDecision decide(IdentityStatus received, IdentityStatus local, InsiAnswer insi, boolean contract) {
        if (received == PROVISOIRE) {
            return new TrustDecision(CREER_IDENTITE, PROVISOIRE, false,
                    "Identité reçue provisoire : une nouvelle identité provisoire est créée.");
        }
        if (!contract || received == RECUPEREE) {
            if (higherThanProvisoire(local)) {
                return new TrustDecision(RAPPROCHER, local, false,
                        "Sans contrat de confiance : l'identité locale, de statut plus élevé, est conservée.");
            }
            return insi == InsiAnswer.UNE_IDENTITE
                    ? new TrustDecision(CREER_IDENTITE, RECUPEREE, false,
                            "Sans contrat de confiance : identité créée au statut récupéré (INSi a trouvé une identité).")
                    : new TrustDecision(CREER_IDENTITE, PROVISOIRE, false,
                            "Sans contrat de confiance : identité créée au statut provisoire.");
        }
        boolean found = insi == InsiAnswer.UNE_IDENTITE;
        if (received == QUALIFIEE && (local == RECUPEREE || local == QUALIFIEE)) {
            return new TrustDecision(RAPPROCHER, QUALIFIEE, true,
                    "Identité reçue qualifiée, identité locale " + local.label().toLowerCase(java.util.Locale.ROOT)
                            + " : rapprochement sans appel au téléservice INSi, statut qualifié.");
        }
        if (!found) {
            return new TrustDecision(CREER_IDENTITE, VALIDEE, true,
                    "Contrat de confiance, INSi sans identité unique (01 ou 02) : nouvelle identité validée (tiers de confiance).");
        }
        Local column = Local.of(local);
        TrustDecision.Action action = column == Local.RECUPEREE || column == Local.QUALIFIEE ? RAPPROCHER : CREER_IDENTITE;
        return new TrustDecision(action, QUALIFIEE, true, "Contrat de confiance, INSi a trouvé l'identité (00) : "
                + action.label().toLowerCase(java.util.Locale.ROOT) + ", statut qualifié.");
    }

    private enum Local {
        NON_CONNUE, RECUPEREE, VALIDEE, QUALIFIEE;

        static Local of(IdentityStatus status) {
            if (status == null || status == PROVISOIRE) {
                return NON_CONNUE;
            }
            return valueOf(status.name());
        }
    }

    private static boolean higherThanProvisoire(IdentityStatus local) {
        return local != null && local != PROVISOIRE;
    }
}
