package fr.opaline.dmp.hl7v3;

/** The professional's individual authorisation on a DMP, as TD0.2 reports it. */
public enum AuthorizationStatus {
    VALIDE("valide"),
    NON_EXISTANTE("absente"),
    EXPIREE("expirée"),
    /** The patient has blocked this professional (Mon espace santé). */
    INTERDITE("refusée par le patient");

    private final String label;

    AuthorizationStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static AuthorizationStatus fromCode(String code) {
        for (AuthorizationStatus s : values()) {
            if (s.name().equals(code)) {
                return s;
            }
        }
        return null;
    }
}
