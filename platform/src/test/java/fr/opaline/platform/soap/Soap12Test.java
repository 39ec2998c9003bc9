package fr.opaline.platform.soap;

import static org.assertj.core.api.Assertions.assertThat;

import fr.opaline.platform.xml.SecureXml;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

class Soap12Test {

    private static Document parse(String xml) throws Exception {
        return SecureXml.parse(xml.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void readsHeaderBodyAndFault() throws Exception {
        Document doc = parse("<s:Envelope xmlns:s='" + Soap12.NAMESPACE + "'><s:Header><h/></s:Header>"
                + "<s:Body><s:Fault><s:Reason><s:Text>refus</s:Text></s:Reason></s:Fault></s:Body></s:Envelope>");
        assertThat(Soap12.envelope(doc)).isNotNull();
        assertThat(Soap12.header(doc).getFirstChild().getLocalName()).isEqualTo("h");
        assertThat(Soap12.fault(Soap12.body(doc))).isNotNull();
    }

    @Test
    void aNewEnvelopeIsWrittenAndReadBack() throws Exception {
        Document doc = Soap12.newEnvelope();
        Soap12.body(doc).appendChild(doc.createElementNS("urn:x", "x:r"));
        String xml = new String(SecureXml.write(doc), StandardCharsets.UTF_8);
        assertThat(xml).contains("<soap:Envelope xmlns:soap=\"" + Soap12.NAMESPACE + "\"><soap:Header/><soap:Body>");
        Document read = parse(xml);
        assertThat(Soap12.header(read)).isNotNull();
        assertThat(Soap12.body(read).getFirstChild().getLocalName()).isEqualTo("r");
    }

    @Test
    void aResponseIsNotAFault() throws Exception {
        Document doc = parse("<s:Envelope xmlns:s='" + Soap12.NAMESPACE + "'><s:Body><r/><s:Fault/></s:Body></s:Envelope>");
        assertThat(Soap12.header(doc)).isNull();
        assertThat(Soap12.fault(Soap12.body(doc))).isNull();
        assertThat(Soap12.fault(null)).isNull();
    }

    @Test
    void aSoap11EnvelopeIsNotRead() throws Exception {
        Document doc = parse("<s:Envelope xmlns:s='http://schemas.xmlsoap.org/soap/envelope/'><s:Body/></s:Envelope>");
        assertThat(Soap12.envelope(doc)).isNull();
        assertThat(Soap12.body(doc)).isNull();
        assertThat(Soap12.header(doc)).isNull();
    }
}
