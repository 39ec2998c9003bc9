package fr.opaline.ins.status;

/**
 * High-trust identity devices (RNIV) on which a user may validate an identity, plus
 * "tiers de confiance": the emitter of an identity received under a trust contract checked it
 * on a device it did not name (DSR 3.2.8).
 */
public enum IdentityEvidence {
    PASSEPORT("Passeport"),
    CNI("Carte nationale d'identité"),
    TITRE_SEJOUR("Titre de séjour"),
    LIVRET_FAMILLE("Livret de famille (mineur)"),
    EXTRAIT_ACTE_NAISSANCE("Extrait d'acte de naissance (mineur)"),
    TIERS_DE_CONFIANCE("Tiers de confiance");

    private final String label;

    IdentityEvidence(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The stored value back to the device; null for none, unknown values refused. */
    public static IdentityEvidence fromStored(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return valueOf(value.trim());
    }
}
