package fr.opaline.dmp.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.opaline.core.practice.PracticeProfile;
import fr.opaline.platform.tls.Certificates;
import fr.opaline.platform.tls.KeyStores;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The structure identifier is derived by the DMP module from the configuration, the certificate and the practice. */
class PracticeCredentialsTest {

    static final char[] PASSWORD = "p".toCharArray();
    static final PracticeProfile PRACTICE = new PracticeProfile("Cabinet", "690000013", null, null, null, null, null,
            null, null, null, null);

    static PracticeCredentials withCommonName(String cn) throws Exception {
        return withSubject("CN=" + cn + ",O=Cabinet,C=FR");
    }

    static PracticeCredentials withSubject(String subject) throws Exception {
        KeyPair keys = Certificates.ecKeyPair();
        Instant now = Instant.now();
        var certificate = Certificates.selfSigned(keys, subject, List.of(), now,
                now.plus(Duration.ofDays(1)), Certificates.Usage.CLIENT);
        return PracticeCredentials.of(KeyStores.keyStore("p", keys.getPrivate(), PASSWORD, certificate), PASSWORD, null);
    }

    @Test
    void theConfiguredIdentifierWinsThenTheCertificatesIdnstThenOnePlusFiness() throws Exception {
        PracticeCredentials idnst = withCommonName("3123456789012");
        assertThat(idnst.structureId(" 1750000001 ", PRACTICE)).isEqualTo("1750000001");
        assertThat(idnst.structureId(null, PRACTICE)).isEqualTo("3123456789012");
        assertThat(withCommonName("Cabinet de radiologie").structureId("", PRACTICE)).isEqualTo("1690000013");
        assertThat(withCommonName("9123456789").structureId(null, PRACTICE)).as("9 is no IDNST type")
                .isEqualTo("1690000013");
    }

    /**
     * IGC Santé organisation certificates (ORG-AUTH_CLI, ORG-SIGN) carry the structure identifier in the
     * OU, the CN being free text (ansforge IG-securisation-transport-api-rest, cited by issue 25). The old
     * code read the CN only and fell back to 1 + FINESS here.
     */
    @Test
    void anIgcSanteOrganisationCertificateGivesItsOu() throws Exception {
        PracticeCredentials org = withSubject("CN=ris.cabinet-du-parc.fr,OU=3123456789012,O=Cabinet du Parc,C=FR");
        assertThat(org.structureId(null, PRACTICE)).isEqualTo("3123456789012");
        assertThat(withSubject("CN=Serveur RIS,OU=Service imagerie,O=Cabinet,C=FR").structureId(null, PRACTICE))
                .as("an OU that is no IDNST").isEqualTo("1690000013");
    }

    @Test
    void aStoreWithoutPrivateKeyIsRefused() {
        assertThatThrownBy(() -> PracticeCredentials.of(KeyStores.trustStore(List.of()), PASSWORD, null))
                .isInstanceOf(GeneralSecurityException.class).hasMessageContaining("Aucune clé privée");
    }
}
