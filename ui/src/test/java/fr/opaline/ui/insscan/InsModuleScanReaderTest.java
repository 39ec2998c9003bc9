package fr.opaline.ui.insscan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import fr.opaline.core.patient.IdentityTraits;
import fr.opaline.core.patient.InsNumber;
import fr.opaline.core.patient.Sex;
import fr.opaline.ins.datamatrix.DatamatrixInsPayload;
import fr.opaline.ins.datamatrix.DatamatrixInsImage;
import fr.opaline.ins.datamatrix.ScannedIns;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SC.CDA/VISU.04: the Datamatrix INS printed on documents, read back at the front desk through
 * the ins module's parser, as a keyboard-wedge scanner types it.
 */
class InsModuleScanReaderTest {

    final InsModuleScanReader reader = new InsModuleScanReader();

    static final String ANS_EXAMPLE = "IS010000000000000000000000S1279035121518989S21.2.250.1.213.1.4.10\u001D"
            + "S3DOMINIQUE\u001DS4PAT-TROIS\u001DS5FS628-03-1979S751215";

    @Test
    void readsThePayloadOfTheAnsExamplePatient() {
        ScannedIns identity = reader.read(ANS_EXAMPLE);
        assertThat(identity.ins()).isEqualTo(new InsNumber("279035121518989", InsNumber.OID_TEST_NIR));
        assertThat(identity.traits().birthName()).isEqualTo("PAT-TROIS");
        assertThat(identity.traits().birthFirstNames()).isEqualTo("DOMINIQUE");
        assertThat(identity.traits().birthDate()).isEqualTo(LocalDate.of(1979, 3, 28));
        assertThat(identity.traits().birthplaceCode()).isEqualTo("51215");
    }

    /** A keyboard-wedge scanner loses GS, and adds a line end: the tags alone delimit the fields. */
    @Test
    void readsWhatAScannerTypesWithoutTheSeparators() {
        IdentityTraits traits = IdentityTraits.of("DE LA FONTAINE-D'ARC", "JEAN PIERRE MARIE", LocalDate.of(2001, 12, 31),
                Sex.M, "2A004");
        InsNumber ins = new InsNumber(withKey("1011223004123"), InsNumber.OID_TEST_NIR);
        String typed = DatamatrixInsPayload.of(ins, traits).replace("\u001D", "") + "\r\n";
        ScannedIns identity = reader.read(typed);
        assertThat(identity.traits().birthName()).isEqualTo("DE LA FONTAINE-D'ARC");
        assertThat(identity.traits().birthFirstNames()).isEqualTo("JEAN PIERRE MARIE");
        assertThat(identity.traits().birthplaceCode()).isEqualTo("2A004");
        assertThat(identity.ins()).isEqualTo(ins);
    }

    @Test
    void theBirthplaceIsOptionalAndLowerCaseIsAccepted() {
        IdentityTraits traits = IdentityTraits.of("NGUYEN", "AN", LocalDate.of(1970, 1, 1), Sex.F, null);
        InsNumber ins = new InsNumber(withKey("2700199123456"), InsNumber.OID_TEST_NIA);
        ScannedIns identity = reader.read(DatamatrixInsPayload.of(ins, traits).toLowerCase());
        assertThat(identity.traits().birthplaceCode()).isNull();
        assertThat(identity.ins().isNia()).isTrue();
    }

    @Test
    void refusesWhatIsNotADatamatrixInsWithAReason() {
        assertThat(reader.recognises("MARTIN")).isFalse();
        assertThat(reader.recognises("  is0100000\r\n")).isTrue();
        assertThatThrownBy(() -> reader.read("MARTIN")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("IS01");
        assertThatThrownBy(() -> reader.read(ANS_EXAMPLE.replace("279035121518989", "279035121518988")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Clé de contrôle incorrecte");
        assertThatThrownBy(() -> reader.read(ANS_EXAMPLE.replace("28-03-1979", "30-02-1979")))
                .hasMessageContaining("date de naissance");
        assertThatThrownBy(() -> reader.read(ANS_EXAMPLE.replace("S5F", "S5X"))).hasMessageContaining("sexe");
        assertThatThrownBy(() -> reader.read(ANS_EXAMPLE.substring(0, 60))).hasMessageContaining("tronqué");
        assertThatThrownBy(() -> reader.read(ANS_EXAMPLE + "XYZ")).hasMessageContaining("inattendu");
    }

    /**
     * The symbol Opaline prints (the ins module's image), decoded by libdmtx's {@code dmtxread}
     * (Debian dmtx-utils, a decoder nobody here wrote), reads back to the same identity.
     */
    @Test
    void aPrintedSymbolDecodedByLibdmtxReadsBack(@TempDir Path dir) throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/dmtxread")), "dmtxread (dmtx-utils) not installed");
        IdentityTraits traits = IdentityTraits.of("PAT-TROIS", "DOMINIQUE", LocalDate.of(1979, 3, 28), Sex.F, "51215");
        InsNumber ins = new InsNumber("279035121518989", InsNumber.OID_TEST_NIR);
        Path png = dir.resolve("ins.png");
        Files.write(png, DatamatrixInsImage.png(DatamatrixInsPayload.of(ins, traits), DatamatrixInsImage.DEFAULT_MODULE_PIXELS));
        Process process = new ProcessBuilder("dmtxread", "-N", "1", png.toString()).redirectErrorStream(true).start();
        byte[] out = process.getInputStream().readAllBytes();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        String decoded = new String(out, StandardCharsets.ISO_8859_1);

        ScannedIns identity = reader.read(decoded);

        assertThat(identity.ins()).isEqualTo(ins);
        assertThat(identity.traits().birthName()).isEqualTo(traits.birthName());
        assertThat(identity.traits().birthDate()).isEqualTo(traits.birthDate());
    }

    static String withKey(String first13) {
        return first13 + fr.opaline.ins.matricule.MatriculeKey.of(first13);
    }
}
