package fr.opaline.ins.insi;

import java.io.StringWriter;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/** Writes SOAP 1.2 envelopes with StAX (so every value is escaped). */
public final class SoapWriter {

    @FunctionalInterface
    public interface Part {
        void write(SoapWriter w) throws XMLStreamException;
    }

    private final XMLStreamWriter xml;

    private SoapWriter(XMLStreamWriter xml) {
        this.xml = xml;
    }

    public static String envelope(Part header, Part body) {
        StringWriter out = new StringWriter(2048);
        try {
            XMLStreamWriter xml = XMLOutputFactory.newInstance().createXMLStreamWriter(out);
            SoapWriter w = new SoapWriter(xml);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeStartElement("soap", "Envelope", InsiSoap.SOAP_NS);
            xml.writeNamespace("soap", InsiSoap.SOAP_NS);
            if (header != null) {
                xml.writeStartElement("soap", "Header", InsiSoap.SOAP_NS);
                header.write(w);
                xml.writeEndElement();
            }
            xml.writeStartElement("soap", "Body", InsiSoap.SOAP_NS);
            body.write(w);
            xml.writeEndElement();
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("SOAP message could not be written", e);
        }
        return out.toString();
    }

    /** Opens an element in a namespace, declaring the prefix on it. */
    public SoapWriter start(String prefix, String ns, String name) throws XMLStreamException {
        xml.writeStartElement(prefix, name, ns);
        xml.writeNamespace(prefix, ns);
        return this;
    }

    /** Opens an element in a namespace made the default one (unprefixed children), as INSi answers. */
    public SoapWriter startDefault(String ns, String name) throws XMLStreamException {
        xml.writeStartElement("", name, ns);
        xml.writeDefaultNamespace(ns);
        return this;
    }

    /** Opens an element whose prefix is already declared by an ancestor. */
    public SoapWriter open(String prefix, String ns, String name) throws XMLStreamException {
        xml.writeStartElement(prefix, name, ns);
        return this;
    }

    public SoapWriter attribute(String name, String value) throws XMLStreamException {
        xml.writeAttribute(name, value);
        return this;
    }

    public SoapWriter end() throws XMLStreamException {
        xml.writeEndElement();
        return this;
    }

    /** A leaf element with text; nothing written when the value is null. */
    public SoapWriter leaf(String prefix, String ns, String name, String value) throws XMLStreamException {
        if (value != null) {
            xml.writeStartElement(prefix, name, ns);
            xml.writeCharacters(value);
            xml.writeEndElement();
        }
        return this;
    }

    public SoapWriter text(String value) throws XMLStreamException {
        xml.writeCharacters(value);
        return this;
    }
}
