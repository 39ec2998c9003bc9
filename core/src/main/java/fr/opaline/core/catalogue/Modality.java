package fr.opaline.core.catalogue;

/** DICOM modality codes (PS3.3 C.7.3.1.1.1) of the imaging domains a practice covers. */
public enum Modality {
    CR("Radiographie numérisée"),
    DX("Radiographie numérique"),
    MG("Mammographie"),
    CT("Scanner"),
    MR("IRM"),
    US("Échographie"),
    NM("Médecine nucléaire"),
    PT("TEP");

    private final String label;

    Modality(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
