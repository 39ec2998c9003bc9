package fr.opaline.core.setup;

import static org.assertj.core.api.Assertions.assertThat;

import fr.opaline.core.audit.AuditTrail;
import fr.opaline.core.common.Actor;
import fr.opaline.core.practice.PracticeSettings;
import fr.opaline.core.testing.CoreFixture;
import fr.opaline.core.testing.TestDatabases;
import fr.opaline.core.testing.TestDatabases.Kind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** First-run setup: each entry checked on its own and with the others, then saved where it belongs. */
class FirstRunSetupTest {

    @TempDir
    static Path dir;
    static Path certificate;
    private final FirstRunSetup setup = new FirstRunSetup(Clock.system(ZoneId.of("Europe/Paris")));

    static Stream<Kind> kinds() {
        return TestDatabases.kinds();
    }

    @BeforeAll
    static void certificate() throws Exception {
        certificate = TestCertificates.generate(dir, "org", "KeyUsage=digitalSignature", "ExtendedKeyUsage=clientAuth");
    }

    private static Map<String, String> answers(String... keyValues) {
        Map<String, String> answers = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            answers.put(keyValues[i], keyValues[i + 1]);
        }
        return answers;
    }

    @Test
    void validAnswersAreNormalisedAndSortedByWhereTheyAreKept() {
        SetupReport report = setup.validate(answers(
                PracticeSettings.NAME, "  Cabinet de radiologie du Parc ",
                PracticeSettings.SIRET, "732 829 320 00074",
                PracticeSettings.POSTAL_CODE, "69 003",
                PracticeSettings.PHONE, "04.78.00.00.00",
                SetupFields.WORKLIST_AE_TITLE, " OPALINE_MWL ",
                SetupFields.WORKLIST_PORT, "11112",
                SetupFields.MSS_APPLICATIVE, "Secretariat@Cabinet-Parc.MSSante.fr"), Map.of());
        assertThat(report.errors()).isEmpty();
        assertThat(report.accepted(SetupField.Storage.DATABASE)).containsOnly(
                Map.entry(PracticeSettings.NAME, "Cabinet de radiologie du Parc"),
                Map.entry(PracticeSettings.SIRET, "73282932000074"),
                Map.entry(PracticeSettings.POSTAL_CODE, "69003"),
                Map.entry(PracticeSettings.PHONE, "0478000000"));
        assertThat(report.accepted(SetupField.Storage.CONFIGURATION)).containsOnly(
                Map.entry(SetupFields.WORKLIST_AE_TITLE, "OPALINE_MWL"),
                Map.entry(SetupFields.WORKLIST_PORT, "11112"),
                Map.entry(SetupFields.MSS_APPLICATIVE, "secretariat@cabinet-parc.mssante.fr"));
    }

    @Test
    void everyBadEntryGetsItsOwnFrenchMessage() {
        SetupReport report = setup.validate(answers(
                PracticeSettings.FINESS, "750712185",
                PracticeSettings.UID_ROOT, "1.2.03",
                PracticeSettings.POSTAL_CODE, "6900",
                SetupFields.WORKLIST_AE_TITLE, "UN_TITRE_BIEN_TROP_LONG",
                SetupFields.HL7_PORT, "70000",
                SetupFields.PSC_CLIENT_ID, "mon client",
                SetupFields.MSS_ORGANISATION, "accueil@gmail.com",
                "inconnue.cle", "x"), Map.of());
        assertThat(report.ok()).isFalse();
        assertThat(report.errors()).containsOnlyKeys(PracticeSettings.FINESS, PracticeSettings.UID_ROOT,
                PracticeSettings.POSTAL_CODE, SetupFields.WORKLIST_AE_TITLE, SetupFields.HL7_PORT,
                SetupFields.PSC_CLIENT_ID, SetupFields.MSS_ORGANISATION, "inconnue.cle");
        assertThat(report.errors().get(PracticeSettings.FINESS)).contains("clé de contrôle");
        assertThat(report.errors().get(PracticeSettings.UID_ROOT)).contains("sans zéro en tête");
        assertThat(report.errors().get(SetupFields.WORKLIST_AE_TITLE)).contains("1 à 16 caractères");
        assertThat(report.errors().get(SetupFields.HL7_PORT)).contains("1 à 65535");
        assertThat(report.errors().get(SetupFields.MSS_ORGANISATION)).contains("mssante.fr");
    }

    @Test
    void aSiteNeedsOneIdentifierAndPortsMustDiffer() {
        SetupReport none = setup.validate(answers(PracticeSettings.NAME, "Cabinet"), Map.of());
        assertThat(none.errors()).containsKey(PracticeSettings.FINESS);
        assertThat(none.errors().get(PracticeSettings.FINESS)).contains("au moins un identifiant");
        // An identifier already in the database is enough.
        assertThat(setup.validate(answers(PracticeSettings.NAME, "Cabinet"),
                Map.of(PracticeSettings.RPPS_RANG, "1000123456701")).errors()).isEmpty();

        SetupReport clash = setup.validate(answers(PracticeSettings.SIRET, "73282932000074",
                SetupFields.HL7_PORT, "11112"), Map.of(SetupFields.WORKLIST_PORT, "11112"));
        assertThat(clash.errors()).containsOnlyKeys(SetupFields.HL7_PORT);
        assertThat(clash.errors().get(SetupFields.HL7_PORT)).contains("déjà pris par « Port de la worklist DICOM »");
    }

    /**
     * The DMP takes two certificates of the structure, authentication (TLS) and signature (cachet):
     * requirement EX_GEN-1450 (bitbucket.org/devbox-sante/homologation issue 29); setup declares both.
     */
    @Test
    void theSignatureCertificateIsDeclaredApartFromTheAuthenticationOne() {
        String file = SetupFields.SIGNATURE_CERTIFICATE + SetupFields.FILE;
        String password = SetupFields.SIGNATURE_CERTIFICATE + SetupFields.PASSWORD;
        assertThat(SetupFields.byKey(file)).hasValueSatisfying(f -> assertThat(f.label()).contains("cachet"));
        Map<String, String> site = Map.of(PracticeSettings.SIRET, "73282932000074");
        SetupReport ok = setup.validate(answers(file, certificate.toString(), password, TestCertificates.PASSWORD), site);
        assertThat(ok.errors()).isEmpty();
        assertThat(ok.certificates()).containsKey(SetupFields.SIGNATURE_CERTIFICATE);
        assertThat(ok.accepted(SetupField.Storage.CONFIGURATION)).containsEntry(file, certificate.toAbsolutePath().toString());
        assertThat(setup.validate(answers(file, certificate.toString(), password, "faux"), site).errors())
                .containsOnlyKeys(password);
    }

    @Test
    void aCertificateIsCheckedWithItsPassword() {
        String file = SetupFields.ESTABLISHMENT_CERTIFICATE + SetupFields.FILE;
        String password = SetupFields.ESTABLISHMENT_CERTIFICATE + SetupFields.PASSWORD;
        Map<String, String> site = Map.of(PracticeSettings.SIRET, "73282932000074");
        SetupReport ok = setup.validate(answers(file, certificate.toString(), password, TestCertificates.PASSWORD), site);
        assertThat(ok.errors()).isEmpty();
        assertThat(ok.certificates().get(SetupFields.ESTABLISHMENT_CERTIFICATE).subject()).contains("CN=ORG");
        assertThat(ok.accepted(SetupField.Storage.CONFIGURATION)).containsEntry(file, certificate.toAbsolutePath().toString());

        SetupReport wrong = setup.validate(answers(file, certificate.toString(), password, "faux"), site);
        assertThat(wrong.errors()).containsOnlyKeys(password);
        SetupReport noPassword = setup.validate(answers(file, certificate.toString()), site);
        assertThat(noPassword.errors()).containsOnlyKeys(password);
        SetupReport missing = setup.validate(answers(file, dir.resolve("absent.p12").toString(), password, "x"), site);
        assertThat(missing.errors()).containsOnlyKeys(file);
        // A new password alone is checked against the file already configured.
        SetupReport passwordOnly = setup.validate(answers(password, TestCertificates.PASSWORD),
                Map.of(PracticeSettings.SIRET, "73282932000074", file, certificate.toString()));
        assertThat(passwordOnly.errors()).isEmpty();
    }

    @Test
    void thePscSecretFileMustExistAndNotBeReadableByEveryone() throws Exception {
        Path secret = Files.writeString(dir.resolve("psc-secret"), "s3cr3t\n");
        Files.setPosixFilePermissions(secret, PosixFilePermissions.fromString("rw-r--r--"));
        Map<String, String> site = Map.of(PracticeSettings.SIRET, "73282932000074");
        SetupReport open = setup.validate(answers(SetupFields.PSC_CLIENT_SECRET_FILE, secret.toString()), site);
        assertThat(open.errors()).isEmpty();
        assertThat(open.warnings()).singleElement().asString().contains("chmod 600");
        Files.setPosixFilePermissions(secret, PosixFilePermissions.fromString("rw-------"));
        assertThat(setup.validate(answers(SetupFields.PSC_CLIENT_SECRET_FILE, secret.toString()), site).warnings()).isEmpty();
        Path empty = Files.writeString(dir.resolve("vide"), "  \n");
        assertThat(setup.validate(answers(SetupFields.PSC_CLIENT_SECRET_FILE, empty.toString()), site).errors())
                .containsKey(SetupFields.PSC_CLIENT_SECRET_FILE);
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void practiceSettingsAreSavedInOneAuditedTransaction(Kind kind) throws Exception {
        try (var db = TestDatabases.create(kind)) {
            CoreFixture f = new CoreFixture(db.database());
            SetupReport report = setup.validate(answers(PracticeSettings.NAME, "Cabinet du Parc",
                    PracticeSettings.FINESS, "750712184", PracticeSettings.UID_ROOT, "1.2.250.1.999.1",
                    SetupFields.WORKLIST_PORT, "11112"), Map.of());
            setup.saveToDatabase(db.database(), f.audit, report, Actor.system("test-setup"));
            PracticeSettings settings = new PracticeSettings(db.database());
            assertThat(settings.profile().name()).isEqualTo("Cabinet du Parc");
            assertThat(settings.profile().finess()).isEqualTo("750712184");
            assertThat(settings.profile().uidRoot().value()).isEqualTo("1.2.250.1.999.1");
            assertThat(settings.get(SetupFields.WORKLIST_PORT)).as("configuration stays out of the database").isEmpty();
            assertThat(new AuditTrail(db.database(), f.clock).verify().intact()).isTrue();
            assertThat(db.database().dsl().fetchCount(fr.opaline.core.persistence.generated.Tables.AUDIT_EVENT,
                    fr.opaline.core.persistence.generated.Tables.AUDIT_EVENT.ACTION.eq(FirstRunSetup.AUDIT_ACTION))).isEqualTo(1);
        }
    }
}
