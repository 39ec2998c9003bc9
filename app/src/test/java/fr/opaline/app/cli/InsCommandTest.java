package fr.opaline.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import fr.opaline.app.config.OpalineConfig;
import fr.opaline.app.sandbox.SandboxRegistry;
import fr.opaline.app.server.PracticeServer;
import fr.opaline.app.server.ServerAssembly;
import fr.opaline.app.wiring.CoreServices;
import fr.opaline.core.patient.IdentityStatus;
import fr.opaline.core.patient.Patient;
import fr.opaline.core.patient.PatientQuery;
import fr.opaline.core.patient.PatientRepository;
import fr.opaline.sandbox.SandboxService;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code opaline ins} commands through the real command line, and the INS wiring. */
class InsCommandTest {

    @TempDir
    Path dir;

    /** An in-memory database shared by the commands of one test: no file database to open each time. */
    @org.junit.jupiter.api.BeforeEach
    void memoryDatabase() throws Exception {
        CliRun.memoryHome(dir);
    }

    CliRun opaline(String... args) {
        return CliRun.opaline(dir.resolve("home"), args);
    }

    @Test
    void checkExitsZeroWhenValidAndOneWithTheReason() {
        assertThat(opaline("ins", "check", "2 79 03 51 215 189 89").exit()).isZero();
        CliRun badKey = opaline("ins", "check", "279035121518988");
        assertThat(badKey.exit()).isEqualTo(1);
        assertThat(badKey.err()).contains("Clé de contrôle incorrecte").contains("« 89 » attendue");
        assertThat(opaline("ins", "check", "27903512151898").err()).contains("en compte 14");
        assertThat(opaline("ins", "check", "2790351215I8989").err()).contains("« I »");
        assertThat(opaline("ins", "check", "279035121518989", "--oid", "1.2.3").exit()).isEqualTo(1);
    }

    @Test
    void datamatrixFromTypedTraitsIsReadBackByDmtxreadAndDecoded() throws Exception {
        Path png = dir.resolve("ins.png");
        CliRun run = opaline("ins", "datamatrix", "--matricule", "279035121518989", "--oid", "1.2.250.1.213.1.4.10",
                "--birth-first-names", "Dominique Marie-Louise", "--birth-name", "Pat-Trois", "--sex", "F",
                "--birth-date", "1979-03-28", "--birthplace", "51215", "--out", png.toString());
        assertThat(run.exit()).as(run.err()).isZero();
        String decoded = dmtxread(png);
        assertThat(decoded).isEqualTo("IS010000000000000000000000S1279035121518989S21.2.250.1.213.1.4.10\u001D"
                + "S3DOMINIQUE MARIE-LOUISE\u001DS4PAT-TROIS\u001DS5FS628-03-1979S751215");
        CliRun decode = opaline("ins", "decode", decoded);
        assertThat(decode.exit()).isZero();
        assertThat(decode.out()).contains("PAT-TROIS").contains("DOMINIQUE MARIE-LOUISE").contains("NIR de test");
        assertThat(opaline("ins", "decode", decoded.replace("\u001D", "<GS>")).exit()).isZero();
        CliRun bad = opaline("ins", "datamatrix", "--matricule", "279035121518989", "--oid", "1.2.250.1.213.1.4.10",
                "--birth-first-names", "", "--birth-name", "Pat-Trois", "--sex", "X", "--birth-date", "1979-03-28",
                "--out", dir.resolve("bad.png").toString());
        assertThat(bad.exit()).isEqualTo(2);
        assertThat(bad.err()).contains("M ou F");
        assertThat(dir.resolve("bad.png")).doesNotExist();
    }

    @Test
    void datamatrixOfASeededPatientNeedsAQualifiedIns() throws Exception {
        assertThat(opaline("seed", "--patients", "40", "--days", "1", "--start", "2026-11-23").exit()).isZero();
        String qualified;
        String provisional;
        try (CoreServices core = CoreServices.open(OpalineConfig.load(dir.resolve("home"), null))) {
            List<Patient> all = new PatientRepository(core.database.dsl())
                    .search(new PatientQuery(null, null, null, null, null, 100));
            qualified = all.stream().filter(p -> p.status() == IdentityStatus.QUALIFIEE && p.ins() != null)
                    .findFirst().orElseThrow().ipp();
            provisional = all.stream().filter(p -> p.status() == IdentityStatus.PROVISOIRE).findFirst().orElseThrow().ipp();
        }
        Path png = dir.resolve("patient.png");
        CliRun ok = opaline("ins", "datamatrix", "--patient", qualified, "--out", png.toString());
        assertThat(ok.exit()).as(ok.err()).isZero();
        assertThat(dmtxread(png)).startsWith("IS010000000000000000000000S1");
        CliRun refused = opaline("ins", "datamatrix", "--patient", provisional, "--out", dir.resolve("p.png").toString());
        assertThat(refused.exit()).isEqualTo(2);
        assertThat(refused.err()).contains("INS qualifiée");
    }

    @Test
    void cogImportLookupAndAccept() throws Exception {
        Path cog = Files.createDirectory(dir.resolve("cog"));
        Files.writeString(cog.resolve("v_commune_depuis_1943.csv"), "COM,TNCC,NCC,NCCENR,LIBELLE,DATE_DEBUT,DATE_FIN\n"
                + "20004,0,AJACCIO,Ajaccio,Ajaccio,,1975-12-31\n2A004,0,AJACCIO,Ajaccio,Ajaccio,1976-01-01,\n");
        CliRun imported = opaline("ins", "cog", "import", cog.toString());
        assertThat(imported.exit()).as(imported.err()).isZero();
        assertThat(imported.out()).contains("2 code(s)");
        assertThat(opaline("ins", "cog", "lookup", "20004", "--date", "1948-02-29").out()).contains("Ajaccio (20004)");
        assertThat(opaline("ins", "cog", "lookup", "2A004", "--date", "1948-02-29").out()).contains("non en vigueur");
        assertThat(opaline("ins", "cog", "lookup", "44109").exit()).isEqualTo(1);
        assertThat(opaline("ins", "cog", "accept", "44109", "--name", "Nantes").exit()).isZero();
        assertThat(opaline("ins", "cog", "lookup", "44109").out()).contains("Nantes");
        assertThat(opaline("ins", "cog", "search", "ajac").out()).contains("2A004");
    }

    @Test
    void correspondentsAreKeptInTheSettingsTable() {
        CliRun add = opaline("ins", "correspondents", "add", "--name", "Téléradiologie du Nord", "--channel", "TELERADIOLOGIE",
                "--identifier", "TELERAD-NORD", "--contract", "Convention 2026-04");
        assertThat(add.exit()).as(add.err()).isZero();
        assertThat(opaline("ins", "correspondents", "list").out()).contains("Téléradiologie du Nord").contains("telerad-nord");
        assertThat(opaline("ins", "correspondents", "add", "--name", "Doublon", "--channel", "TELERADIOLOGIE",
                "--identifier", "telerad-nord").exit()).isEqualTo(2);
    }

    @Test
    void theSandboxHostsInsiAndTheServerVerifiesInses() throws Exception {
        OpalineConfig config = OpalineConfig.load(dir.resolve("home"), null);
        List<SandboxService> sandboxes = SandboxRegistry.create(config, dir.resolve("sandbox"));
        assertThat(sandboxes).extracting(SandboxService::name).contains("insi");
        try (CoreServices core = CoreServices.open(config)) {
            assertThat(ServerAssembly.assemble(core).services()).extracting(s -> s.name())
                    .doesNotContain("ins-verification-scheduler"); // no INSi: nothing to verify with
        }
        // A sandbox INSi (loopback) is accepted by the server in demonstration mode only (decision 0020).
        try (CoreServices core = CoreServices.open(fr.opaline.app.wiring.NationalServices.demoMode(
                config.with("insi.url", "http://127.0.0.1:9/lps")))) {
            PracticeServer server = ServerAssembly.assemble(core);
            assertThat(server.services()).extracting(s -> s.name()).contains("ins-verification-scheduler");
        }
    }

    static String dmtxread(Path png) throws Exception {
        Process p = new ProcessBuilder("dmtxread", "-N1", png.toString()).start();
        byte[] out = p.getInputStream().readAllBytes();
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return new String(out, StandardCharsets.ISO_8859_1);
    }
}
