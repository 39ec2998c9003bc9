package fr.opaline.dmp.feeding;

/** What a feeding job does with its document. */
public enum FeedAction {
    /** First submission. */
    INITIAL("Envoi"),
    /** New version replacing the previous one (RPLC). */
    REPLACE("Remplacement"),
    /** Removal from the DMP (retraction, patient's request, error). */
    DELETE("Suppression");

    private final String label;

    FeedAction(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
