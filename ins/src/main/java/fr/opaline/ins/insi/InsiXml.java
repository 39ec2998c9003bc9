package fr.opaline.ins.insi;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Hardened XML for SOAP messages: no DOCTYPE, no external entities or schemas, no XInclude,
 * and navigation helpers by namespace and local name.
 */
public final class InsiXml {

    private InsiXml() {
    }

    /** Parses a SOAP message; a DOCTYPE, an entity or malformed XML is refused. */
    public static Document parse(byte[] xml) throws SAXException {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(new DefaultHandler() {
                @Override
                public void warning(org.xml.sax.SAXParseException e) {
                }
            });
            return builder.parse(new ByteArrayInputStream(xml));
        } catch (ParserConfigurationException | IOException e) {
            throw new SAXException(e);
        }
    }

    public static List<Element> children(Element parent) {
        List<Element> out = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                out.add(e);
            }
        }
        return out;
    }

    /** First child with this local name, any namespace; null when absent. */
    public static Element child(Element parent, String localName) {
        for (Element e : children(parent)) {
            if (localName.equals(e.getLocalName())) {
                return e;
            }
        }
        return null;
    }

    public static List<Element> childrenNamed(Element parent, String localName) {
        List<Element> out = new ArrayList<>();
        for (Element e : children(parent)) {
            if (localName.equals(e.getLocalName())) {
                out.add(e);
            }
        }
        return out;
    }

    /** Trimmed text of the named child, null when the child is absent or empty. */
    public static String text(Element parent, String localName) {
        Element e = parent == null ? null : child(parent, localName);
        if (e == null) {
            return null;
        }
        String t = e.getTextContent().trim();
        return t.isEmpty() ? null : t;
    }

    /** The SOAP 1.2 Envelope's Body, or null when the document is not a SOAP 1.2 envelope. */
    public static Element body(Document doc) {
        Element envelope = doc.getDocumentElement();
        if (envelope == null || !"Envelope".equals(envelope.getLocalName())
                || !InsiSoap.SOAP_NS.equals(envelope.getNamespaceURI())) {
            return null;
        }
        for (Element e : children(envelope)) {
            if ("Body".equals(e.getLocalName()) && InsiSoap.SOAP_NS.equals(e.getNamespaceURI())) {
                return e;
            }
        }
        return null;
    }

    public static Element header(Document doc) {
        Element envelope = doc.getDocumentElement();
        for (Element e : children(envelope)) {
            if ("Header".equals(e.getLocalName()) && InsiSoap.SOAP_NS.equals(e.getNamespaceURI())) {
                return e;
            }
        }
        return null;
    }
}
