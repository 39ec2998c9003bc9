package fr.opaline.ins.trust;

/** The flows by which identities arrive. */
public enum Channel {
    HL7("Flux HL7 (établissement, PFI)"),
    MSSANTE("Messagerie sécurisée de santé"),
    TELERADIOLOGIE("Téléradiologie");

    private final String label;

    Channel(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
