package fr.opaline.ins.datamatrix;

import static org.assertj.core.api.Assertions.assertThat;

import fr.opaline.core.patient.IdentityTraits;
import fr.opaline.core.patient.InsNumber;
import fr.opaline.core.patient.Sex;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * SC.CDA/VISU.04: a Datamatrix INS rendered by Opaline is read back by an independent decoder,
 * libdmtx's {@code dmtxread} (Debian dmtx-utils), into exactly the payload, GS bytes included,
 * and our parser gives back the INS and traits.
 */
class DatamatrixInsDmtxreadTest {

    @TempDir
    Path dir;

    static Stream<Arguments> identities() {
        return Stream.of(
                Arguments.of(new InsNumber("279035121518989", InsNumber.OID_TEST_NIR),
                        IdentityTraits.of("PAT-TROIS", "DOMINIQUE MARIE-LOUISE", LocalDate.of(1979, 3, 28), Sex.F, "51215")),
                Arguments.of(new InsNumber("171049913905219", InsNumber.OID_TEST_NIR),
                        IdentityTraits.of("D'ALMEIDA-N'DIAYE", "JOAO PAULO", LocalDate.of(1971, 4, 9), Sex.M, "99139")),
                Arguments.of(new InsNumber("248023155514428", InsNumber.OID_TEST_NIR),
                        IdentityTraits.of("GARCIA", "MARIE-LOUISE ANNE-SOPHIE CLAIRE BERNADETTE JEANNE-MARIE THERESE "
                                + "GENEVIEVE-ELISABETH FRANCOISE", LocalDate.of(1948, 2, 29), Sex.F, "31555")),
                Arguments.of(new InsNumber("180072A00403137", InsNumber.OID_NIR),
                        IdentityTraits.of("SANTONI", "PAUL-ANTOINE", LocalDate.of(1980, 7, 14), Sex.M, "2A004")),
                Arguments.of(new InsNumber("895129934100874", InsNumber.OID_TEST_NIA),
                        IdentityTraits.of("N'DIAYE", "AMINATA", LocalDate.of(1995, 12, 1), Sex.F, null)));
    }

    @ParameterizedTest
    @MethodSource("identities")
    void dmtxreadReadsExactlyThePayload(InsNumber ins, IdentityTraits traits) throws Exception {
        String payload = DatamatrixInsPayload.of(ins, traits);
        Path png = dir.resolve("ins.png");
        Files.write(png, DatamatrixInsImage.png(payload, 4));
        String decoded = dmtxread(png);
        assertThat(decoded).isEqualTo(payload);
        assertThat(decoded).contains("\u001DS3").contains("\u001DS4");

        ScannedIns scanned = DatamatrixInsParser.parse(decoded);
        assertThat(scanned.ins()).isEqualTo(ins);
        assertThat(scanned.traits()).isEqualTo(traits);
        // A keyboard-wedge scanner that drops the GS bytes still gives the same identity.
        assertThat(DatamatrixInsParser.parse(decoded.replace("\u001D", ""))).isEqualTo(scanned);
    }

    static String dmtxread(Path png) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("dmtxread", "-N1", png.toString()).redirectErrorStream(false).start();
        byte[] out = p.getInputStream().readAllBytes();
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).as("dmtxread finished").isTrue();
        assertThat(p.exitValue()).as("dmtxread exit code (Debian package dmtx-utils)").isZero();
        return new String(out, StandardCharsets.ISO_8859_1);
    }
}
