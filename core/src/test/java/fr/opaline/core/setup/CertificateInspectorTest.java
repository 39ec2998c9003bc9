package fr.opaline.core.setup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Certificate import checks of the first-run setup, on PKCS#12 files made by keytool. */
class CertificateInspectorTest {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    @TempDir
    static Path dir;
    static Path good;
    static Path signOnly;
    static Path serverOnly;
    static Path twoKeys;
    static Path noKey;

    @BeforeAll
    static void generate() throws Exception {
        good = TestCertificates.generate(dir, "org", "KeyUsage=digitalSignature,keyEncipherment", "ExtendedKeyUsage=clientAuth");
        signOnly = TestCertificates.generate(dir, "ca", "KeyUsage=keyCertSign,cRLSign");
        serverOnly = TestCertificates.generate(dir, "web", "KeyUsage=digitalSignature", "ExtendedKeyUsage=serverAuth");
        twoKeys = TestCertificates.generate(dir, "double", "KeyUsage=digitalSignature");
        TestCertificates.addKey(twoKeys, "second");
        noKey = TestCertificates.certificateOnly(dir, good, "org");
    }

    private static CertificateInspector at(Clock clock) {
        return new CertificateInspector(clock);
    }

    private static char[] password() {
        return TestCertificates.PASSWORD.toCharArray();
    }

    @Test
    void aValidAuthenticationCertificateIsDescribed() {
        var summary = at(Clock.system(PARIS)).inspect(good, password());
        assertThat(summary.subject()).contains("CN=ORG");
        assertThat(summary.keyUsages()).contains("signature numérique", "chiffrement de clé");
        assertThat(summary.warnings()).isEmpty();
        assertThat(summary.notAfter()).isAfter(summary.notBefore());
    }

    @Test
    void aWrongPasswordIsNamedAsSuch() {
        assertThatThrownBy(() -> at(Clock.system(PARIS)).inspect(good, "mauvais".toCharArray()))
                .hasMessageStartingWith("Mot de passe incorrect");
    }

    @Test
    void expiredNotYetValidAndSoonExpiringCertificates() {
        var summary = at(Clock.system(PARIS)).inspect(good, password());
        Clock afterExpiry = Clock.fixed(summary.notAfter().plus(Duration.ofDays(1)), PARIS);
        assertThatThrownBy(() -> at(afterExpiry).inspect(good, password())).hasMessageContaining("a expiré le");
        Clock beforeStart = Clock.fixed(summary.notBefore().minus(Duration.ofDays(2)), PARIS);
        assertThatThrownBy(() -> at(beforeStart).inspect(good, password())).hasMessageContaining("qu'à partir du");
        Clock soon = Clock.fixed(summary.notAfter().minus(Duration.ofDays(10)), PARIS);
        assertThat(at(soon).inspect(good, password()).warnings()).singleElement().asString()
                .contains("pensez à le renouveler");
    }

    @Test
    void keyUsagesThatCannotAuthenticateAreRefused() {
        assertThatThrownBy(() -> at(Clock.system(PARIS)).inspect(signOnly, password()))
                .hasMessageContaining("ne permet pas la signature numérique");
        assertThatThrownBy(() -> at(Clock.system(PARIS)).inspect(serverOnly, password()))
                .hasMessageContaining("n'autorise pas l'authentification client TLS");
    }

    @Test
    void aFileWithoutKeyWithTwoKeysOrNotPkcs12IsRefused() throws Exception {
        assertThatThrownBy(() -> at(Clock.system(PARIS)).inspect(noKey, password()))
                .hasMessageContaining("ne contient pas de clé privée");
        assertThatThrownBy(() -> at(Clock.system(PARIS)).inspect(twoKeys, password()))
                .hasMessageContaining("2 clés privées");
        Path text = Files.writeString(dir.resolve("note.p12"), "ceci n'est pas un certificat");
        assertThatThrownBy(() -> at(Clock.system(PARIS)).inspect(text, password()))
                .hasMessageContaining("n'est pas un certificat PKCS#12");
        assertThatThrownBy(() -> at(Clock.system(PARIS)).inspect(dir.resolve("absent.p12"), password()))
                .hasMessageContaining("introuvable");
    }
}
