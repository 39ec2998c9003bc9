package fr.opaline.worklist.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.opaline.worklist.testing.Dcmtk;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** PS3.5 encoding, checked against DCMTK both ways: dump2dcm writes what we read, dcmdump reads what we write. */
class DatasetCodecTest {

    @TempDir
    Path dir;

    static Attributes sample(String charset) {
        Attributes a = new Attributes();
        a.setString(Tags.SPECIFIC_CHARACTER_SET, Vr.CS, charset);
        a.setString(Tags.ACCESSION_NUMBER, Vr.SH, "A000000042");
        a.setString(Tags.PATIENT_NAME, Vr.PN, "LEFÈVRE^Hélène");
        a.setString(Tags.PATIENT_ID, Vr.LO, "1000007");
        a.setString(Tags.PATIENT_BIRTH_DATE, Vr.DA, "");
        a.setString(Tags.STUDY_INSTANCE_UID, Vr.UI, "1.2.3.4.5.1.7");
        a.setInt(Tags.PREGNANCY_STATUS, Vr.US, 4);
        Attributes sps = new Attributes();
        sps.setString(Tags.MODALITY, Vr.CS, "MR");
        sps.setString(Tags.SCHEDULED_STATION_AE_TITLE, Vr.AE, "AE_IRM1\\AE_IRM2");
        sps.setString(Tags.SCHEDULED_PROCEDURE_STEP_DESCRIPTION, Vr.LO, "IRM du genou, côté gauche");
        Attributes code = new Attributes();
        code.setString(Tags.CODE_VALUE, Vr.SH, "MR-GENOU");
        code.setString(Tags.CODE_MEANING, Vr.LO, "IRM du genou");
        sps.newSequence(Tags.SCHEDULED_PROTOCOL_CODE_SEQUENCE).add(code);
        a.newSequence(Tags.SCHEDULED_PROCEDURE_STEP_SEQUENCE).add(sps);
        a.newSequence(Tags.OTHER_PATIENT_IDS_SEQUENCE);
        return a;
    }

    @ParameterizedTest
    @EnumSource(TransferSyntax.class)
    void roundTripsWithSequencesAndBothCharacterSets(TransferSyntax syntax) throws Exception {
        for (String charset : new String[] {"ISO_IR 100", "ISO_IR 192"}) {
            Attributes original = sample(charset);
            Attributes read = DatasetReader.read(DatasetWriter.write(original, syntax), syntax);
            assertThat(read.toString()).isEqualTo(original.toString());
            assertThat(read.getString(Tags.PATIENT_NAME)).isEqualTo("LEFÈVRE^Hélène");
            assertThat(read.getInt(Tags.PREGNANCY_STATUS, -1)).isEqualTo(4);
        }
    }

    @Test
    void textIsEncodedInTheDeclaredSetAndPaddedToEvenLength() {
        byte[] latin1 = DatasetWriter.write(sample("ISO_IR 100"), TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
        byte[] utf8 = DatasetWriter.write(sample("ISO_IR 192"), TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
        assertThat(indexOf(latin1, "LEF\u00c8VRE".getBytes(StandardCharsets.ISO_8859_1))).isPositive();
        assertThat(indexOf(utf8, "LEFÈVRE".getBytes(StandardCharsets.UTF_8))).isPositive();
        assertThat(latin1.length % 2).isZero();
        Attributes uid = new Attributes().setString(Tags.STUDY_INSTANCE_UID, Vr.UI, "1.2.3");
        byte[] encoded = DatasetWriter.write(uid, TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN);
        assertThat(encoded[encoded.length - 1]).as("UI padded with NUL").isZero();
    }

    @Test
    void dcmdumpReadsWhatWeWrite() throws Exception {
        byte[] body = DatasetWriter.write(sample("ISO_IR 100"), TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
        Path file = dir.resolve("ours.dcm");
        Files.write(file, body);
        Dcmtk.Run dump = Dcmtk.run(dir, "dcmdump", "-f", "-t=", "+U8", "+E", file.toString());
        assertThat(dump.exit()).as(dump.all()).isZero();
        assertThat(dump.all()).doesNotContainIgnoringCase("error").doesNotContainIgnoringCase("warn");
        assertThat(dump.out()).contains("(0010,0010) PN [LEFÈVRE^Hélène]")
                .contains("(0040,0001) AE [AE_IRM1\\AE_IRM2]")
                .contains("(0040,0007) LO [IRM du genou, côté gauche]")
                .contains("(0008,0100) SH [MR-GENOU]")
                .contains("(0010,21c0) US 4")
                .containsPattern("\\(0010,1002\\) SQ \\(Sequence with explicit length #=0\\)");
    }

    @ParameterizedTest
    @EnumSource(TransferSyntax.class)
    void weReadWhatDump2dcmWritesWithUndefinedLengths(TransferSyntax syntax) throws Exception {
        Path text = dir.resolve("in.dump");
        Files.write(text, """
                (0008,0005) CS [ISO_IR 100]
                (0010,0010) PN [M\u00dcLLER^Zo\u00e9]
                (0040,0100) SQ (Sequence)
                (fffe,e000) na (Item)
                (0008,0060) CS [US]
                (0040,0008) SQ (Sequence)
                (fffe,e000) na (Item)
                (0008,0100) SH [US-ABDO]
                (fffe,e00d) na (ItemDelimitationItem)
                (fffe,e0dd) na (SequenceDelimitationItem)
                (fffe,e00d) na (ItemDelimitationItem)
                (fffe,e0dd) na (SequenceDelimitationItem)
                (0040,1001) SH [RP000000042]
                """.getBytes(StandardCharsets.ISO_8859_1));
        Path file = dir.resolve("in.dcm");
        String option = syntax.explicitVr() ? "+te" : "+ti";
        Dcmtk.Run run = Dcmtk.run(dir, "dump2dcm", "-F", option, "-e", "-u", text.toString(), file.toString());
        assertThat(run.exit()).as(run.all()).isZero();
        byte[] written = Files.readAllBytes(file);
        Attributes read = DatasetReader.read(written, syntax);
        assertThat(read.getString(Tags.PATIENT_NAME)).isEqualTo("MÜLLER^Zoé");
        Attributes sps = read.getSequence(Tags.SCHEDULED_PROCEDURE_STEP_SEQUENCE).get(0);
        assertThat(sps.getString(Tags.MODALITY)).isEqualTo("US");
        assertThat(sps.getSequence(Tags.SCHEDULED_PROTOCOL_CODE_SEQUENCE).get(0).getString(Tags.CODE_VALUE))
                .isEqualTo("US-ABDO");
        assertThat(read.getString(Tags.REQUESTED_PROCEDURE_ID)).isEqualTo("RP000000042");
    }

    @Test
    void malformedDataSetsAreRefusedWithAReason() {
        byte[] good = DatasetWriter.write(sample("ISO_IR 192"), TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
        assertThatThrownBy(() -> DatasetReader.read(Arrays.copyOf(good, good.length - 3),
                TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN)).isInstanceOf(DicomFormatException.class);
        byte[] unknownVr = {0x10, 0, 0x10, 0, 'Z', 'Z', 0, 0};
        assertThatThrownBy(() -> DatasetReader.read(unknownVr, true)).hasMessageContaining("VR inconnue");
        byte[] overrun = {0x10, 0, 0x10, 0, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 0x7F, 'A', 'B'};
        assertThatThrownBy(() -> DatasetReader.read(overrun, false)).hasMessageContaining("au-delà");
        byte[] undefinedText = {0x10, 0, 0x10, 0, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF};
        assertThatThrownBy(() -> DatasetReader.read(undefinedText, false)).hasMessageContaining("indéfinie");
        byte[] itemOutside = {(byte) 0xFE, (byte) 0xFF, 0, (byte) 0xE0, 0, 0, 0, 0};
        assertThatThrownBy(() -> DatasetReader.read(itemOutside, false)).hasMessageContaining("hors d'une séquence");
        byte[] unterminated = {0x40, 0, 0, 0x01, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF,
                (byte) 0xFE, (byte) 0xFF, 0, (byte) 0xE0, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF};
        assertThatThrownBy(() -> DatasetReader.read(unterminated, false)).isInstanceOf(DicomFormatException.class);
    }

    @Test
    void deeplyNestedSequencesAreRefusedNotOverflowed() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < 10_000; i++) {
            out.writeBytes(new byte[] {0x40, 0, 0, 0x01, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF,
                    (byte) 0xFE, (byte) 0xFF, 0, (byte) 0xE0, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF});
        }
        assertThatThrownBy(() -> DatasetReader.read(out.toByteArray(), false)).hasMessageContaining("imbriquées");
    }

    @Test
    void unknownAttributesInImplicitVrAreKeptAsUnknownAndUndefinedLengthOnesAsSequences() throws Exception {
        byte[] implicit = {0x09, 0x00, 0x10, 0x00, 2, 0, 0, 0, 'A', 'B', // private (0009,0010)
                0x77, 0x00, 0x77, 0x00, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, // (0077,0077) undefined
                (byte) 0xFE, (byte) 0xFF, (byte) 0xDD, (byte) 0xE0, 0, 0, 0, 0};
        Attributes read = DatasetReader.read(implicit, false);
        assertThat(read.get(Tag.of(0x0009, 0x0010)).vr()).isEqualTo(Vr.UN);
        assertThat(read.getSequence(Tag.of(0x0077, 0x0077))).isEmpty();
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
