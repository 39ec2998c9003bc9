package fr.opaline.mss.outbound;

/** Where one message to one recipient stands, from the decision to send to the read receipt. */
public enum OutboundStatus {
    A_ENVOYER("À envoyer"),
    ENVOYE("Remis à l'opérateur"),
    REMIS("Distribué"),
    RETARDE("Distribution retardée"),
    NON_REMIS("Non distribué"),
    LU("Lu"),
    TRAITE("Traité par le destinataire"),
    ERREUR_DESTINATAIRE("Erreur de traitement chez le destinataire"),
    ECHEC("Échec de l'envoi"),
    ANNULE("Annulé");

    private final String label;

    OutboundStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** A later report may move the status forward, never back (a DSN arriving after the MDN changes nothing). */
    public boolean canBecome(OutboundStatus next) {
        return rank(next) > rank(this);
    }

    private static int rank(OutboundStatus s) {
        return switch (s) {
            case A_ENVOYER -> 0;
            case ENVOYE -> 1;
            case RETARDE -> 2;
            case REMIS, NON_REMIS -> 3;
            case LU -> 4;
            case TRAITE, ERREUR_DESTINATAIRE -> 5;
            case ECHEC, ANNULE -> 6;
        };
    }
}
