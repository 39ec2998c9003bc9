package fr.opaline.dmp.xds;

import static fr.opaline.dmp.soap.DmpNamespaces.QUERY;
import static fr.opaline.dmp.soap.DmpNamespaces.RIM;

import fr.opaline.dmp.soap.Dom;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.w3c.dom.Element;

/**
 * An ITI-18 Registry Stored Query: its query id and parameters ({@code $XDSDocumentEntry…}), with
 * values written as XDS wants them (quoted strings, lists in parentheses, DTM numbers bare).
 */
public record StoredQuery(String queryId, Map<String, String> parameters) {

    public static final String PATIENT_ID = "$XDSDocumentEntryPatientId";
    public static final String STATUS = "$XDSDocumentEntryStatus";
    public static final String CREATION_FROM = "$XDSDocumentEntryCreationTimeFrom";
    public static final String CREATION_TO = "$XDSDocumentEntryCreationTimeTo";
    public static final String TYPE_CODE = "$XDSDocumentEntryTypeCode";
    public static final String UNIQUE_ID = "$XDSDocumentEntryUniqueId";
    public static final String ASSOCIATION_TYPES = "$AssociationTypes";

    /** FindDocuments for a patient, with the statuses asked and an optional creation-time window. */
    public static StoredQuery findDocuments(String patientId, List<String> statuses, String creationFrom,
                                            String creationTo, List<String> typeCodes) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put(PATIENT_ID, quote(patientId));
        p.put(STATUS, list(statuses));
        if (creationFrom != null) {
            p.put(CREATION_FROM, creationFrom);
        }
        if (creationTo != null) {
            p.put(CREATION_TO, creationTo);
        }
        if (typeCodes != null && !typeCodes.isEmpty()) {
            p.put(TYPE_CODE, list(typeCodes));
        }
        return new StoredQuery(XdsVocabulary.FIND_DOCUMENTS, p);
    }

    /** GetDocuments by uniqueId (whatever their status). */
    public static StoredQuery getDocuments(List<String> uniqueIds) {
        return new StoredQuery(XdsVocabulary.GET_DOCUMENTS, Map.of(UNIQUE_ID, list(uniqueIds)));
    }

    /** GetRelatedDocuments: the documents linked to one by the given association types (e.g. RPLC). */
    public static StoredQuery getRelatedDocuments(String uniqueId, List<String> associationTypes) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put(UNIQUE_ID, quote(uniqueId));
        p.put(ASSOCIATION_TYPES, list(associationTypes));
        return new StoredQuery(XdsVocabulary.GET_RELATED_DOCUMENTS, p);
    }

    public void write(Element soapBody) {
        Element request = Dom.add(soapBody, QUERY, "query:AdhocQueryRequest");
        Element option = Dom.add(request, QUERY, "query:ResponseOption");
        option.setAttribute("returnComposedObjects", "true");
        option.setAttribute("returnType", "LeafClass");
        Element query = Dom.add(request, RIM, "rim:AdhocQuery");
        query.setAttribute("id", queryId);
        parameters.forEach((name, value) -> Rim.slot(query, name, List.of(value)));
    }

    /** Reads a received AdhocQueryRequest. */
    public static StoredQuery read(Element request) {
        Element query = Dom.child(request, "AdhocQuery");
        if (query == null) {
            throw new IllegalArgumentException("AdhocQuery absente");
        }
        Map<String, String> p = new LinkedHashMap<>();
        for (Element slot : Dom.children(query, "Slot")) {
            p.put(slot.getAttribute("name"), String.join(",", Rim.slotValues(query, slot.getAttribute("name"))));
        }
        return new StoredQuery(query.getAttribute("id"), p);
    }

    /** The values of a parameter, unquoted, list parentheses removed. */
    public List<String> values(String name) {
        String raw = parameters.get(name);
        if (raw == null) {
            return List.of();
        }
        String s = raw.trim();
        if (s.startsWith("(") && s.endsWith(")")) {
            s = s.substring(1, s.length() - 1);
        }
        List<String> out = new ArrayList<>();
        for (String piece : s.split(",")) {
            String v = piece.trim();
            if (v.length() >= 2 && v.startsWith("'") && v.endsWith("'")) {
                v = v.substring(1, v.length() - 1).replace("''", "'");
            }
            if (!v.isEmpty()) {
                out.add(v);
            }
        }
        return out;
    }

    public String value(String name) {
        List<String> v = values(name);
        return v.isEmpty() ? null : v.get(0);
    }

    static String quote(String value) {
        return "'" + value.replace("'", "''") + "'";
    }

    static String list(List<String> values) {
        return values.stream().map(StoredQuery::quote).collect(Collectors.joining(",", "(", ")"));
    }
}
