package fr.opaline.core.patient;

/**
 * Identity status of the RNIV (DSR section 3.2.8). The rules that move between them live in the
 * ins module; this is only the state.
 */
public enum IdentityStatus {
    /** Default; also whenever the identity is doubtful or fictitious. */
    PROVISOIRE("Provisoire"),
    /** INS returned by INSi (or carte Vitale) without a high-trust identity document check. */
    RECUPEREE("Récupérée"),
    /** High-trust identity document checked, INS not obtained from INSi. */
    VALIDEE("Validée"),
    /** Both: INSi result and high-trust check (or appli carte Vitale). */
    QUALIFIEE("Qualifiée");

    private final String label;

    IdentityStatus(String label) {
        this.label = label;
    }

    /** French label as shown to users. */
    public String label() {
        return label;
    }

    public boolean hasIns() {
        return this == RECUPEREE || this == QUALIFIEE;
    }
}
