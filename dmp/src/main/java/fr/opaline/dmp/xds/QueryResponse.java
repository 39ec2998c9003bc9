package fr.opaline.dmp.xds;

import static fr.opaline.dmp.soap.DmpNamespaces.QUERY;
import static fr.opaline.dmp.soap.DmpNamespaces.RIM;

import fr.opaline.dmp.soap.Dom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.w3c.dom.Element;

/** An ITI-18 answer: the DocumentEntries found and the associations between them. */
public record QueryResponse(RegistryResponses.Outcome outcome, List<XdsDocumentEntry> entries,
                            List<Association> associations) {

    /** An ebRIM association between two registry objects. */
    public record Association(String id, String type, String source, String target) {
    }

    public static QueryResponse read(Element response) {
        List<XdsDocumentEntry> entries = new ArrayList<>();
        List<Association> associations = new ArrayList<>();
        Element list = Dom.child(response, "RegistryObjectList");
        for (Element e : Dom.children(list, "ExtrinsicObject")) {
            entries.add(Rim.readDocumentEntry(e));
        }
        for (Element a : Dom.children(list, "Association")) {
            associations.add(new Association(a.getAttribute("id"), a.getAttribute("associationType"),
                    a.getAttribute("sourceObject"), a.getAttribute("targetObject")));
        }
        return new QueryResponse(RegistryResponses.read(response), List.copyOf(entries), List.copyOf(associations));
    }

    public static void write(Element soapBody, List<XdsDocumentEntry> entries, List<Association> associations,
                             List<RegistryError> errors) {
        Element response = Dom.add(soapBody, QUERY, "query:AdhocQueryResponse");
        RegistryResponses.status(response, errors);
        Element list = Dom.add(response, RIM, "rim:RegistryObjectList");
        Rim rim = new Rim();
        for (XdsDocumentEntry e : entries) {
            rim.documentEntry(list, e);
        }
        for (Association a : associations) {
            Rim.association(list, a.id(), a.type(), a.source(), a.target(), Map.of());
        }
    }
}
