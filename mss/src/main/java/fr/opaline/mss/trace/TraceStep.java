package fr.opaline.mss.trace;

/** The steps of MSSanté flows that are traced (SC.MSS/UX.37, SC.MSS/CONF.17/18). */
public enum TraceStep {
    // outbound
    SEND_QUEUED("Envoi programmé"),
    SEND_SKIPPED("Envoi non programmé"),
    SUBMITTED("Message remis à l'opérateur"),
    SEND_FAILED("Échec de l'envoi"),
    DELIVERY_REPORT("Accusé de réception (DSN)"),
    READ_REPORT("Accusé de lecture (MDN)"),
    // inbound
    RECEIVED("Message reçu"),
    REFUSED("Message refusé"),
    IGNORED("Message sans document"),
    XDM_EXTRACTED("Archive IHE_XDM lue"),
    INTEGRATED("Document intégré"),
    REPLACED("Document remplacé"),
    DELETED("Document supprimé"),
    WORKLISTED("Document mis en liste de travail"),
    REJECTED("Document rejeté"),
    MANUAL_IMPORT("Import manuel"),
    MDN_QUEUED("Accusé de traitement (MDN) programmé"),
    MDN_SENT("Accusé de traitement (MDN) envoyé");

    private final String label;

    TraceStep(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public boolean outbound() {
        return ordinal() <= READ_REPORT.ordinal();
    }
}
