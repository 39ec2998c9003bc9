package fr.opaline.ins.status;

import fr.opaline.core.patient.IdentityStatus;

/**
 * The RNIV status table of the DSR (section 3.2.8):
 * <ul>
 * <li>provisoire: IV − and INSi −, or "identité douteuse", or "identité fictive";</li>
 * <li>récupérée: IV −, INSi + (or appli carte Vitale for an ayant droit, as the practice chose);</li>
 * <li>validée: IV +, INSi −;</li>
 * <li>qualifiée: IV + and INSi +, or INS from the patient's own appli carte Vitale (and for an
 * ayant droit when the practice chose so).</li>
 * </ul>
 * "Homonyme" does not change the status.
 */
public final class IdentityStatusRules {

    private IdentityStatusRules() {
    }

    /**
     * @param apcvAyantDroitQualifies the practice's choice: an INS obtained through the appli carte
     *     Vitale for an ayant droit gives a qualifiée identity (true) or a récupérée one (false)
     */
    public static IdentityStatus statusOf(IdentityFacts facts, boolean apcvAyantDroitQualifies) {
        if (facts.attributes().doubtful() || facts.attributes().fictitious()) {
            return IdentityStatus.PROVISOIRE;
        }
        InsSource source = facts.insSource();
        boolean insiPlus = source != null;
        boolean qualifiedByApcv = source == InsSource.APCV
                || (source == InsSource.APCV_AYANT_DROIT && apcvAyantDroitQualifies);
        if (qualifiedByApcv || (insiPlus && facts.highTrustChecked())) {
            return IdentityStatus.QUALIFIEE;
        }
        if (insiPlus) {
            return IdentityStatus.RECUPEREE;
        }
        return facts.highTrustChecked() ? IdentityStatus.VALIDEE : IdentityStatus.PROVISOIRE;
    }
}
