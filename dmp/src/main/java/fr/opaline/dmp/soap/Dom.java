package fr.opaline.dmp.soap;

import fr.opaline.platform.xml.SecureXml;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/**
 * DOM building and reading for the DMP messages. Messages are built as DOM (not streamed) because
 * the VIHF assertion is signed in place; they are written without indentation so that the
 * signature stays valid. Parsing refuses DOCTYPE and entities (the platform's hardened parser).
 */
public final class Dom {

    private Dom() {
    }

    public static Document newDocument() {
        return SecureXml.newDocument();
    }

    /** Parses a received message; malformed XML, a DOCTYPE or an entity is refused. */
    public static Document parse(byte[] xml) throws SoapException {
        try {
            return SecureXml.parse(xml);
        } catch (SAXException e) {
            throw new SoapException("Message XML illisible : " + e.getMessage(), e);
        }
    }

    /** A new element in {@code ns} named {@code qname} ("prefix:local" or "local"), appended to parent. */
    public static Element add(Node parent, String ns, String qname) {
        Document doc = parent instanceof Document d ? d : parent.getOwnerDocument();
        Element e = doc.createElementNS(ns, qname);
        parent.appendChild(e);
        return e;
    }

    /** {@link #add} with text content; nothing added when the text is null. */
    public static Element add(Node parent, String ns, String qname, String text) {
        if (text == null) {
            return null;
        }
        Element e = add(parent, ns, qname);
        e.setTextContent(text);
        return e;
    }

    public static Element attr(Element e, String name, String value) {
        if (value != null) {
            e.setAttribute(name, value);
        }
        return e;
    }

    public static byte[] write(Node node) {
        return SecureXml.write(node);
    }

    public static String writeString(Node node) {
        return new String(write(node), StandardCharsets.UTF_8);
    }

    // --- reading ---------------------------------------------------------------------------

    public static List<Element> children(Element parent) {
        return SecureXml.children(parent);
    }

    /** First child with this local name (any namespace), or null. */
    public static Element child(Element parent, String localName) {
        return SecureXml.child(parent, localName);
    }

    public static List<Element> children(Element parent, String localName) {
        return SecureXml.childrenNamed(parent, localName);
    }

    /** Trimmed text of the first child named so, or null. */
    public static String text(Element parent, String localName) {
        return SecureXml.text(parent, localName);
    }

    /** Every descendant with this local name, in document order. */
    public static List<Element> descendants(Element root, String localName) {
        List<Element> out = new ArrayList<>();
        collect(root, localName, out);
        return out;
    }

    private static void collect(Element e, String localName, List<Element> out) {
        for (Element c : children(e)) {
            if (localName.equals(c.getLocalName())) {
                out.add(c);
            }
            collect(c, localName, out);
        }
    }

    /** The attribute's value, or null when absent or empty. */
    public static String attribute(Element e, String name) {
        if (e == null || !e.hasAttribute(name)) {
            return null;
        }
        String v = e.getAttribute(name);
        return v.isEmpty() ? null : v;
    }
}
