package fr.opaline.core.document;

/** Where a clinical document came from; the UI shows one icon each. */
public enum Provenance {
    LOCAL("Produit au cabinet"),
    DMP("DMP / Mon espace santé"),
    MSSANTE("MSSanté"),
    TELERADIOLOGY("Téléradiologie"),
    PFI("Plateforme d'intégration");

    private final String label;

    Provenance(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
