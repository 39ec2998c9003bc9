package fr.opaline.platform.xml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.xml.sax.SAXException;

class SecureXmlTest {

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void parsesANamespacedDocumentAndNavigatesByLocalName() throws Exception {
        Document doc = SecureXml.parse(utf8("<a:root xmlns:a='urn:a'><a:item> un </a:item><b xmlns='urn:b'/>"
                + "<a:item>deux</a:item><a:empty>  </a:empty></a:root>"));
        Element root = doc.getDocumentElement();
        assertThat(root.getNamespaceURI()).isEqualTo("urn:a");
        assertThat(SecureXml.children(root)).hasSize(4);
        assertThat(SecureXml.childrenNamed(root, "item")).hasSize(2);
        assertThat(SecureXml.text(root, "item")).isEqualTo("un");
        assertThat(SecureXml.text(root, "empty")).isNull();
        assertThat(SecureXml.text(root, "absent")).isNull();
        assertThat(SecureXml.child(null, "item")).isNull();
        assertThat(SecureXml.child(root, "b").getNamespaceURI()).isEqualTo("urn:b");
    }

    @Test
    void refusesExternalEntities(@TempDir Path dir) throws Exception {
        Path secret = dir.resolve("secret.txt");
        Files.writeString(secret, "MOT-DE-PASSE");
        String xxe = "<?xml version='1.0'?><!DOCTYPE r [<!ENTITY x SYSTEM '" + secret.toUri() + "'>]><r>&x;</r>";
        assertThatThrownBy(() -> SecureXml.parse(utf8(xxe))).isInstanceOf(SAXException.class)
                .hasMessageContaining("DOCTYPE");
    }

    @Test
    void refusesTheBillionLaughs() {
        StringBuilder dtd = new StringBuilder("<?xml version='1.0'?><!DOCTYPE lolz [<!ENTITY lol0 'lol'>");
        for (int i = 1; i < 10; i++) {
            dtd.append("<!ENTITY lol").append(i).append(" '")
                    .append(("&lol" + (i - 1) + ";").repeat(10)).append("'>");
        }
        dtd.append("]><lolz>&lol9;</lolz>");
        assertThatThrownBy(() -> SecureXml.parse(utf8(dtd.toString()))).isInstanceOf(SAXException.class)
                .hasMessageContaining("DOCTYPE");
    }

    @Test
    void refusesAnExternalDtd(@TempDir Path dir) throws Exception {
        Path dtd = dir.resolve("evil.dtd");
        Files.writeString(dtd, "<!ENTITY leak 'fuite'>");
        String xml = "<?xml version='1.0'?><!DOCTYPE r SYSTEM '" + dtd.toUri() + "'><r/>";
        assertThatThrownBy(() -> SecureXml.parse(utf8(xml))).isInstanceOf(SAXException.class)
                .hasMessageContaining("DOCTYPE");
        // Even a builder told to accept a DOCTYPE would not fetch the DTD: the factory forbids external access.
        var factory = SecureXml.documentBuilderFactory();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", false);
        Path doc = dir.resolve("doc.xml");
        Files.writeString(doc, xml);
        Document parsed = factory.newDocumentBuilder().parse(doc.toFile());
        assertThat(parsed.getDoctype().getEntities().getNamedItem("leak")).isNull();
    }

    @Test
    void refusesMalformedXmlAndOversizedInput() {
        assertThatThrownBy(() -> SecureXml.parse(utf8("<r><unclosed></r>"))).isInstanceOf(SAXException.class);
        assertThatThrownBy(() -> SecureXml.parse(utf8("<r>" + "x".repeat(100) + "</r>"), 50))
                .isInstanceOf(SAXException.class).hasMessageContaining("au-delà de la limite");
    }

    @Test
    void refusesADocumentDeeperThanTheLimit() {
        int depth = SecureXml.MAX_ELEMENT_DEPTH + 10;
        String xml = "<e>".repeat(depth) + "</e>".repeat(depth);
        assertThatThrownBy(() -> SecureXml.parse(utf8(xml))).isInstanceOf(SAXException.class);
    }

    @Test
    void writesWithoutIndentationAndReadsBack() throws Exception {
        Document doc = SecureXml.newDocument();
        Element root = doc.createElementNS("urn:a", "a:root");
        doc.appendChild(root);
        root.appendChild(doc.createElementNS("urn:a", "a:child")).setTextContent("é");
        String written = new String(SecureXml.write(doc), StandardCharsets.UTF_8);
        assertThat(written).contains("<a:root xmlns:a=\"urn:a\"><a:child>é</a:child></a:root>");
        assertThat(SecureXml.text(SecureXml.parse(utf8(written)).getDocumentElement(), "child")).isEqualTo("é");
    }

    @Test
    void theTransformerFactoryRefusesAnExternalStylesheet(@TempDir Path dir) throws Exception {
        Path xsl = dir.resolve("include.xsl");
        Files.writeString(xsl, "<xsl:stylesheet version='1.0' xmlns:xsl='http://www.w3.org/1999/XSL/Transform'>"
                + "<xsl:include href='" + dir.resolve("other.xsl").toUri() + "'/></xsl:stylesheet>");
        Files.writeString(dir.resolve("other.xsl"),
                "<xsl:stylesheet version='1.0' xmlns:xsl='http://www.w3.org/1999/XSL/Transform'/>");
        var factory = SecureXml.transformerFactory();
        factory.setErrorListener(new javax.xml.transform.ErrorListener() {
            public void warning(javax.xml.transform.TransformerException e) { }
            public void error(javax.xml.transform.TransformerException e) throws javax.xml.transform.TransformerException {
                throw e;
            }
            public void fatalError(javax.xml.transform.TransformerException e)
                    throws javax.xml.transform.TransformerException {
                throw e;
            }
        });
        assertThatThrownBy(() -> factory.newTemplates(new javax.xml.transform.stream.StreamSource(xsl.toFile())))
                .isInstanceOf(javax.xml.transform.TransformerException.class);
    }
}
