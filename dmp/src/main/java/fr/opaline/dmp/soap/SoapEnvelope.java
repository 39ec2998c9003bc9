package fr.opaline.dmp.soap;

import static fr.opaline.dmp.soap.DmpNamespaces.SOAP;
import static fr.opaline.dmp.soap.DmpNamespaces.WSA;
import static fr.opaline.dmp.soap.DmpNamespaces.WSSE;

import fr.opaline.platform.soap.Soap12;
import java.net.URI;
import java.util.Optional;
import java.util.UUID;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * A SOAP 1.2 envelope with its WS-Addressing headers (MessageID, Action, To, RelatesTo) and, for
 * requests, the WS-Security header that carries the signed VIHF assertion.
 */
public final class SoapEnvelope {

    private final Document doc;
    private final Element header;
    private final Element body;

    private SoapEnvelope(Document doc, Element header, Element body) {
        this.doc = doc;
        this.header = header;
        this.body = body;
    }

    /** A new request: MessageID (urn:uuid), Action (mustUnderstand) and To. */
    public static SoapEnvelope request(String action, URI to) {
        SoapEnvelope envelope = empty();
        Dom.add(envelope.header, WSA, "wsa:MessageID", "urn:uuid:" + UUID.randomUUID());
        Dom.add(envelope.header, WSA, "wsa:Action", action).setAttributeNS(SOAP, "soap:mustUnderstand", "true");
        Dom.add(envelope.header, WSA, "wsa:To", to.toString());
        return envelope;
    }

    /** A response to the request whose MessageID is {@code relatesTo}. */
    public static SoapEnvelope response(String action, String relatesTo) {
        SoapEnvelope envelope = empty();
        Dom.add(envelope.header, WSA, "wsa:Action", action).setAttributeNS(SOAP, "soap:mustUnderstand", "true");
        Dom.add(envelope.header, WSA, "wsa:MessageID", "urn:uuid:" + UUID.randomUUID());
        Dom.add(envelope.header, WSA, "wsa:RelatesTo", relatesTo);
        return envelope;
    }

    /** A fault response (SOAP 1.2: Code/Value, Subcode/Value, Reason/Text in French). */
    public static SoapEnvelope fault(SoapFault fault, String relatesTo) {
        SoapEnvelope envelope = response("http://www.w3.org/2005/08/addressing/soap/fault", relatesTo);
        Element f = Dom.add(envelope.body, SOAP, "soap:Fault");
        Element code = Dom.add(f, SOAP, "soap:Code");
        Dom.add(code, SOAP, "soap:Value", "soap:" + fault.code());
        if (fault.subcode() != null) {
            Dom.add(Dom.add(code, SOAP, "soap:Subcode"), SOAP, "soap:Value", fault.subcode());
        }
        Element text = Dom.add(Dom.add(f, SOAP, "soap:Reason"), SOAP, "soap:Text", fault.reason());
        text.setAttributeNS("http://www.w3.org/XML/1998/namespace", "xml:lang", "fr");
        return envelope;
    }

    private static SoapEnvelope empty() {
        Document doc = Soap12.newEnvelope();
        return new SoapEnvelope(doc, Soap12.header(doc), Soap12.body(doc));
    }

    /** Reads a received envelope; anything that is not a SOAP 1.2 envelope with a Body is refused. */
    public static SoapEnvelope read(byte[] xml) throws SoapException {
        Document doc = Dom.parse(xml);
        if (Soap12.envelope(doc) == null) {
            throw new SoapException("Ce n'est pas une enveloppe SOAP 1.2.");
        }
        Element header = Soap12.header(doc);
        Element body = Soap12.body(doc);
        if (body == null) {
            throw new SoapException("Enveloppe SOAP sans Body.");
        }
        return new SoapEnvelope(doc, header, body);
    }

    public Document document() {
        return doc;
    }

    public Element body() {
        return body;
    }

    public Element header() {
        return header;
    }

    /** The WS-Security header, created on first use. */
    public Element security() {
        Element existing = securityHeader();
        if (existing != null) {
            return existing;
        }
        Element security = Dom.add(header, WSSE, "wsse:Security");
        security.setAttributeNS(SOAP, "soap:mustUnderstand", "true");
        return security;
    }

    /** The WS-Security header if present. */
    public Element securityHeader() {
        if (header == null) {
            return null;
        }
        for (Element e : Dom.children(header)) {
            if (WSSE.equals(e.getNamespaceURI()) && "Security".equals(e.getLocalName())) {
                return e;
            }
        }
        return null;
    }

    public String action() {
        return addressing("Action");
    }

    public String messageId() {
        return addressing("MessageID");
    }

    public String to() {
        return addressing("To");
    }

    public String relatesTo() {
        return addressing("RelatesTo");
    }

    private String addressing(String name) {
        if (header == null) {
            return null;
        }
        for (Element e : Dom.children(header)) {
            if (WSA.equals(e.getNamespaceURI()) && name.equals(e.getLocalName())) {
                return e.getTextContent().trim();
            }
        }
        return null;
    }

    /** The first element of the Body (the operation's request or response), or null. */
    public Element payload() {
        return Dom.children(body).stream().findFirst().orElse(null);
    }

    public Optional<SoapFault> fault() {
        Element f = Soap12.fault(body);
        if (f == null) {
            return Optional.empty();
        }
        Element code = Dom.child(f, "Code");
        String value = localValue(Dom.text(code, "Value"));
        String subcode = Dom.text(Dom.child(code, "Subcode"), "Value");
        String reason = Dom.text(Dom.child(f, "Reason"), "Text");
        return Optional.of(new SoapFault(value, subcode, reason == null ? "" : reason));
    }

    private static String localValue(String qname) {
        if (qname == null) {
            return null;
        }
        int colon = qname.indexOf(':');
        return colon < 0 ? qname : qname.substring(colon + 1);
    }

    public byte[] bytes() {
        return Dom.write(doc);
    }
}
