package fr.opaline.dmp.xds;

import fr.opaline.documents.xds.XdsMetadata.Code;

/** The identifiers of the IHE XDS.b profile (ITI TF-3 §4.2) and the DMP's own additions. */
public final class XdsVocabulary {

    // ebRIM object types and classification nodes
    public static final String DOCUMENT_ENTRY = "urn:uuid:7edca82f-054d-47f2-a032-9b2a5b5186c1";
    public static final String SUBMISSION_SET = "urn:uuid:a54d6aa5-d40d-43f9-88c5-b4633d873bdd";

    // DocumentEntry classification and identification schemes
    public static final String DE_AUTHOR = "urn:uuid:93606bcf-9494-43ec-9b4e-a7748d1a838d";
    public static final String DE_CLASS_CODE = "urn:uuid:41a5887f-8865-4c09-adf7-e362475b143a";
    public static final String DE_CONFIDENTIALITY = "urn:uuid:f4f85eac-e6cb-4883-b524-f2705394840f";
    public static final String DE_EVENT_CODE = "urn:uuid:2c6b8cb7-8b2a-4051-b291-b1ae6a575ef4";
    public static final String DE_FORMAT_CODE = "urn:uuid:a09d5840-386c-46f2-b5ad-9c3699a4309d";
    public static final String DE_FACILITY_TYPE = "urn:uuid:f33fb8ac-18af-42cc-ae0e-ed0b0bdb91e1";
    public static final String DE_PRACTICE_SETTING = "urn:uuid:cccf5598-8b07-4b77-a05e-ae952c785ead";
    public static final String DE_TYPE_CODE = "urn:uuid:f0306f51-975f-434e-a61c-c59651d33983";
    public static final String DE_PATIENT_ID = "urn:uuid:58a6f841-87b3-4a3e-92fd-a8ffeff98427";
    public static final String DE_UNIQUE_ID = "urn:uuid:2e82c1f6-a085-4c72-9da3-8640a32e42ab";

    // SubmissionSet schemes
    public static final String SS_AUTHOR = "urn:uuid:a7058bb9-b4e4-4307-ba5b-e3f0ab85e12d";
    public static final String SS_CONTENT_TYPE = "urn:uuid:aa543740-bdda-424e-8c96-df4873be8500";
    public static final String SS_PATIENT_ID = "urn:uuid:6b5aea1a-874d-4603-a4bc-96a0a7b38446";
    public static final String SS_SOURCE_ID = "urn:uuid:554ac39e-e3fe-47fe-b233-965d2a147832";
    public static final String SS_UNIQUE_ID = "urn:uuid:96fdda7c-d067-4183-912e-bf5ee74998a8";

    // Association types
    public static final String HAS_MEMBER = "urn:oasis:names:tc:ebxml-regrep:AssociationType:HasMember";
    public static final String RPLC = "urn:ihe:iti:2007:AssociationType:RPLC";
    public static final String SIGNS = "urn:ihe:iti:2007:AssociationType:signs";
    public static final String UPDATE_AVAILABILITY = "urn:ihe:iti:2010:AssociationType:UpdateAvailabilityStatus";

    // Status of registry objects; the DMP adds its own "deleted" status
    public static final String APPROVED = "urn:oasis:names:tc:ebxml-regrep:StatusType:Approved";
    public static final String DEPRECATED = "urn:oasis:names:tc:ebxml-regrep:StatusType:Deprecated";
    public static final String DELETED = "urn:asip:ci-sis:2010:StatusType:Deleted";

    // Registry response status
    public static final String SUCCESS = "urn:oasis:names:tc:ebxml-regrep:ResponseStatusType:Success";
    public static final String FAILURE = "urn:oasis:names:tc:ebxml-regrep:ResponseStatusType:Failure";
    public static final String ERROR_SEVERITY = "urn:oasis:names:tc:ebxml-regrep:ErrorSeverityType:Error";

    // Stored queries (ITI-18)
    public static final String FIND_DOCUMENTS = "urn:uuid:14d4debf-8f97-4251-9a74-a90016b0af0d";
    public static final String GET_DOCUMENTS = "urn:uuid:5c4f972b-d56b-40ac-a5fc-c8ca9b40b9d4";
    public static final String GET_RELATED_DOCUMENTS = "urn:uuid:d90e5407-b356-4d91-a89f-873917b4b0e6";

    // SOAP actions
    public static final String ITI41 = "urn:ihe:iti:2007:ProvideAndRegisterDocumentSet-b";
    public static final String ITI18 = "urn:ihe:iti:2007:RegistryStoredQuery";
    public static final String ITI43 = "urn:ihe:iti:2007:RetrieveDocumentSet";
    public static final String ITI57 = "urn:ihe:iti:2010:UpdateDocumentSet";

    // Confidentiality codes of the DMP (OID 1.2.250.1.213.1.1.4.13) and HL7 Normal
    public static final String DMP_CONFIDENTIALITY_SYSTEM = "1.2.250.1.213.1.1.4.13";
    public static final Code NORMAL = new Code("N", "2.16.840.1.113883.5.25", "Normal");
    public static final Code INVISIBLE_PATIENT = new Code("INVISIBLE_PATIENT", DMP_CONFIDENTIALITY_SYSTEM,
            "Non visible par le patient");
    public static final Code INVISIBLE_LEGAL_REPRESENTATIVES = new Code("INVISIBLE_REPRESENTANTS_LEGAUX",
            DMP_CONFIDENTIALITY_SYSTEM, "Non visible par les représentants légaux du patient");
    public static final Code MASKED_TO_PROFESSIONALS = new Code("MASQUE_PS", DMP_CONFIDENTIALITY_SYSTEM,
            "Masqué aux professionnels de santé");

    // The signature document of a submission (IHE DSG, detached signature over a manifest)
    public static final Code SIGNATURE_CLASS = new Code("urn:oid:1.3.6.1.4.1.19376.1.2.1.1.1", "URN", "Digital Signature");
    public static final Code SIGNATURE_TYPE = new Code("E1762", "ASTM", "Full Document");
    public static final Code SIGNATURE_FORMAT = new Code("http://www.w3.org/2000/09/xmldsig#", "URN", "Default Signature Style");
    public static final Code SIGNATURE_EVENT = new Code("1.2.840.10065.1.12.1.14", "1.2.840.10065.1.12", "Source");

    /** Submission set content type: TRE_R209 type d'activité, "Consultation Soins Externes". */
    public static final Code CONTENT_TYPE_EXTERNAL_CARE = new Code("07", "1.2.250.1.213.2.2", "Consultation Soins Externes");

    private XdsVocabulary() {
    }

    /** The patient identifier XDS and the DMP use for an INS: matricule^^^&amp;OID&amp;ISO^NH. */
    public static String patientId(fr.opaline.core.patient.InsNumber ins) {
        return ins.matricule() + "^^^&" + ins.oid() + "&ISO^NH";
    }
}
