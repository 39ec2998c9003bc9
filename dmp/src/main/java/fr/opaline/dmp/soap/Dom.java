package fr.opaline.dmp.soap;

import fr.opaline.ins.insi.InsiXml;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/**
 * DOM building and reading for the DMP messages. Messages are built as DOM (not streamed) because
 * the VIHF assertion is signed in place; they are written without indentation so that the
 * signature stays valid. Parsing refuses DOCTYPE and entities (the INSi module's hardened parser).
 */
public final class Dom {

    private Dom() {
    }

    public static Document newDocument() {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            return factory.newDocumentBuilder().newDocument();
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Parses a received message; malformed XML, a DOCTYPE or an entity is refused. */
    public static Document parse(byte[] xml) throws SoapException {
        try {
            return InsiXml.parse(xml);
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
        try {
            TransformerFactory factory = TransformerFactory.newInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            Transformer transformer = factory.newTransformer();
            transformer.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
            transformer.setOutputProperty(OutputKeys.INDENT, "no");
            ByteArrayOutputStream out = new ByteArrayOutputStream(4096);
            transformer.transform(new DOMSource(node), new StreamResult(out));
            return out.toByteArray();
        } catch (TransformerException e) {
            throw new IllegalStateException("XML could not be written", e);
        }
    }

    public static String writeString(Node node) {
        return new String(write(node), StandardCharsets.UTF_8);
    }

    // --- reading ---------------------------------------------------------------------------

    public static List<Element> children(Element parent) {
        return InsiXml.children(parent);
    }

    /** First child with this local name (any namespace), or null. */
    public static Element child(Element parent, String localName) {
        return parent == null ? null : InsiXml.child(parent, localName);
    }

    public static List<Element> children(Element parent, String localName) {
        return parent == null ? List.of() : InsiXml.childrenNamed(parent, localName);
    }

    /** Trimmed text of the first child named so, or null. */
    public static String text(Element parent, String localName) {
        return InsiXml.text(parent, localName);
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
