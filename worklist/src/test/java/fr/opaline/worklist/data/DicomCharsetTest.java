package fr.opaline.worklist.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class DicomCharsetTest {

    @Test
    void definedTermsMapToTheirSets() {
        assertThat(DicomCharset.of(null)).isSameAs(DicomCharset.DEFAULT);
        assertThat(DicomCharset.of("")).isSameAs(DicomCharset.DEFAULT);
        assertThat(DicomCharset.of("ISO_IR 100")).isSameAs(DicomCharset.ISO_IR_100);
        assertThat(DicomCharset.of("ISO_IR 192")).isSameAs(DicomCharset.ISO_IR_192);
        assertThat(DicomCharset.of("ISO_IR 148").charset().name()).isEqualTo("ISO-8859-9");
        assertThat(DicomCharset.of("\\ISO 2022 IR 87").supported()).isFalse();
        assertThat(DicomCharset.of("GB18030").supported()).isFalse();
    }

    @Test
    void decodingNeverFails() {
        byte[] latin1InDefault = "Hélène".getBytes(StandardCharsets.ISO_8859_1);
        assertThat(DicomCharset.DEFAULT.decode(latin1InDefault, 0, latin1InDefault.length)).isEqualTo("Hélène");
        byte[] brokenUtf8 = {'A', (byte) 0xC3};
        assertThat(DicomCharset.ISO_IR_192.decode(brokenUtf8, 0, 2)).isEqualTo("A\uFFFD");
    }

    @Test
    void fitSpellsOutOrDropsAccentsInsteadOfGarbling() {
        assertThat(DicomCharset.ISO_IR_100.fit("CŒUR^Zoé")).isEqualTo("COEUR^Zoé");
        assertThat(DicomCharset.DEFAULT.fit("Lefèvre-Saint’Œuf")).isEqualTo("Lefevre-Saint'OEuf");
        assertThat(DicomCharset.ISO_IR_100.fit("Łódź")).isEqualTo("Lódz");
        assertThat(DicomCharset.DEFAULT.fit("Łódź")).isEqualTo("Lodz");
        assertThat(DicomCharset.ISO_IR_100.fit("東京")).isEqualTo("??");
        assertThat(DicomCharset.ISO_IR_192.fit("CŒUR")).isEqualTo("CŒUR");
    }
}
