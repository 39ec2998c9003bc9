package fr.opaline.core.report;

/** Status of a report as a whole and of each of its versions. */
public enum ReportStatus {
    DRAFT("Brouillon"),
    VALIDATED("Validé"),
    /** A validated version replaced by a newer validated version (same setId). */
    SUPERSEDED("Remplacé"),
    RETRACTED("Retiré");

    private final String label;

    ReportStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
