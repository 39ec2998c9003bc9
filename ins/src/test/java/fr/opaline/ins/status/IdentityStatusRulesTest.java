package fr.opaline.ins.status;

import static fr.opaline.core.patient.IdentityStatus.PROVISOIRE;
import static fr.opaline.core.patient.IdentityStatus.QUALIFIEE;
import static fr.opaline.core.patient.IdentityStatus.RECUPEREE;
import static fr.opaline.core.patient.IdentityStatus.VALIDEE;
import static org.assertj.core.api.Assertions.assertThat;

import fr.opaline.core.patient.IdentityAttributes;
import fr.opaline.core.patient.IdentityStatus;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every row of the RNIV status table of the DSR 3.2.8 (SC.INS.04, SC.INS.22: appli carte Vitale). */
class IdentityStatusRulesTest {

    static final IdentityAttributes NONE = IdentityAttributes.NONE;
    static final IdentityAttributes DOUTEUSE = new IdentityAttributes(true, false, false);
    static final IdentityAttributes FICTIVE = new IdentityAttributes(false, true, false);
    static final IdentityAttributes HOMONYME = new IdentityAttributes(false, false, true);

    static Stream<Arguments> table() {
        return Stream.of(
                // IV −, INSi − : provisoire (statut par défaut)
                Arguments.of(null, null, NONE, false, PROVISOIRE),
                // IV −, INSi + : récupérée (traits or carte Vitale)
                Arguments.of(null, InsSource.INSI_TRAITS, NONE, false, RECUPEREE),
                Arguments.of(null, InsSource.INSI_CARTE_VITALE, NONE, false, RECUPEREE),
                // IV +, INSi − : validée, whatever the device, "tiers de confiance" included
                Arguments.of(IdentityEvidence.PASSEPORT, null, NONE, false, VALIDEE),
                Arguments.of(IdentityEvidence.CNI, null, NONE, false, VALIDEE),
                Arguments.of(IdentityEvidence.TITRE_SEJOUR, null, NONE, false, VALIDEE),
                Arguments.of(IdentityEvidence.LIVRET_FAMILLE, null, NONE, false, VALIDEE),
                Arguments.of(IdentityEvidence.EXTRAIT_ACTE_NAISSANCE, null, NONE, false, VALIDEE),
                Arguments.of(IdentityEvidence.TIERS_DE_CONFIANCE, null, NONE, false, VALIDEE),
                // IV +, INSi + : qualifiée
                Arguments.of(IdentityEvidence.CNI, InsSource.INSI_TRAITS, NONE, false, QUALIFIEE),
                Arguments.of(IdentityEvidence.PASSEPORT, InsSource.INSI_CARTE_VITALE, NONE, false, QUALIFIEE),
                Arguments.of(IdentityEvidence.TIERS_DE_CONFIANCE, InsSource.INSI_TRAITS, NONE, false, QUALIFIEE),
                // Appli carte Vitale of the patient himself: qualifiée at once, with or without IV
                Arguments.of(null, InsSource.APCV, NONE, false, QUALIFIEE),
                Arguments.of(IdentityEvidence.PASSEPORT, InsSource.APCV, NONE, false, QUALIFIEE),
                // Appli carte Vitale for an ayant droit: the practice's choice
                Arguments.of(null, InsSource.APCV_AYANT_DROIT, NONE, false, RECUPEREE),
                Arguments.of(null, InsSource.APCV_AYANT_DROIT, NONE, true, QUALIFIEE),
                Arguments.of(IdentityEvidence.LIVRET_FAMILLE, InsSource.APCV_AYANT_DROIT, NONE, false, QUALIFIEE),
                // Douteuse or fictive: provisoire whatever else
                Arguments.of(null, null, DOUTEUSE, false, PROVISOIRE),
                Arguments.of(IdentityEvidence.PASSEPORT, null, DOUTEUSE, false, PROVISOIRE),
                Arguments.of(null, InsSource.INSI_TRAITS, DOUTEUSE, false, PROVISOIRE),
                Arguments.of(IdentityEvidence.PASSEPORT, InsSource.INSI_TRAITS, DOUTEUSE, false, PROVISOIRE),
                Arguments.of(null, InsSource.APCV, DOUTEUSE, true, PROVISOIRE),
                Arguments.of(null, null, FICTIVE, false, PROVISOIRE),
                Arguments.of(IdentityEvidence.CNI, null, FICTIVE, false, PROVISOIRE),
                Arguments.of(null, InsSource.INSI_CARTE_VITALE, FICTIVE, false, PROVISOIRE),
                Arguments.of(IdentityEvidence.CNI, InsSource.INSI_TRAITS, FICTIVE, false, PROVISOIRE),
                // Homonyme changes nothing
                Arguments.of(null, null, HOMONYME, false, PROVISOIRE),
                Arguments.of(null, InsSource.INSI_TRAITS, HOMONYME, false, RECUPEREE),
                Arguments.of(IdentityEvidence.PASSEPORT, null, HOMONYME, false, VALIDEE),
                Arguments.of(IdentityEvidence.PASSEPORT, InsSource.INSI_TRAITS, HOMONYME, false, QUALIFIEE));
    }

    @ParameterizedTest(name = "IV={0} INS={1} attributs={2} choixApCV={3} → {4}")
    @MethodSource("table")
    void statusFollowsTheRnivTable(IdentityEvidence evidence, InsSource source, IdentityAttributes attributes,
                                   boolean apcvAyantDroitQualifies, IdentityStatus expected) {
        assertThat(IdentityStatusRules.statusOf(new IdentityFacts(evidence, source, attributes), apcvAyantDroitQualifies))
                .isEqualTo(expected);
    }
}
