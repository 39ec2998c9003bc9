package fr.opaline.documents.cda;

import fr.opaline.platform.xml.SecureXml;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Optional;
import javax.xml.XMLConstants;
import javax.xml.transform.Templates;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import javax.xml.transform.stream.StreamSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXParseException;

/**
 * Reads received CDA R2 documents (N1 and N3) safely: size limit checked before parsing, no
 * DOCTYPE (hence no external entity, no entity expansion bomb), secure processing; then header
 * metadata, the embedded PDF (N1 body or N3 copy section, shown first) and an HTML view through
 * an XSLT stylesheet on request.
 */
public final class CdaReader {

    public static final String NS = "urn:hl7-org:v3";
    public static final long DEFAULT_MAX_BYTES = 50L * 1024 * 1024;
    private static final String DEFAULT_STYLESHEET = "/fr/opaline/documents/cda-affichage.xsl";

    private final long maxBytes;

    public CdaReader() {
        this(DEFAULT_MAX_BYTES);
    }

    public CdaReader(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    /** A parsed CDA document. */
    public final class Parsed {
        private final Document dom;
        private final CdaHeader header;

        private Parsed(Document dom) {
            this.dom = dom;
            this.header = CdaHeaderParser.parse(dom.getDocumentElement());
        }

        public CdaHeader header() {
            return header;
        }

        /** INSEE code of the patient's birthplace (birthplace/place/addr/county), the fifth INS trait; empty when absent. */
        public Optional<String> birthplaceCode() {
            Element county = CdaHeaderParser.path(dom.getDocumentElement(), "recordTarget", "patientRole", "patient",
                    "birthplace", "place", "addr", "county");
            String code = county == null ? "" : county.getTextContent().strip();
            return code.isEmpty() ? Optional.empty() : Optional.of(code);
        }

        /** The PDF carried by the document: the N1 body, or the N3 copy section; empty when none. */
        public Optional<byte[]> pdf() {
            Element root = dom.getDocumentElement();
            for (Element body : CdaHeaderParser.children(root, "component")) {
                Element nonXml = CdaHeaderParser.child(body, "nonXMLBody");
                if (nonXml != null) {
                    Element text = CdaHeaderParser.child(nonXml, "text");
                    if (text != null && "application/pdf".equals(text.getAttribute("mediaType"))) {
                        return Optional.of(decodePdf(text));
                    }
                }
            }
            NodeList media = dom.getElementsByTagNameNS(NS, "observationMedia");
            for (int i = 0; i < media.getLength(); i++) {
                Element value = CdaHeaderParser.child((Element) media.item(i), "value");
                if (value != null && "application/pdf".equals(value.getAttribute("mediaType"))) {
                    return Optional.of(decodePdf(value));
                }
            }
            return Optional.empty();
        }

        /** HTML view with the given stylesheet, or Opaline's own when null. */
        public String html(Path stylesheet) {
            try {
                TransformerFactory factory = SecureXml.transformerFactory();
                // A practice's stylesheet may include its neighbours on disk, never anything remote.
                factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_STYLESHEET, stylesheet == null ? "" : "file");
                StreamSource xsl;
                if (stylesheet == null) {
                    xsl = new StreamSource(CdaReader.class.getResourceAsStream(DEFAULT_STYLESHEET), DEFAULT_STYLESHEET);
                } else {
                    if (!Files.isRegularFile(stylesheet)) {
                        throw new CdaReadException("Feuille de style introuvable : " + stylesheet);
                    }
                    xsl = new StreamSource(stylesheet.toFile());
                }
                Templates templates = factory.newTemplates(xsl);
                Transformer transformer = templates.newTransformer();
                StringWriter out = new StringWriter();
                transformer.transform(new DOMSource(dom), new StreamResult(out));
                return out.toString();
            } catch (TransformerException e) {
                throw new CdaReadException("Affichage du document impossible avec cette feuille de style : "
                        + e.getMessageAndLocation(), e);
            }
        }
    }

    public Parsed read(Path file) {
        try {
            long size = Files.size(file);
            checkSize(size);
            return read(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new CdaReadException("Lecture du fichier impossible : " + e.getMessage(), e);
        }
    }

    public Parsed read(byte[] xml) {
        checkSize(xml.length);
        try {
            Document dom = SecureXml.documentBuilder().parse(new ByteArrayInputStream(xml));
            Element root = dom.getDocumentElement();
            if (!"ClinicalDocument".equals(root.getLocalName()) || !NS.equals(root.getNamespaceURI())) {
                throw new CdaReadException("Ce n'est pas un document CDA R2 (élément racine « " + root.getNodeName() + " »).");
            }
            return new Parsed(dom);
        } catch (SAXParseException e) {
            String message = e.getMessage() == null ? "" : e.getMessage();
            if (message.contains("DOCTYPE")) {
                throw new CdaReadException("Document refusé : les déclarations DOCTYPE et entités XML ne sont pas admises "
                        + "dans un document CDA.", e);
            }
            throw new CdaReadException("Document CDA illisible (ligne " + e.getLineNumber() + ") : " + message, e);
        } catch (org.xml.sax.SAXException | IOException e) {
            throw new CdaReadException("Document CDA illisible : " + e.getMessage(), e);
        }
    }

    private void checkSize(long size) {
        if (size > maxBytes) {
            throw new CdaReadException("Document refusé : " + (size / (1024 * 1024)) + " Mo, au-delà de la limite de "
                    + (maxBytes / (1024 * 1024)) + " Mo.");
        }
    }

    private static byte[] decodePdf(Element element) {
        if (!"B64".equals(element.getAttribute("representation"))) {
            throw new CdaReadException("PDF intégré non encodé en base64 (representation=\""
                    + element.getAttribute("representation") + "\").");
        }
        byte[] pdf;
        try {
            pdf = Base64.getDecoder().decode(element.getTextContent().replaceAll("\\s+", ""));
        } catch (IllegalArgumentException e) {
            throw new CdaReadException("PDF intégré illisible : encodage base64 invalide (" + e.getMessage() + ").", e);
        }
        if (pdf.length < 5 || pdf[0] != '%' || pdf[1] != 'P' || pdf[2] != 'D' || pdf[3] != 'F') {
            throw new CdaReadException("Le contenu intégré n'est pas un PDF (en-tête %PDF absent).");
        }
        return pdf;
    }
}
