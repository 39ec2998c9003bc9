package fr.opaline.platform.soap;

import fr.opaline.platform.xml.SecureXml;
import java.util.List;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * SOAP 1.2 (W3C, 2003): the envelope namespace and media type, and the envelope's parts as read
 * from a parsed message. The INSi and DMP clients build and read their envelopes with these.
 */
public final class Soap12 {

    public static final String NAMESPACE = "http://www.w3.org/2003/05/soap-envelope";
    public static final String CONTENT_TYPE = "application/soap+xml";
    public static final String ENVELOPE = "Envelope";
    public static final String HEADER = "Header";
    public static final String BODY = "Body";
    public static final String FAULT = "Fault";

    private Soap12() {
    }

    /** A new message: a SOAP 1.2 Envelope (prefix {@code soap}) holding an empty Header and Body. */
    public static Document newEnvelope() {
        Document doc = SecureXml.newDocument();
        Element envelope = doc.createElementNS(NAMESPACE, "soap:" + ENVELOPE);
        doc.appendChild(envelope);
        envelope.appendChild(doc.createElementNS(NAMESPACE, "soap:" + HEADER));
        envelope.appendChild(doc.createElementNS(NAMESPACE, "soap:" + BODY));
        return doc;
    }

    /** True when {@code e} is the SOAP 1.2 element of this local name. */
    public static boolean is(Element e, String localName) {
        return e != null && localName.equals(e.getLocalName()) && NAMESPACE.equals(e.getNamespaceURI());
    }

    /** The document's root when it is a SOAP 1.2 Envelope, else null. */
    public static Element envelope(Document doc) {
        Element root = doc.getDocumentElement();
        return is(root, ENVELOPE) ? root : null;
    }

    /** The Envelope's Header, or null (no header, or not a SOAP 1.2 envelope). */
    public static Element header(Document doc) {
        return part(envelope(doc), HEADER);
    }

    /** The Envelope's Body, or null (no body, or not a SOAP 1.2 envelope). */
    public static Element body(Document doc) {
        return part(envelope(doc), BODY);
    }

    /** The Fault carried by this Body (its first child), or null when the body holds a response. */
    public static Element fault(Element body) {
        if (body == null) {
            return null;
        }
        List<Element> content = SecureXml.children(body);
        return !content.isEmpty() && is(content.get(0), FAULT) ? content.get(0) : null;
    }

    private static Element part(Element envelope, String localName) {
        if (envelope == null) {
            return null;
        }
        for (Element e : SecureXml.children(envelope)) {
            if (is(e, localName)) {
                return e;
            }
        }
        return null;
    }
}
