package fr.opaline.ins.trust;

import static fr.opaline.core.patient.IdentityStatus.PROVISOIRE;
import static fr.opaline.core.patient.IdentityStatus.QUALIFIEE;
import static fr.opaline.core.patient.IdentityStatus.RECUPEREE;
import static fr.opaline.core.patient.IdentityStatus.VALIDEE;
import static fr.opaline.ins.trust.InsiAnswer.AUCUNE_OU_PLUSIEURS;
import static fr.opaline.ins.trust.InsiAnswer.NON_APPELE;
import static fr.opaline.ins.trust.InsiAnswer.UNE_IDENTITE;
import static fr.opaline.ins.trust.TrustDecision.Action.CREER_IDENTITE;
import static fr.opaline.ins.trust.TrustDecision.Action.RAPPROCHER;
import static org.assertj.core.api.Assertions.assertThat;

import fr.opaline.core.patient.IdentityStatus;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every cell of the trust-contract matrix of the DSR 3.2.8 (SC.INS.11, SC.INS.20). */
class TrustContractMatrixTest {

    static Stream<Arguments> withContract() {
        return Stream.of(
                // received VALIDE
                Arguments.of(VALIDEE, null, UNE_IDENTITE, true, CREER_IDENTITE, QUALIFIEE),
                Arguments.of(VALIDEE, null, AUCUNE_OU_PLUSIEURS, true, CREER_IDENTITE, VALIDEE),
                Arguments.of(VALIDEE, RECUPEREE, UNE_IDENTITE, true, RAPPROCHER, QUALIFIEE),
                Arguments.of(VALIDEE, RECUPEREE, AUCUNE_OU_PLUSIEURS, true, CREER_IDENTITE, VALIDEE),
                Arguments.of(VALIDEE, VALIDEE, UNE_IDENTITE, true, CREER_IDENTITE, QUALIFIEE),
                Arguments.of(VALIDEE, VALIDEE, AUCUNE_OU_PLUSIEURS, true, CREER_IDENTITE, VALIDEE),
                Arguments.of(VALIDEE, QUALIFIEE, UNE_IDENTITE, true, RAPPROCHER, QUALIFIEE),
                Arguments.of(VALIDEE, QUALIFIEE, AUCUNE_OU_PLUSIEURS, true, CREER_IDENTITE, VALIDEE),
                // received QUALIFIE
                Arguments.of(QUALIFIEE, null, UNE_IDENTITE, true, CREER_IDENTITE, QUALIFIEE),
                Arguments.of(QUALIFIEE, null, AUCUNE_OU_PLUSIEURS, true, CREER_IDENTITE, VALIDEE),
                Arguments.of(QUALIFIEE, RECUPEREE, NON_APPELE, false, RAPPROCHER, QUALIFIEE),
                Arguments.of(QUALIFIEE, VALIDEE, UNE_IDENTITE, true, CREER_IDENTITE, QUALIFIEE),
                Arguments.of(QUALIFIEE, VALIDEE, AUCUNE_OU_PLUSIEURS, true, CREER_IDENTITE, VALIDEE),
                Arguments.of(QUALIFIEE, QUALIFIEE, NON_APPELE, false, RAPPROCHER, QUALIFIEE),
                // received PROVISOIRE: always a new provisoire identity, no call
                Arguments.of(PROVISOIRE, null, NON_APPELE, false, CREER_IDENTITE, PROVISOIRE),
                Arguments.of(PROVISOIRE, PROVISOIRE, NON_APPELE, false, CREER_IDENTITE, PROVISOIRE),
                Arguments.of(PROVISOIRE, RECUPEREE, NON_APPELE, false, CREER_IDENTITE, PROVISOIRE),
                Arguments.of(PROVISOIRE, VALIDEE, NON_APPELE, false, CREER_IDENTITE, PROVISOIRE),
                Arguments.of(PROVISOIRE, QUALIFIEE, NON_APPELE, false, CREER_IDENTITE, PROVISOIRE));
    }

    @ParameterizedTest(name = "contrat, reçue {0}, locale {1}, INSi {2} → {4} {5}")
    @MethodSource("withContract")
    void withATrustContract(IdentityStatus received, IdentityStatus local, InsiAnswer insi, boolean call,
                            TrustDecision.Action action, IdentityStatus status) {
        assertThat(TrustContractMatrix.insiCallNeeded(received, local, true)).isEqualTo(call);
        TrustDecision d = TrustContractMatrix.decide(received, local, insi, true);
        assertThat(d.action()).isEqualTo(action);
        assertThat(d.status()).isEqualTo(status);
        assertThat(d.trustedThirdParty()).isEqualTo(status != PROVISOIRE);
    }

    static Stream<Arguments> withoutContract() {
        return Stream.of(
                Arguments.of(VALIDEE, null, UNE_IDENTITE, true, CREER_IDENTITE, RECUPEREE),
                Arguments.of(VALIDEE, null, AUCUNE_OU_PLUSIEURS, true, CREER_IDENTITE, PROVISOIRE),
                Arguments.of(QUALIFIEE, PROVISOIRE, UNE_IDENTITE, true, CREER_IDENTITE, RECUPEREE),
                Arguments.of(QUALIFIEE, PROVISOIRE, AUCUNE_OU_PLUSIEURS, true, CREER_IDENTITE, PROVISOIRE),
                Arguments.of(QUALIFIEE, RECUPEREE, NON_APPELE, false, RAPPROCHER, RECUPEREE),
                Arguments.of(VALIDEE, VALIDEE, NON_APPELE, false, RAPPROCHER, VALIDEE),
                Arguments.of(QUALIFIEE, QUALIFIEE, NON_APPELE, false, RAPPROCHER, QUALIFIEE),
                Arguments.of(PROVISOIRE, QUALIFIEE, NON_APPELE, false, CREER_IDENTITE, PROVISOIRE));
    }

    @ParameterizedTest(name = "sans contrat, reçue {0}, locale {1}, INSi {2} → {4} {5}")
    @MethodSource("withoutContract")
    void withoutContractOnlyProvisoireUnlessHigherLocallyOrInsiFinds(IdentityStatus received, IdentityStatus local,
                                                                     InsiAnswer insi, boolean call,
                                                                     TrustDecision.Action action, IdentityStatus status) {
        assertThat(TrustContractMatrix.insiCallNeeded(received, local, false)).isEqualTo(call);
        TrustDecision d = TrustContractMatrix.decide(received, local, insi, false);
        assertThat(d.action()).isEqualTo(action);
        assertThat(d.status()).isEqualTo(status);
        assertThat(d.trustedThirdParty()).isFalse();
    }

    @ParameterizedTest(name = "reçue récupérée, locale {0}, INSi {1} → {2}")
    @MethodSource("receivedRecuperee")
    void aReceivedRecupereeIdentityFollowsTheRuleWithoutContract(IdentityStatus local, InsiAnswer insi,
                                                                  IdentityStatus status) {
        assertThat(TrustContractMatrix.decide(RECUPEREE, local, insi, true).status()).isEqualTo(status);
    }

    static Stream<Arguments> receivedRecuperee() {
        return Stream.of(Arguments.of(null, UNE_IDENTITE, RECUPEREE), Arguments.of(null, AUCUNE_OU_PLUSIEURS, PROVISOIRE),
                Arguments.of(VALIDEE, NON_APPELE, VALIDEE));
    }
}
