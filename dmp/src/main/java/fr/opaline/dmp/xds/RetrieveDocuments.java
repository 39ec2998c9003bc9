package fr.opaline.dmp.xds;

import static fr.opaline.dmp.soap.DmpNamespaces.XDSB;
import static fr.opaline.dmp.soap.DmpNamespaces.XOP;

import fr.opaline.dmp.soap.Dom;
import fr.opaline.dmp.soap.MimeMultipart;
import fr.opaline.dmp.soap.SoapException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.w3c.dom.Element;

/** ITI-43 Retrieve Document Set: the request, and the answer with the documents as MTOM parts. */
public final class RetrieveDocuments {

    /** One document asked for: repository and uniqueId. */
    public record Request(String repositoryUniqueId, String uniqueId) {
    }

    /** One document returned. */
    public record Retrieved(String repositoryUniqueId, String uniqueId, String mimeType, byte[] content) {
    }

    private RetrieveDocuments() {
    }

    public static void writeRequest(Element soapBody, List<Request> requests) {
        Element r = Dom.add(soapBody, XDSB, "xdsb:RetrieveDocumentSetRequest");
        for (Request request : requests) {
            Element d = Dom.add(r, XDSB, "xdsb:DocumentRequest");
            Dom.add(d, XDSB, "xdsb:RepositoryUniqueId", request.repositoryUniqueId());
            Dom.add(d, XDSB, "xdsb:DocumentUniqueId", request.uniqueId());
        }
    }

    public static List<Request> readRequest(Element request) {
        List<Request> out = new ArrayList<>();
        for (Element d : Dom.children(request, "DocumentRequest")) {
            out.add(new Request(Dom.text(d, "RepositoryUniqueId"), Dom.text(d, "DocumentUniqueId")));
        }
        return out;
    }

    /** Writes the answer and returns the attachments to send with it. */
    public static List<MimeMultipart.Part> writeResponse(Element soapBody, List<Retrieved> documents,
                                                         List<RegistryError> errors) {
        Element response = Dom.add(soapBody, XDSB, "xdsb:RetrieveDocumentSetResponse");
        RegistryResponses.write(response, errors);
        List<MimeMultipart.Part> parts = new ArrayList<>();
        int index = 1;
        for (Retrieved d : documents) {
            Element dr = Dom.add(response, XDSB, "xdsb:DocumentResponse");
            Dom.add(dr, XDSB, "xdsb:RepositoryUniqueId", d.repositoryUniqueId());
            Dom.add(dr, XDSB, "xdsb:DocumentUniqueId", d.uniqueId());
            Dom.add(dr, XDSB, "xdsb:mimeType", d.mimeType());
            String cid = MimeMultipart.newContentId(index++);
            Dom.add(Dom.add(dr, XDSB, "xdsb:Document"), XOP, "xop:Include").setAttribute("href", "cid:" + cid);
            parts.add(new MimeMultipart.Part(cid, d.mimeType(), d.content()));
        }
        return parts;
    }

    /** Reads the documents of an answer, from their MTOM parts (or inline base64). */
    public static List<Retrieved> readResponse(Element response, List<MimeMultipart.Part> parts) throws SoapException {
        List<Retrieved> out = new ArrayList<>();
        for (Element dr : Dom.children(response, "DocumentResponse")) {
            Element document = Dom.child(dr, "Document");
            byte[] content;
            Element include = Dom.child(document, "Include");
            if (include != null) {
                MimeMultipart.Part part = MimeMultipart.byHref(parts, include.getAttribute("href"));
                if (part == null) {
                    throw new SoapException("Document annoncé mais absent de la réponse : " + include.getAttribute("href"));
                }
                content = part.content();
            } else if (document != null) {
                content = Base64.getMimeDecoder().decode(document.getTextContent().trim());
            } else {
                throw new SoapException("Réponse ITI-43 sans contenu de document.");
            }
            out.add(new Retrieved(Dom.text(dr, "RepositoryUniqueId"), Dom.text(dr, "DocumentUniqueId"),
                    Dom.text(dr, "mimeType"), content));
        }
        return out;
    }
}
