package fr.opaline.ins.status;

/** Where the INS of an identity came from: "INSi +" or "appli carte Vitale +" in the RNIV table. */
public enum InsSource {
    /** Téléservice INSi, récupération by traits. */
    INSI_TRAITS("Téléservice INSi (traits)"),
    /** Téléservice INSi, récupération with the carte Vitale. */
    INSI_CARTE_VITALE("Téléservice INSi (carte Vitale)"),
    /** Appli carte Vitale of the patient himself: the identity is qualifiée at once. */
    APCV("Appli carte Vitale (titulaire)"),
    /** Appli carte Vitale presented for an ayant droit: récupérée or qualifiée as the practice chose. */
    APCV_AYANT_DROIT("Appli carte Vitale (ayant droit)");

    private final String label;

    InsSource(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static InsSource fromStored(String value) {
        return value == null || value.isBlank() ? null : valueOf(value.trim());
    }
}
