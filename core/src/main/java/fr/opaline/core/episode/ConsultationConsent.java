package fr.opaline.core.episode;

/**
 * The patient's consent to a professional consulting the DMP during this episode.
 * Forbidden by default until explicitly given (SC.DMP/CONF.06).
 */
public enum ConsultationConsent {
    NOT_ASKED("Non recueilli"),
    GRANTED("Accordé"),
    REFUSED("Refusé");

    private final String label;

    ConsultationConsent(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
