package fr.opaline.ins.cog;

/** What a COG code names, in the order a lookup prefers them. */
public enum CogPlaceKind {
    COMMUNE("Commune"),
    ARRONDISSEMENT_MUNICIPAL("Arrondissement municipal"),
    COLLECTIVITE_OUTRE_MER("Collectivité d'outre-mer"),
    PAYS("Pays"),
    COMMUNE_DELEGUEE("Commune déléguée"),
    COMMUNE_ASSOCIEE("Commune associée"),
    PAYS_ANCIEN("Pays (ancien)"),
    TERRITOIRE("Territoire"),
    ANCIEN_CODE("Ancien code de commune"),
    CODE_ACCEPTE("Code accepté (retour INSi)"),
    INCONNU("Lieu de naissance inconnu");

    private final String label;

    CogPlaceKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** INSEE TYPECOM (COM, COMA, COMD, ARM) to a kind. */
    public static CogPlaceKind ofTypecom(String typecom) {
        return switch (typecom == null ? "" : typecom.trim()) {
            case "COM" -> COMMUNE;
            case "COMA" -> COMMUNE_ASSOCIEE;
            case "COMD" -> COMMUNE_DELEGUEE;
            case "ARM" -> ARRONDISSEMENT_MUNICIPAL;
            default -> throw new IllegalArgumentException("TYPECOM inconnu « " + typecom + " »");
        };
    }
}
