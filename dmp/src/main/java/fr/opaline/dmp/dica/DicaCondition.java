package fr.opaline.dmp.dica;

/** The four conditions of the DICA checklist (DSR, SC.DMP/UX.13), in their display order. */
public enum DicaCondition {
    DMP("DMP"),
    INS("INS"),
    CONSENT("Consentement"),
    AUTHENTICATION("Authentification");

    private final String label;

    DicaCondition(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
