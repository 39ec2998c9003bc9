package fr.opaline.ins.insi;

import fr.opaline.platform.soap.Soap12;
import fr.opaline.platform.xml.SecureXml;
import java.util.List;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.xml.sax.SAXException;

/**
 * The INSi messages' XML, read through the platform's hardened parser ({@link SecureXml}: no
 * DOCTYPE, no external entity or schema, no XInclude) and its SOAP 1.2 envelope ({@link Soap12}).
 * The names are kept for the INSi client and its sandbox.
 */
public final class InsiXml {

    private InsiXml() {
    }

    /** Parses a SOAP message; a DOCTYPE, an entity or malformed XML is refused. */
    public static Document parse(byte[] xml) throws SAXException {
        return SecureXml.parse(xml);
    }

    public static List<Element> children(Element parent) {
        return SecureXml.children(parent);
    }

    /** First child with this local name, any namespace; null when absent. */
    public static Element child(Element parent, String localName) {
        return SecureXml.child(parent, localName);
    }

    public static List<Element> childrenNamed(Element parent, String localName) {
        return SecureXml.childrenNamed(parent, localName);
    }

    /** Trimmed text of the named child, null when the child is absent or empty. */
    public static String text(Element parent, String localName) {
        return SecureXml.text(parent, localName);
    }

    /** The SOAP 1.2 Envelope's Body, or null when the document is not a SOAP 1.2 envelope. */
    public static Element body(Document doc) {
        return Soap12.body(doc);
    }

    public static Element header(Document doc) {
        return Soap12.header(doc);
    }
}
