package fr.opaline.documents.cda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hostile or broken documents are refused with a clear message; the ANS examples are read. */
class CdaReaderHostileInputTest {

    private final CdaReader reader = new CdaReader();

    @Test
    void refusesExternalEntities(@TempDir Path dir) throws Exception {
        Path secret = Files.writeString(dir.resolve("secret.txt"), "SECRET");
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY x SYSTEM \"" + secret.toUri() + "\">]>"
                + "<ClinicalDocument xmlns=\"urn:hl7-org:v3\"><id root=\"1.2\"/><title>&x;</title></ClinicalDocument>";
        assertThatThrownBy(() -> reader.read(xxe.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(CdaReadException.class).hasMessageContaining("DOCTYPE").hasMessageNotContaining("SECRET");
    }

    @Test
    void refusesBillionLaughs() {
        StringBuilder dtd = new StringBuilder("<!DOCTYPE d [<!ENTITY l0 \"ha\">");
        for (int i = 1; i < 10; i++) {
            dtd.append("<!ENTITY l").append(i).append(" \"").append(("&l" + (i - 1) + ";").repeat(10)).append("\">");
        }
        String bomb = "<?xml version=\"1.0\"?>" + dtd + "]><ClinicalDocument xmlns=\"urn:hl7-org:v3\"><title>&l9;</title></ClinicalDocument>";
        assertThatThrownBy(() -> reader.read(bomb.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(CdaReadException.class).hasMessageContaining("DOCTYPE");
    }

    @Test
    void refusesA200MegabyteDocumentBeforeParsing(@TempDir Path dir) throws Exception {
        Path big = dir.resolve("big.xml");
        try (var out = Files.newOutputStream(big)) {
            out.write("<ClinicalDocument xmlns=\"urn:hl7-org:v3\"><title>".getBytes(StandardCharsets.UTF_8));
            byte[] chunk = "a".repeat(1 << 20).getBytes(StandardCharsets.UTF_8);
            for (int i = 0; i < 200; i++) {
                out.write(chunk);
            }
        }
        assertThatThrownBy(() -> reader.read(big)).isInstanceOf(CdaReadException.class)
                .hasMessageContaining("200 Mo").hasMessageContaining("limite de 50 Mo");
    }

    @Test
    void refusesBrokenBase64() {
        String cda = "<ClinicalDocument xmlns=\"urn:hl7-org:v3\"><id root=\"1.2.3\"/><component><nonXMLBody>"
                + "<text mediaType=\"application/pdf\" representation=\"B64\">JVBERi0x@@@###</text></nonXMLBody></component>"
                + "</ClinicalDocument>";
        CdaReader.Parsed parsed = reader.read(cda.getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(parsed::pdf).isInstanceOf(CdaReadException.class).hasMessageContaining("base64 invalide");
    }

    @Test
    void refusesWhatIsNotCdaOrNotXml() {
        assertThatThrownBy(() -> reader.read("<html/>".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(CdaReadException.class).hasMessageContaining("pas un document CDA");
        assertThatThrownBy(() -> reader.read("<ClinicalDocument".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(CdaReadException.class).hasMessageContaining("illisible");
    }

    @Test
    void readsTheAnsExamplesHeaderPdfAndHtmlView() throws Exception {
        Path fixtures = Path.of(System.getProperty("opaline.shared", "../../shared"), "fixtures", "cda");
        CdaReader.Parsed n1 = reader.read(fixtures.resolve("IMG_CR_IMG_2024.01_CDA-R2-Niveau-1.xml"));
        assertThat(n1.header().level()).isEqualTo(CdaHeader.Level.N1);
        assertThat(n1.header().ins().extension()).isEqualTo("279035121518989");
        assertThat(n1.header().accessionNumber().extension()).isEqualTo("105234751");
        assertThat(n1.header().serviceEvents()).hasSize(4);
        assertThat(n1.pdf()).hasValueSatisfying(pdf -> assertThat(new String(pdf, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-"));
        CdaReader.Parsed n3 = reader.read(fixtures.resolve("IMG_CR_IMG_2024.01.xml"));
        assertThat(n3.header().level()).isEqualTo(CdaHeader.Level.N3);
        assertThat(n3.pdf()).isPresent();
        assertThat(n3.html(null)).contains("<h2>Conclusion</h2>", "PAT-TROIS");
    }
}
