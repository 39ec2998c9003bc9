package fr.opaline.documents.xds;

import java.time.Instant;
import java.util.List;

/**
 * XDS DocumentEntry metadata of a CDA document, for the DMP and MSSanté (CI-SIS "Lien entre
 * l'en-tête CDA et les métadonnées XDS"). HL7 v2 datatypes (CX, XCN, XON) as XDS writes them.
 */
public record XdsMetadata(String uniqueId, String title, Code classCode, Code typeCode, Code formatCode,
                          String mimeType, List<Code> confidentialityCodes, Instant creationTime,
                          Instant serviceStartTime, Instant serviceStopTime, String languageCode,
                          Code healthcareFacilityTypeCode, Code practiceSettingCode, String patientId,
                          String sourcePatientId, List<String> sourcePatientInfo, String authorPerson,
                          String authorInstitution, Code authorSpecialty, String legalAuthenticator,
                          List<Code> eventCodes, List<String> referenceIds, long size, String hash,
                          int versionNumber, String setId) {

    /** A coded value with its coding scheme. */
    public record Code(String code, String scheme, String displayName) {
    }
}
