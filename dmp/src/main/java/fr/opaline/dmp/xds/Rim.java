package fr.opaline.dmp.xds;

import static fr.opaline.dmp.soap.DmpNamespaces.RIM;

import fr.opaline.dmp.soap.Dom;
import fr.opaline.documents.xds.XdsMetadata.Code;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.w3c.dom.Element;

/**
 * ebRIM 3.0 building blocks of the XDS metadata: slots, names, coded classifications, external
 * identifiers and associations, written and read the same way by the client and the sandbox.
 */
public final class Rim {

    private final AtomicInteger sequence = new AtomicInteger();

    /** A new writer; it numbers the classification and identifier ids of one message. */
    public Rim() {
    }

    private String nextId(String prefix) {
        return prefix + sequence.incrementAndGet();
    }

    // --- writing ---------------------------------------------------------------------------

    public static Element slot(Element parent, String name, List<String> values) {
        Element slot = Dom.add(parent, RIM, "rim:Slot");
        slot.setAttribute("name", name);
        Element list = Dom.add(slot, RIM, "rim:ValueList");
        for (String v : values) {
            Dom.add(list, RIM, "rim:Value", v);
        }
        return slot;
    }

    public static void slot(Element parent, String name, String value) {
        if (value != null && !value.isEmpty()) {
            slot(parent, name, List.of(value));
        }
    }

    public static void name(Element parent, String element, String text) {
        if (text == null) {
            return;
        }
        Element localized = Dom.add(Dom.add(parent, RIM, "rim:" + element), RIM, "rim:LocalizedString");
        localized.setAttributeNS("http://www.w3.org/XML/1998/namespace", "xml:lang", "fr-FR");
        localized.setAttribute("charset", "UTF-8");
        localized.setAttribute("value", text);
    }

    public Element classification(Element parent, String scheme, String classified, Code code) {
        Element c = Dom.add(parent, RIM, "rim:Classification");
        c.setAttribute("id", nextId("cl"));
        c.setAttribute("classificationScheme", scheme);
        c.setAttribute("classifiedObject", classified);
        c.setAttribute("nodeRepresentation", code == null ? "" : code.code());
        if (code != null) {
            slot(c, "codingScheme", code.scheme());
            name(c, "Name", code.displayName());
        }
        return c;
    }

    public void classificationNode(Element parent, String node, String classified) {
        Element c = Dom.add(parent, RIM, "rim:Classification");
        c.setAttribute("id", nextId("cl"));
        c.setAttribute("classificationNode", node);
        c.setAttribute("classifiedObject", classified);
    }

    public void externalIdentifier(Element parent, String scheme, String registryObject, String value, String label) {
        Element e = Dom.add(parent, RIM, "rim:ExternalIdentifier");
        e.setAttribute("id", nextId("ei"));
        e.setAttribute("identificationScheme", scheme);
        e.setAttribute("registryObject", registryObject);
        e.setAttribute("value", value);
        name(e, "Name", label);
    }

    public static Element association(Element parent, String id, String type, String source, String target,
                                      Map<String, String> slots) {
        Element a = Dom.add(parent, RIM, "rim:Association");
        a.setAttribute("id", id);
        a.setAttribute("associationType", type);
        a.setAttribute("sourceObject", source);
        a.setAttribute("targetObject", target);
        slots.forEach((name, value) -> slot(a, name, value));
        return a;
    }

    /** The ExtrinsicObject of a DocumentEntry with every metadata field. */
    public Element documentEntry(Element parent, XdsDocumentEntry e) {
        Element eo = Dom.add(parent, RIM, "rim:ExtrinsicObject");
        eo.setAttribute("id", e.entryUuid());
        eo.setAttribute("lid", e.logicalId() == null ? e.entryUuid() : e.logicalId());
        Dom.attr(eo, "status", e.status());
        eo.setAttribute("mimeType", e.mimeType());
        eo.setAttribute("objectType", XdsVocabulary.DOCUMENT_ENTRY);
        slot(eo, "creationTime", e.creationTime());
        slot(eo, "hash", e.hash());
        slot(eo, "languageCode", e.languageCode());
        slot(eo, "legalAuthenticator", e.legalAuthenticator());
        slot(eo, "repositoryUniqueId", e.repositoryUniqueId());
        slot(eo, "serviceStartTime", e.serviceStartTime());
        slot(eo, "serviceStopTime", e.serviceStopTime());
        slot(eo, "size", e.size() == null ? null : Long.toString(e.size()));
        slot(eo, "sourcePatientId", e.sourcePatientId());
        if (!e.sourcePatientInfo().isEmpty()) {
            slot(eo, "sourcePatientInfo", e.sourcePatientInfo());
        }
        if (!e.referenceIds().isEmpty()) {
            slot(eo, "urn:ihe:iti:xds:2013:referenceIdList", e.referenceIds());
        }
        name(eo, "Name", e.title());
        Dom.add(eo, RIM, "rim:VersionInfo").setAttribute("versionName", Integer.toString(e.metadataVersion()));
        Element author = classification(eo, XdsVocabulary.DE_AUTHOR, e.entryUuid(), null);
        slot(author, "authorPerson", e.authorPerson());
        slot(author, "authorInstitution", e.authorInstitution());
        if (e.authorSpecialty() != null) {
            slot(author, "authorSpecialty", codedValue(e.authorSpecialty()));
        }
        classification(eo, XdsVocabulary.DE_CLASS_CODE, e.entryUuid(), e.classCode());
        for (Code c : e.confidentialityCodes()) {
            classification(eo, XdsVocabulary.DE_CONFIDENTIALITY, e.entryUuid(), c);
        }
        for (Code c : e.eventCodes()) {
            classification(eo, XdsVocabulary.DE_EVENT_CODE, e.entryUuid(), c);
        }
        classification(eo, XdsVocabulary.DE_FORMAT_CODE, e.entryUuid(), e.formatCode());
        if (e.healthcareFacilityTypeCode() != null) {
            classification(eo, XdsVocabulary.DE_FACILITY_TYPE, e.entryUuid(), e.healthcareFacilityTypeCode());
        }
        if (e.practiceSettingCode() != null) {
            classification(eo, XdsVocabulary.DE_PRACTICE_SETTING, e.entryUuid(), e.practiceSettingCode());
        }
        classification(eo, XdsVocabulary.DE_TYPE_CODE, e.entryUuid(), e.typeCode());
        externalIdentifier(eo, XdsVocabulary.DE_PATIENT_ID, e.entryUuid(), e.patientId(), "XDSDocumentEntry.patientId");
        externalIdentifier(eo, XdsVocabulary.DE_UNIQUE_ID, e.entryUuid(), e.uniqueId(), "XDSDocumentEntry.uniqueId");
        return eo;
    }

    /** code^display^scheme, the form of a coded slot value. */
    public static String codedValue(Code code) {
        return code.code() + "^" + (code.displayName() == null ? "" : code.displayName()) + "^" + code.scheme();
    }

    // --- reading ---------------------------------------------------------------------------

    public static List<String> slotValues(Element owner, String name) {
        for (Element slot : Dom.children(owner, "Slot")) {
            if (name.equals(slot.getAttribute("name"))) {
                List<String> values = new ArrayList<>();
                for (Element v : Dom.children(Dom.child(slot, "ValueList"), "Value")) {
                    values.add(v.getTextContent().trim());
                }
                return values;
            }
        }
        return List.of();
    }

    public static String slotValue(Element owner, String name) {
        List<String> values = slotValues(owner, name);
        return values.isEmpty() ? null : values.get(0);
    }

    public static String localized(Element owner, String element) {
        Element localized = Dom.child(Dom.child(owner, element), "LocalizedString");
        return Dom.attribute(localized, "value");
    }

    private static Code code(Element classification) {
        return new Code(classification.getAttribute("nodeRepresentation"), slotValue(classification, "codingScheme"),
                localized(classification, "Name"));
    }

    private static Code parseCoded(String value) {
        if (value == null) {
            return null;
        }
        String[] p = value.split("\\^", -1);
        return new Code(p[0], p.length > 2 ? p[2] : null, p.length > 1 && !p[1].isEmpty() ? p[1] : null);
    }

    /** Reads an ExtrinsicObject back into a DocumentEntry. */
    public static XdsDocumentEntry readDocumentEntry(Element eo) {
        String id = eo.getAttribute("id");
        List<Code> confidentiality = new ArrayList<>();
        List<Code> events = new ArrayList<>();
        Code classCode = null;
        Code typeCode = null;
        Code formatCode = null;
        Code facility = null;
        Code practice = null;
        String authorPerson = null;
        String authorInstitution = null;
        Code authorSpecialty = null;
        for (Element c : Dom.children(eo, "Classification")) {
            switch (c.getAttribute("classificationScheme")) {
                case XdsVocabulary.DE_AUTHOR -> {
                    authorPerson = slotValue(c, "authorPerson");
                    authorInstitution = slotValue(c, "authorInstitution");
                    authorSpecialty = parseCoded(slotValue(c, "authorSpecialty"));
                }
                case XdsVocabulary.DE_CLASS_CODE -> classCode = code(c);
                case XdsVocabulary.DE_TYPE_CODE -> typeCode = code(c);
                case XdsVocabulary.DE_FORMAT_CODE -> formatCode = code(c);
                case XdsVocabulary.DE_FACILITY_TYPE -> facility = code(c);
                case XdsVocabulary.DE_PRACTICE_SETTING -> practice = code(c);
                case XdsVocabulary.DE_CONFIDENTIALITY -> confidentiality.add(code(c));
                case XdsVocabulary.DE_EVENT_CODE -> events.add(code(c));
                default -> {
                }
            }
        }
        String patientId = null;
        String uniqueId = null;
        for (Element ei : Dom.children(eo, "ExternalIdentifier")) {
            if (XdsVocabulary.DE_PATIENT_ID.equals(ei.getAttribute("identificationScheme"))) {
                patientId = ei.getAttribute("value");
            } else if (XdsVocabulary.DE_UNIQUE_ID.equals(ei.getAttribute("identificationScheme"))) {
                uniqueId = ei.getAttribute("value");
            }
        }
        if (uniqueId == null) {
            throw new IllegalArgumentException("DocumentEntry " + id + " sans uniqueId");
        }
        String size = slotValue(eo, "size");
        String version = Dom.attribute(Dom.child(eo, "VersionInfo"), "versionName");
        return new XdsDocumentEntry(id, Dom.attribute(eo, "lid"), version == null ? 1 : Integer.parseInt(version),
                uniqueId, slotValue(eo, "repositoryUniqueId"), Dom.attribute(eo, "status"), patientId,
                slotValue(eo, "sourcePatientId"), slotValues(eo, "sourcePatientInfo"), localized(eo, "Name"),
                classCode, typeCode, formatCode, eo.getAttribute("mimeType"), confidentiality, events, facility, practice,
                slotValue(eo, "creationTime"), slotValue(eo, "serviceStartTime"), slotValue(eo, "serviceStopTime"),
                slotValue(eo, "languageCode"), slotValue(eo, "legalAuthenticator"), authorPerson, authorInstitution,
                authorSpecialty, size == null ? null : Long.valueOf(size), slotValue(eo, "hash"),
                slotValues(eo, "urn:ihe:iti:xds:2013:referenceIdList"));
    }
}
