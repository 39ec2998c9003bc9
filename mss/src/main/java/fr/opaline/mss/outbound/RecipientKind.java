package fr.opaline.mss.outbound;

public enum RecipientKind {
    PROFESSIONNEL("Professionnel de santé"),
    PATIENT("Patient (Mon espace santé)"),
    EXPEDITEUR("Expéditeur d'un message reçu");

    private final String label;

    RecipientKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
