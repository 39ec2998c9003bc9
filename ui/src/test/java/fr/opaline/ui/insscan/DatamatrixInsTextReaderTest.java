package fr.opaline.ui.insscan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.google.zxing.common.BitMatrix;
import fr.opaline.core.patient.IdentityTraits;
import fr.opaline.core.patient.InsNumber;
import fr.opaline.core.patient.Sex;
import fr.opaline.ins.datamatrix.DatamatrixInsPayload;
import fr.opaline.ins.datamatrix.DatamatrixInsSymbol;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SC.CDA/VISU.04: the Datamatrix INS printed on documents, read back at the front desk. */
class DatamatrixInsTextReaderTest {

    final DatamatrixInsTextReader reader = new DatamatrixInsTextReader();

    static final String ANS_EXAMPLE = "IS010000000000000000000000S1279035121518989S21.2.250.1.213.1.4.10\u001D"
            + "S3DOMINIQUE\u001DS4PAT-TROIS\u001DS5FS628-03-1979S751215";

    @Test
    void readsThePayloadOfTheAnsExamplePatient() {
        ScannedIdentity identity = reader.read(ANS_EXAMPLE);
        assertThat(identity.ins()).isEqualTo(new InsNumber("279035121518989", InsNumber.OID_TEST_NIR));
        assertThat(identity.traits()).isEqualTo(IdentityTraits.of("PAT-TROIS", "DOMINIQUE", LocalDate.of(1979, 3, 28),
                Sex.F, "51215"));
    }

    /** A keyboard-wedge scanner loses GS, and adds a line end: the tags alone delimit the fields. */
    @Test
    void readsWhatAScannerTypesWithoutTheSeparators() {
        IdentityTraits traits = IdentityTraits.of("DE LA FONTAINE-D'ARC", "JEAN PIERRE MARIE", LocalDate.of(2001, 12, 31),
                Sex.M, "2A004");
        InsNumber ins = new InsNumber(withKey("1011223004123"), InsNumber.OID_TEST_NIR);
        String typed = DatamatrixInsPayload.of(ins, traits).replace("\u001D", "") + "\r\n";
        ScannedIdentity identity = reader.read(typed);
        assertThat(identity.traits()).isEqualTo(traits);
        assertThat(identity.ins()).isEqualTo(ins);
    }

    @Test
    void theBirthplaceIsOptionalAndLowerCaseIsAccepted() {
        IdentityTraits traits = IdentityTraits.of("NGUYEN", "AN", LocalDate.of(1970, 1, 1), Sex.F, null);
        InsNumber ins = new InsNumber(withKey("2700199123456"), InsNumber.OID_TEST_NIA);
        ScannedIdentity identity = reader.read(DatamatrixInsPayload.of(ins, traits).toLowerCase());
        assertThat(identity.traits().birthplaceCode()).isNull();
        assertThat(identity.ins().isNia()).isTrue();
    }

    @Test
    void refusesWhatIsNotADatamatrixInsWithAReason() {
        assertThat(reader.recognises("MARTIN")).isFalse();
        assertThatThrownBy(() -> reader.read("MARTIN")).hasMessageContaining("IS01");
        assertThatThrownBy(() -> reader.read(ANS_EXAMPLE.replace("279035121518989", "279035121518988")))
                .hasMessageContaining("Matricule INS invalide");
        assertThatThrownBy(() -> reader.read(ANS_EXAMPLE.replace("28-03-1979", "30-02-1979")))
                .hasMessageContaining("Date de naissance invalide");
        assertThatThrownBy(() -> reader.read(ANS_EXAMPLE.replace("S5F", "S5X")))
                .hasMessageContaining("Sexe invalide");
        assertThatThrownBy(() -> reader.read(ANS_EXAMPLE.substring(0, 60))).hasMessageContaining("tronqué");
        assertThatThrownBy(() -> reader.read(ANS_EXAMPLE + "XYZ")).hasMessageContaining("inattendues");
        assertThatThrownBy(() -> reader.read(ANS_EXAMPLE.replace("S3DOMINIQUE", "S3D0MINIQUE")))
                .hasMessageContaining("prénoms de naissance");
    }

    /**
     * The symbol Opaline prints (ZXing), decoded by libdmtx's {@code dmtxread} (Debian dmtx-utils,
     * a decoder nobody here wrote), reads back to the same identity.
     */
    @Test
    void aPrintedSymbolDecodedByLibdmtxReadsBack(@TempDir Path dir) throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/dmtxread")), "dmtxread (dmtx-utils) not installed");
        IdentityTraits traits = IdentityTraits.of("PAT-TROIS", "DOMINIQUE", LocalDate.of(1979, 3, 28), Sex.F, "51215");
        InsNumber ins = new InsNumber("279035121518989", InsNumber.OID_TEST_NIR);
        BitMatrix matrix = DatamatrixInsSymbol.encode(DatamatrixInsPayload.of(ins, traits));
        int scale = 6;
        int quiet = 4 * scale;
        BufferedImage image = new BufferedImage(matrix.getWidth() * scale + 2 * quiet,
                matrix.getHeight() * scale + 2 * quiet, BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int mx = (x - quiet) / scale;
                int my = (y - quiet) / scale;
                boolean dark = x >= quiet && y >= quiet && mx < matrix.getWidth() && my < matrix.getHeight()
                        && matrix.get(mx, my);
                image.setRGB(x, y, dark ? 0x000000 : 0xFFFFFF);
            }
        }
        Path png = dir.resolve("ins.png");
        ImageIO.write(image, "png", png.toFile());
        Process process = new ProcessBuilder("dmtxread", "-N", "1", png.toString()).redirectErrorStream(true).start();
        byte[] out = process.getInputStream().readAllBytes();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        String decoded = new String(out, StandardCharsets.ISO_8859_1);

        ScannedIdentity identity = reader.read(decoded);

        assertThat(identity.ins()).isEqualTo(ins);
        assertThat(identity.traits()).isEqualTo(traits);
    }

    static String withKey(String first13) {
        return first13 + fr.opaline.ins.matricule.MatriculeKey.of(first13);
    }
}
