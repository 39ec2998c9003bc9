package fr.opaline.dmp.dica;

/** The contextual action offered beside an unmet DICA condition (DSR table of remedies). */
public enum DicaRemedy {
    NONE(""),
    /** Technical unavailability: the service status page ("météo du service"). */
    SERVICE_STATUS("Voir la météo du service"),
    /** Ask the DMP again (after an outage, or when it was never asked). */
    CHECK_AGAIN("Interroger à nouveau le DMP"),
    QUALIFY_INS("Qualifier l'INS"),
    /** Record the patient's consent (editable from the DICA window), or break the glass. */
    RECORD_CONSENT("Mon patient consent à la consultation de son DMP / J'accède en mode bris de glace"),
    LOGIN_PSC("Je me connecte avec ma CPS / e-CPS");

    private final String label;

    DicaRemedy(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
