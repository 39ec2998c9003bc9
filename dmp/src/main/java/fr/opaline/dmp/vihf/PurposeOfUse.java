package fr.opaline.dmp.vihf;

/** Access mode of a transaction (TRE_R248 ModeAcces, OID 1.2.250.1.213.1.1.4.248). */
public enum PurposeOfUse {
    NORMAL("normal", "Accès normal"),
    /** Emergency access without the patient's consent; only with a recorded reason. */
    BRIS_DE_GLACE("bris_de_glace", "Accès en bris de glace");

    public static final String CODE_SYSTEM = "1.2.250.1.213.1.1.4.248";

    private final String code;
    private final String displayName;

    PurposeOfUse(String code, String displayName) {
        this.code = code;
        this.displayName = displayName;
    }

    public String code() {
        return code;
    }

    public String displayName() {
        return displayName;
    }

    public static PurposeOfUse fromCode(String code) {
        for (PurposeOfUse p : values()) {
            if (p.code.equals(code)) {
                return p;
            }
        }
        return null;
    }
}
