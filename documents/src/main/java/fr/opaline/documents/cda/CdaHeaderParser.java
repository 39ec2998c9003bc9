package fr.opaline.documents.cda;

import fr.opaline.documents.cda.CdaHeader.Coded;
import fr.opaline.documents.cda.CdaHeader.InstanceId;
import fr.opaline.documents.cda.CdaHeader.Organization;
import fr.opaline.documents.cda.CdaHeader.Professional;
import fr.opaline.documents.cda.CdaHeader.ServiceEvent;
import java.util.ArrayList;
import java.util.List;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/** Reads the header elements of a ClinicalDocument DOM into a {@link CdaHeader}. */
final class CdaHeaderParser {

    private CdaHeaderParser() {
    }

    static CdaHeader parse(Element doc) {
        List<String> templates = new ArrayList<>();
        for (Element t : children(doc, "templateId")) {
            templates.add(t.getAttribute("root"));
        }
        boolean structured = false;
        for (Element c : children(doc, "component")) {
            structured |= child(c, "structuredBody") != null;
        }
        InstanceId id = id(child(doc, "id"));
        if (id == null) {
            throw new CdaReadException("Document CDA sans identifiant (élément id).");
        }
        Element versionNumber = child(doc, "versionNumber");
        int version = 1;
        if (versionNumber != null && !versionNumber.getAttribute("value").isBlank()) {
            try {
                version = Integer.parseInt(versionNumber.getAttribute("value").strip());
            } catch (NumberFormatException e) {
                throw new CdaReadException("versionNumber invalide : " + versionNumber.getAttribute("value"));
            }
        }
        Element patientRole = path(doc, "recordTarget", "patientRole");
        List<InstanceId> patientIds = new ArrayList<>();
        CdaHeader.PatientName name = null;
        String gender = null;
        String birth = null;
        if (patientRole != null) {
            for (Element pid : children(patientRole, "id")) {
                patientIds.add(id(pid));
            }
            Element patient = child(patientRole, "patient");
            if (patient != null) {
                name = patientName(child(patient, "name"));
                gender = attr(child(patient, "administrativeGenderCode"), "code");
                birth = attr(child(patient, "birthTime"), "value");
            }
        }
        Element author = path(doc, "author", "assignedAuthor");
        Element legal = path(doc, "legalAuthenticator", "assignedEntity");
        Element order = path(doc, "inFulfillmentOf", "order");
        InstanceId accession = null;
        if (order != null) {
            for (Node n = order.getFirstChild(); n != null; n = n.getNextSibling()) {
                if (n instanceof Element e && "accessionNumber".equals(e.getLocalName())) {
                    accession = id(e);
                }
            }
        }
        List<ServiceEvent> events = new ArrayList<>();
        for (Element documentation : children(doc, "documentationOf")) {
            Element event = child(documentation, "serviceEvent");
            if (event != null) {
                events.add(serviceEvent(event));
            }
        }
        Element related = path(doc, "relatedDocument", "parentDocument");
        InstanceId replaced = related == null ? null : id(child(related, "id"));
        Element facility = path(doc, "componentOf", "encompassingEncounter", "location", "healthCareFacility");
        return new CdaHeader(structured ? CdaHeader.Level.N3 : CdaHeader.Level.N1, id, id(child(doc, "setId")), version,
                coded(child(doc, "code")), text(child(doc, "title")), CdaTime.parse(attr(child(doc, "effectiveTime"), "value")),
                coded(child(doc, "confidentialityCode")), attr(child(doc, "languageCode"), "code"), List.copyOf(templates),
                List.copyOf(patientIds), name, gender, birth, professional(author),
                CdaTime.parse(attr(path(doc, "author", "time"), "value")), professional(legal),
                CdaTime.parse(attr(path(doc, "legalAuthenticator", "time"), "value")),
                organization(path(doc, "custodian", "assignedCustodian", "representedCustodianOrganization")),
                order == null ? null : id(child(order, "id")), accession, List.copyOf(events),
                facility == null ? null : coded(child(facility, "code")), replaced == null ? null : replaced.asUid());
    }

    private static CdaHeader.PatientName patientName(Element name) {
        if (name == null) {
            return null;
        }
        String birthName = null;
        String usedName = null;
        String birthGiven = null;
        String firstGiven = null;
        String usedGiven = null;
        for (Element part : elements(name)) {
            String qualifier = part.getAttribute("qualifier");
            String value = part.getTextContent().strip();
            if ("family".equals(part.getLocalName())) {
                if ("BR".equals(qualifier)) {
                    birthName = value;
                } else if (usedName == null) {
                    usedName = value;
                }
            } else if ("given".equals(part.getLocalName())) {
                if ("BR".equals(qualifier)) {
                    firstGiven = value;
                } else if ("CL".equals(qualifier)) {
                    usedGiven = value;
                } else if (birthGiven == null) {
                    birthGiven = value;
                }
            }
        }
        return new CdaHeader.PatientName(birthName, birthGiven, firstGiven, usedName, usedGiven);
    }

    private static Professional professional(Element assigned) {
        if (assigned == null) {
            return null;
        }
        Element name = path(assigned, "assignedPerson", "name");
        return new Professional(id(child(assigned, "id")), text(child(name, "given")), text(child(name, "family")),
                coded(child(assigned, "code")), organization(child(assigned, "representedOrganization")));
    }

    private static Organization organization(Element org) {
        if (org == null) {
            return null;
        }
        return new Organization(id(child(org, "id")), text(child(org, "name")), coded(child(org, "standardIndustryClassCode")));
    }

    private static ServiceEvent serviceEvent(Element event) {
        Element code = child(event, "code");
        List<Coded> modalities = new ArrayList<>();
        List<Coded> regions = new ArrayList<>();
        if (code != null) {
            for (Element translation : children(code, "translation")) {
                String qualifierName = attr(path(translation, "qualifier", "name"), "code");
                if ("121139".equals(qualifierName)) {
                    modalities.add(coded(translation));
                } else if ("39111-0".equals(qualifierName)) {
                    regions.add(coded(translation));
                }
            }
        }
        InstanceId study = id(child(event, "id"));
        Element time = child(event, "effectiveTime");
        return new ServiceEvent(study == null ? null : study.root(), coded(code), List.copyOf(modalities),
                List.copyOf(regions), CdaTime.parse(attr(child(time, "low"), "value")),
                CdaTime.parse(attr(child(time, "high"), "value")));
    }

    private static InstanceId id(Element e) {
        if (e == null || e.getAttribute("root").isBlank()) {
            return null;
        }
        String extension = e.getAttribute("extension");
        return new InstanceId(e.getAttribute("root").strip(), extension.isBlank() ? null : extension.strip());
    }

    private static Coded coded(Element e) {
        if (e == null || e.getAttribute("code").isBlank()) {
            return null;
        }
        String display = e.getAttribute("displayName");
        return new Coded(e.getAttribute("code"), e.getAttribute("codeSystem"), display.isBlank() ? null : display);
    }

    private static String attr(Element e, String name) {
        return e == null || e.getAttribute(name).isBlank() ? null : e.getAttribute(name);
    }

    private static String text(Element e) {
        return e == null ? null : e.getTextContent().strip();
    }

    static Element path(Element from, String... names) {
        Element current = from;
        for (String name : names) {
            current = child(current, name);
            if (current == null) {
                return null;
            }
        }
        return current;
    }

    static Element child(Element parent, String localName) {
        if (parent == null) {
            return null;
        }
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && localName.equals(e.getLocalName()) && CdaReader.NS.equals(e.getNamespaceURI())) {
                return e;
            }
        }
        return null;
    }

    static List<Element> children(Element parent, String localName) {
        List<Element> out = new ArrayList<>();
        for (Element e : elements(parent)) {
            if (localName.equals(e.getLocalName()) && CdaReader.NS.equals(e.getNamespaceURI())) {
                out.add(e);
            }
        }
        return out;
    }

    private static List<Element> elements(Element parent) {
        List<Element> out = new ArrayList<>();
        if (parent != null) {
            for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
                if (n instanceof Element e) {
                    out.add(e);
                }
            }
        }
        return out;
    }
}
