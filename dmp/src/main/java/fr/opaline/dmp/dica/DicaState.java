package fr.opaline.dmp.dica;

/** Where a DICA condition stands. */
public enum DicaState {
    MET("Satisfaite"),
    UNMET("Non satisfaite"),
    /** Not known yet: the DMP has not been asked (it is asked only once consent is traced). */
    UNKNOWN("Non vérifiée");

    private final String label;

    DicaState(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
