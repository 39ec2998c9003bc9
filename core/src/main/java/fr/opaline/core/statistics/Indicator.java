package fr.opaline.core.statistics;

import java.util.Arrays;
import java.util.List;

/**
 * One figure of the monthly statistics (SC.STAT/ES.04, TBB.INS.03). Figures about documents are
 * kept per {@link DocumentType}; the others (identities, users, consents) are not.
 */
public enum Indicator {
    IDENTITES_PROVISOIRES(IndicatorGroup.IDENTITES, "Identités provisoires", false, true),
    IDENTITES_RECUPEREES(IndicatorGroup.IDENTITES, "Identités récupérées", false, true),
    IDENTITES_VALIDEES(IndicatorGroup.IDENTITES, "Identités validées", false, true),
    IDENTITES_QUALIFIEES(IndicatorGroup.IDENTITES, "Identités qualifiées", false, true),

    DMP_TRANSMIS_PFI(IndicatorGroup.ALIMENTATION_DMP, "Transmis à la PFI", true, false),
    DMP_REUSSI(IndicatorGroup.ALIMENTATION_DMP, "Transmis au DMP (réussi)", true, false),
    DMP_INVISIBLE(IndicatorGroup.ALIMENTATION_DMP, "Transmis au DMP invisible au patient", true, false),
    DMP_ECHEC(IndicatorGroup.ALIMENTATION_DMP, "Transmission au DMP en échec", true, false),
    DMP_INEXISTANT(IndicatorGroup.ALIMENTATION_DMP, "Non transmis : DMP inexistant", true, false),

    UTILISATEURS_DMP(IndicatorGroup.CONSULTATION_DMP, "Utilisateurs pouvant consulter le DMP", false, false),
    UTILISATEURS_MEDECINS(IndicatorGroup.CONSULTATION_DMP, "Radiologues ou médecins nucléaires", false, false),
    UTILISATEURS_MANIPULATEURS(IndicatorGroup.CONSULTATION_DMP, "Manipulateurs en électroradiologie", false, false),
    UTILISATEURS_AUTRES(IndicatorGroup.CONSULTATION_DMP, "Autres utilisateurs", false, false),

    CONSENTEMENTS_CONSULTATION(IndicatorGroup.INFORMATION_PATIENT, "Consentements à la consultation enregistrés",
            false, false),
    NON_OPPOSITIONS_ALIMENTATION(IndicatorGroup.INFORMATION_PATIENT, "Non-oppositions à l'alimentation enregistrées",
            false, false),

    MSS_PRO_REUSSI(IndicatorGroup.MSSANTE_PRO, "Envoyés (réussi)", true, false),
    MSS_PRO_ECHEC(IndicatorGroup.MSSANTE_PRO, "En échec", true, false),
    MSS_PRO_NON_ENVOYE(IndicatorGroup.MSSANTE_PRO, "Non envoyés", true, false),

    MSS_CITOYENNE_REUSSI(IndicatorGroup.MSSANTE_CITOYENNE, "Envoyés (réussi)", true, false),
    MSS_CITOYENNE_ECHEC(IndicatorGroup.MSSANTE_CITOYENNE, "En échec", true, false),
    MSS_CITOYENNE_NON_ENVOYE(IndicatorGroup.MSSANTE_CITOYENNE, "Non envoyés", true, false),

    BAL_INTEGRE(IndicatorGroup.BAL_APPLICATIVE, "Intégrés (réussi)", true, false),
    BAL_ECHEC(IndicatorGroup.BAL_APPLICATIVE, "En échec", true, false);

    private final IndicatorGroup group;
    private final String label;
    private final boolean perDocumentType;
    private final boolean withRate;

    Indicator(IndicatorGroup group, String label, boolean perDocumentType, boolean withRate) {
        this.group = group;
        this.label = label;
        this.perDocumentType = perDocumentType;
        this.withRate = withRate;
    }

    public IndicatorGroup group() {
        return group;
    }

    public String label() {
        return label;
    }

    /** Whether the figure is kept per document type (otherwise its type is null). */
    public boolean perDocumentType() {
        return perDocumentType;
    }

    /** Whether a rate (share of the group's total) goes with the count. */
    public boolean withRate() {
        return withRate;
    }

    public static List<Indicator> of(IndicatorGroup group) {
        return Arrays.stream(values()).filter(i -> i.group == group).toList();
    }
}
