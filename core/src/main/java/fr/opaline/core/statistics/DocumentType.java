package fr.opaline.core.statistics;

import java.util.Optional;

/** The document types the statistics are kept for (SC.STAT/ES.04), by their LOINC typeCode. */
public enum DocumentType {
    DEMANDE_ACTE_IMAGERIE("55115-0", "Demande d'acte d'imagerie"),
    CR_IMAGERIE("18748-4", "Compte rendu d'imagerie");

    private final String loinc;
    private final String label;

    DocumentType(String loinc, String label) {
        this.loinc = loinc;
        this.label = label;
    }

    public String loinc() {
        return loinc;
    }

    public String label() {
        return label;
    }

    /** The type of a document by its typeCode; empty for the types the statistics do not count. */
    public static Optional<DocumentType> ofLoinc(String typeCode) {
        for (DocumentType type : values()) {
            if (type.loinc.equals(typeCode)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }
}
