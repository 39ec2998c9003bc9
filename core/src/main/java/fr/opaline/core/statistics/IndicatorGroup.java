package fr.opaline.core.statistics;

/** The headings of the DSR's list of statistics (section 3.2.6), in its order. */
public enum IndicatorGroup {
    IDENTITES("Statut des identités"),
    ALIMENTATION_DMP("Alimentation du DMP"),
    CONSULTATION_DMP("Consultation du DMP"),
    INFORMATION_PATIENT("Information du patient à l'utilisation de son DMP"),
    MSSANTE_PRO("Envois par MSSanté à des professionnels"),
    MSSANTE_CITOYENNE("Envois par MSSanté à la messagerie de Mon espace santé"),
    BAL_APPLICATIVE("Documents CDA intégrés depuis la BAL applicative");

    private final String label;

    IndicatorGroup(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
