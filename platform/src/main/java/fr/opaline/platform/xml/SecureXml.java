package fr.opaline.platform.xml;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerConfigurationException;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * The one XML parser of Opaline, with every guard: namespace aware, no DOCTYPE (hence no entity,
 * internal or external, and no billion laughs), no external DTD or schema loaded, no XInclude,
 * secure processing (the JDK's entity and size limits), a bounded element depth and a bounded
 * input size. Every document received from outside (SOAP responses, CDA, XDM metadata) is read
 * through it; the transformer factory below is the one used to write or transform XML.
 */
public final class SecureXml {

    /** Inputs larger than this are refused unless the caller gives its own limit. */
    public static final int DEFAULT_MAX_BYTES = 64 * 1024 * 1024;
    /** Deeper documents are refused (a CDA or a SOAP message is a few dozen levels deep). */
    public static final int MAX_ELEMENT_DEPTH = 1000;

    private static final String JDK_MAX_ELEMENT_DEPTH = "http://www.oracle.com/xml/jaxp/properties/maxElementDepth";

    private SecureXml() {
    }

    /** A hardened, namespace-aware factory (one per call: factories are not thread-safe). */
    public static DocumentBuilderFactory documentBuilderFactory() {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        try {
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("Analyseur XML sans les protections requises : " + e.getMessage(), e);
        }
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        factory.setAttribute(JDK_MAX_ELEMENT_DEPTH, String.valueOf(MAX_ELEMENT_DEPTH));
        factory.setXIncludeAware(false);
        factory.setExpandEntityReferences(false);
        return factory;
    }

    /**
     * A builder from {@link #documentBuilderFactory()}: fatal errors (malformed XML, a DOCTYPE)
     * are thrown, warnings and recoverable errors are not printed on the console, and any external
     * entity the parser would still resolve is refused.
     */
    public static DocumentBuilder documentBuilder() {
        try {
            DocumentBuilder builder = documentBuilderFactory().newDocumentBuilder();
            builder.setErrorHandler(new ErrorHandler() {
                @Override
                public void warning(SAXParseException e) {
                }

                @Override
                public void error(SAXParseException e) {
                }

                @Override
                public void fatalError(SAXParseException e) throws SAXException {
                    throw e;
                }
            });
            builder.setEntityResolver((publicId, systemId) -> {
                throw new SAXParseException("Entité externe refusée : " + systemId, null);
            });
            return builder;
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Parses a document of at most {@link #DEFAULT_MAX_BYTES}; a DOCTYPE, an entity or malformed XML is refused. */
    public static Document parse(byte[] xml) throws SAXException {
        return parse(xml, DEFAULT_MAX_BYTES);
    }

    /** Parses a document of at most {@code maxBytes}; a DOCTYPE, an entity or malformed XML is refused. */
    public static Document parse(byte[] xml, int maxBytes) throws SAXException {
        if (xml.length > maxBytes) {
            throw new SAXException("Document XML refusé : " + xml.length + " octets, au-delà de la limite de "
                    + maxBytes + " octets.");
        }
        try {
            return documentBuilder().parse(new ByteArrayInputStream(xml));
        } catch (IOException e) {
            throw new SAXException(e);
        }
    }

    /** An empty namespace-aware document, to build a message in. */
    public static Document newDocument() {
        return documentBuilder().newDocument();
    }

    /**
     * A transformer factory with secure processing and no external DTD or stylesheet; a caller
     * that must read a stylesheet from disk widens {@link XMLConstants#ACCESS_EXTERNAL_STYLESHEET}
     * itself, to "file" only.
     */
    public static TransformerFactory transformerFactory() {
        TransformerFactory factory = TransformerFactory.newInstance();
        try {
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        } catch (TransformerConfigurationException e) {
            throw new IllegalStateException(e);
        }
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_STYLESHEET, "");
        return factory;
    }

    /** The node as UTF-8 bytes, without indentation (a signature made in place stays valid). */
    public static byte[] write(Node node) {
        try {
            Transformer transformer = transformerFactory().newTransformer();
            transformer.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
            transformer.setOutputProperty(OutputKeys.INDENT, "no");
            ByteArrayOutputStream out = new ByteArrayOutputStream(4096);
            transformer.transform(new DOMSource(node), new StreamResult(out));
            return out.toByteArray();
        } catch (TransformerException e) {
            throw new IllegalStateException("XML could not be written", e);
        }
    }

    // --- navigation by local name ------------------------------------------------------------

    /** The element children of {@code parent}, in document order. */
    public static List<Element> children(Element parent) {
        List<Element> out = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                out.add(e);
            }
        }
        return out;
    }

    /** First child with this local name, any namespace; null when absent or when parent is null. */
    public static Element child(Element parent, String localName) {
        if (parent == null) {
            return null;
        }
        for (Element e : children(parent)) {
            if (localName.equals(e.getLocalName())) {
                return e;
            }
        }
        return null;
    }

    /** The children with this local name, any namespace; empty when parent is null. */
    public static List<Element> childrenNamed(Element parent, String localName) {
        List<Element> out = new ArrayList<>();
        if (parent == null) {
            return out;
        }
        for (Element e : children(parent)) {
            if (localName.equals(e.getLocalName())) {
                out.add(e);
            }
        }
        return out;
    }

    /** Trimmed text of the named child, null when the child is absent or empty. */
    public static String text(Element parent, String localName) {
        Element e = child(parent, localName);
        if (e == null) {
            return null;
        }
        String t = e.getTextContent().trim();
        return t.isEmpty() ? null : t;
    }
}
