package fr.opaline.documents.xdm;

import fr.opaline.documents.xds.XdsMetadata;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.IntFunction;

/** ebRIM 3.0 SubmitObjectsRequest (ITI TF-3 §4.2) describing an XDM submission set and its documents. */
final class EbRimWriter {

    private static final String DOCUMENT_ENTRY = "urn:uuid:7edca82f-054d-47f2-a032-9b2a5b5186c1";
    private static final String AUTHOR = "urn:uuid:93606bcf-9494-43ec-9b4e-a7748d1a838d";
    private static final String CLASS_CODE = "urn:uuid:41a5887f-8865-4c09-adf7-e362475b143a";
    private static final String CONFIDENTIALITY = "urn:uuid:f4f85eac-e6cb-4883-b524-f2705394840f";
    private static final String EVENT_CODE = "urn:uuid:2c6b8cb7-8b2a-4051-b291-b1ae6a575ef4";
    private static final String FORMAT_CODE = "urn:uuid:a09d5840-386c-46f2-b5ad-9c3699a4309d";
    private static final String FACILITY_TYPE = "urn:uuid:f33fb8ac-18af-42cc-ae0e-ed0b0bdb91e1";
    private static final String PRACTICE_SETTING = "urn:uuid:cccf5598-8b07-4b77-a05e-ae952c785ead";
    private static final String TYPE_CODE = "urn:uuid:f0306f51-975f-434e-a61c-c59651d33983";
    private static final String DOC_PATIENT_ID = "urn:uuid:58a6f841-87b3-4a3e-92fd-a8ffeff98427";
    private static final String DOC_UNIQUE_ID = "urn:uuid:2e82c1f6-a085-4c72-9da3-8640a32e42ab";
    private static final String SUBMISSION_SET = "urn:uuid:a54d6aa5-d40d-43f9-88c5-b4633d873bdd";
    private static final String SS_AUTHOR = "urn:uuid:a7058bb9-b4e4-4307-ba5b-e3f0ab85e12d";
    private static final String CONTENT_TYPE = "urn:uuid:aa543740-bdda-424e-8c96-df4873be8500";
    private static final String SS_UNIQUE_ID = "urn:uuid:96fdda7c-d067-4183-912e-bf5ee74998a8";
    private static final String SS_SOURCE_ID = "urn:uuid:554ac39e-e3fe-47fe-b233-965d2a147832";
    private static final String SS_PATIENT_ID = "urn:uuid:6b5aea1a-874d-4603-a4bc-96a0a7b38446";

    private final StringBuilder x = new StringBuilder(16 * 1024);
    private int classifications;

    private EbRimWriter() {
    }

    static byte[] submitObjectsRequest(XdmPackage.Submission s, List<XdmPackage.Entry> entries, IntFunction<String> uris) {
        EbRimWriter w = new EbRimWriter();
        StringBuilder x = w.x;
        x.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                .append("<lcm:SubmitObjectsRequest xmlns:lcm=\"urn:oasis:names:tc:ebxml-regrep:xsd:lcm:3.0\" ")
                .append("xmlns:rim=\"urn:oasis:names:tc:ebxml-regrep:xsd:rim:3.0\">\n<rim:RegistryObjectList>\n");
        for (int i = 0; i < entries.size(); i++) {
            w.documentEntry("Document" + (i + 1), entries.get(i).metadata(), uris.apply(i));
        }
        x.append("<rim:RegistryPackage id=\"SubmissionSet01\" objectType=\"urn:oasis:names:tc:ebxml-regrep:ObjectType:RegistryObject:RegistryPackage\">\n");
        w.slot("submissionTime", XdmPackage.dtm(s.submissionTime()));
        w.name(s.title());
        x.append("<rim:Classification id=\"cl-ss\" classifiedObject=\"SubmissionSet01\" classificationNode=\"")
                .append(SUBMISSION_SET).append("\"/>\n");
        w.classification(SS_AUTHOR, "SubmissionSet01", "", null, List.of(
                new String[] {"authorInstitution", s.authorInstitution()}, new String[] {"authorPerson", s.authorPerson()}));
        w.coded(CONTENT_TYPE, "SubmissionSet01", new XdsMetadata.Code("07", "1.2.250.1.213.2.2", "Consultation externe"));
        w.externalId(SS_UNIQUE_ID, "SubmissionSet01", s.uniqueId(), "XDSSubmissionSet.uniqueId");
        w.externalId(SS_SOURCE_ID, "SubmissionSet01", s.sourceId(), "XDSSubmissionSet.sourceId");
        w.externalId(SS_PATIENT_ID, "SubmissionSet01", s.patientId(), "XDSSubmissionSet.patientId");
        x.append("</rim:RegistryPackage>\n");
        for (int i = 0; i < entries.size(); i++) {
            x.append("<rim:Association id=\"as").append(i + 1)
                    .append("\" associationType=\"urn:oasis:names:tc:ebxml-regrep:AssociationType:HasMember\" ")
                    .append("sourceObject=\"SubmissionSet01\" targetObject=\"Document").append(i + 1).append("\">\n");
            w.slot("SubmissionSetStatus", "Original");
            x.append("</rim:Association>\n");
        }
        x.append("</rim:RegistryObjectList>\n</lcm:SubmitObjectsRequest>\n");
        return x.toString().getBytes(StandardCharsets.UTF_8);
    }

    private void documentEntry(String id, XdsMetadata m, String uri) {
        x.append("<rim:ExtrinsicObject id=\"").append(id).append("\" mimeType=\"").append(esc(m.mimeType()))
                .append("\" objectType=\"").append(DOCUMENT_ENTRY).append("\">\n");
        slot("creationTime", XdmPackage.dtm(m.creationTime()));
        slot("languageCode", m.languageCode());
        slot("serviceStartTime", XdmPackage.dtm(m.serviceStartTime()));
        slot("serviceStopTime", XdmPackage.dtm(m.serviceStopTime()));
        slot("sourcePatientId", m.sourcePatientId());
        slots("sourcePatientInfo", m.sourcePatientInfo());
        slot("legalAuthenticator", m.legalAuthenticator());
        slot("size", Long.toString(m.size()));
        slot("hash", m.hash());
        slot("URI", uri);
        slots("urn:ihe:iti:xds:2013:referenceIdList", m.referenceIds());
        name(m.title());
        classification(AUTHOR, id, "", null, List.of(new String[] {"authorPerson", m.authorPerson()},
                new String[] {"authorInstitution", m.authorInstitution()},
                new String[] {"authorSpecialty", m.authorSpecialty() == null ? null
                        : m.authorSpecialty().code() + "^" + nz(m.authorSpecialty().displayName()) + "^" + m.authorSpecialty().scheme()}));
        coded(CLASS_CODE, id, m.classCode());
        m.confidentialityCodes().forEach(c -> coded(CONFIDENTIALITY, id, c));
        m.eventCodes().forEach(c -> coded(EVENT_CODE, id, c));
        coded(FORMAT_CODE, id, m.formatCode());
        coded(FACILITY_TYPE, id, m.healthcareFacilityTypeCode());
        coded(PRACTICE_SETTING, id, m.practiceSettingCode());
        coded(TYPE_CODE, id, m.typeCode());
        externalId(DOC_PATIENT_ID, id, m.patientId(), "XDSDocumentEntry.patientId");
        externalId(DOC_UNIQUE_ID, id, m.uniqueId(), "XDSDocumentEntry.uniqueId");
        x.append("</rim:ExtrinsicObject>\n");
    }

    private void coded(String scheme, String object, XdsMetadata.Code code) {
        if (code != null) {
            classification(scheme, object, code.code(), code.displayName(),
                    List.<String[]>of(new String[] {"codingScheme", code.scheme()}));
        }
    }

    private void classification(String scheme, String object, String representation, String name, List<String[]> slots) {
        classifications++;
        x.append("<rim:Classification id=\"cl").append(classifications).append("\" classificationScheme=\"").append(scheme)
                .append("\" classifiedObject=\"").append(object).append("\" nodeRepresentation=\"").append(esc(representation))
                .append("\">\n");
        for (String[] slot : slots) {
            slot(slot[0], slot[1]);
        }
        if (name != null) {
            name(name);
        }
        x.append("</rim:Classification>\n");
    }

    private void externalId(String scheme, String object, String value, String name) {
        if (value == null) {
            return;
        }
        classifications++;
        x.append("<rim:ExternalIdentifier id=\"ei").append(classifications).append("\" identificationScheme=\"").append(scheme)
                .append("\" registryObject=\"").append(object).append("\" value=\"").append(esc(value)).append("\">\n");
        name(name);
        x.append("</rim:ExternalIdentifier>\n");
    }

    private void slot(String name, String value) {
        if (value != null) {
            slots(name, List.of(value));
        }
    }

    private void slots(String name, List<String> values) {
        if (values == null || values.isEmpty()) {
            return;
        }
        x.append("<rim:Slot name=\"").append(esc(name)).append("\"><rim:ValueList>");
        for (String v : values) {
            x.append("<rim:Value>").append(esc(v)).append("</rim:Value>");
        }
        x.append("</rim:ValueList></rim:Slot>\n");
    }

    private void name(String value) {
        if (value != null) {
            x.append("<rim:Name><rim:LocalizedString value=\"").append(esc(value)).append("\"/></rim:Name>\n");
        }
    }

    private static String esc(String s) {
        return XdmPackage.escape(s);
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
