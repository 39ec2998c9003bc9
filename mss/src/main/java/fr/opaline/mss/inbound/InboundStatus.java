package fr.opaline.mss.inbound;

/** Where a received CDA stands. */
public enum InboundStatus {
    INTEGRE("Intégré"),
    A_TRAITER("À rapprocher d'un patient"),
    REJETE("Rejeté");

    private final String label;

    InboundStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
