package fr.opaline.app.setup;

import static org.assertj.core.api.Assertions.assertThat;

import fr.opaline.app.Main;
import fr.opaline.app.config.OpalineConfig;
import fr.opaline.core.persistence.Database;
import fr.opaline.core.practice.PracticeSettings;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** "opaline setup" without questions, as an installation script or the IT person runs it. */
class SetupCommandTest {

    @TempDir
    Path dir;

    record Run(int exit, String out, String err) {
    }

    private Run opaline(String... args) {
        CommandLine cli = Main.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        List<String> all = new ArrayList<>(List.of("--home", dir.resolve("home").toString()));
        all.addAll(List.of(args));
        return new Run(cli.execute(all.toArray(String[]::new)), out.toString(), err.toString());
    }

    private Path certificate() throws Exception {
        Path file = dir.resolve("org.p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-keystore", file.toString(), "-storetype", "PKCS12", "-storepass", "motdepasse",
                "-keypass", "motdepasse", "-alias", "org", "-keyalg", "EC", "-groupname", "secp256r1",
                "-dname", "CN=CABINET DU PARC,O=Cabinet du Parc,C=FR", "-validity", "730",
                "-ext", "KeyUsage=digitalSignature").redirectErrorStream(true).start();
        String output = new String(keytool.getInputStream().readAllBytes());
        assertThat(keytool.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(keytool.exitValue()).as(output).isZero();
        return file;
    }

    @Test
    void validAnswersGoToTheDatabaseAndTheConfigurationFile() throws Exception {
        Path answers = Files.writeString(dir.resolve("reponses.properties"), """
                practice.name=Cabinet de radiologie du Parc
                practice.finess=75 071 218 4
                worklist.aeTitle=PARC_MWL
                mss.applicativeAddress=envois@parc.mssante.fr
                """, StandardCharsets.UTF_8);
        Path certificate = certificate();
        Run run = opaline("setup", "--non-interactive", "--from", answers.toString(),
                "--set", "worklist.port=11112",
                "--set", "certificate.establishment.file=" + certificate,
                "--set", "certificate.establishment.password=motdepasse");
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains("CN=CABINET DU PARC").contains("Enregistré : 2 réglage(s) du cabinet dans la base, 5 dans");

        Properties file = new Properties();
        try (Reader reader = Files.newBufferedReader(dir.resolve("home/opaline.properties"), StandardCharsets.UTF_8)) {
            file.load(reader);
        }
        assertThat(file).containsEntry("worklist.aeTitle", "PARC_MWL").containsEntry("worklist.port", "11112")
                .containsEntry("certificate.establishment.password", "motdepasse")
                .containsEntry("mss.applicativeAddress", "envois@parc.mssante.fr")
                .doesNotContainKey("practice.name");
        OpalineConfig config = OpalineConfig.load(dir.resolve("home"), null);
        try (Database database = Database.open(config.database())) {
            PracticeSettings settings = new PracticeSettings(database);
            assertThat(settings.get(PracticeSettings.NAME)).contains("Cabinet de radiologie du Parc");
            assertThat(settings.get(PracticeSettings.FINESS)).contains("750712184");
        }

        Run list = opaline("setup", "--list");
        assertThat(list.exit()).isZero();
        assertThat(list.out()).contains("750712184").contains("********").doesNotContain("motdepasse");
    }

    @Test
    void oneBadAnswerSavesNothingAndSaysWhy() {
        Run run = opaline("setup", "--non-interactive", "--set", "practice.name=Cabinet",
                "--set", "practice.siret=73282932000075", "--set", "hl7.port=2575");
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("Erreur : N° SIRET du site (practice.siret) : SIRET « 73282932000075 » : la clé de contrôle")
                .contains("Rien n'a été enregistré");
        assertThat(dir.resolve("home/opaline.properties")).doesNotExist();
        Run list = opaline("setup", "--list");
        assertThat(list.out().lines().filter(l -> l.contains("practice.name")).findFirst().orElseThrow())
                .contains("(non renseigné)");
    }
}
