package fr.opaline.dmp.xds;

import fr.opaline.documents.xds.XdsMetadata;
import fr.opaline.documents.xds.XdsMetadata.Code;
import java.util.List;
import java.util.Objects;

/**
 * One XDS DocumentEntry as it travels in ebRIM (ExtrinsicObject): identifiers (entryUUID, logical
 * id and version, uniqueId, repository), availability status, the patient, and the metadata.
 * Times are XDS DTM strings (UTC, yyyyMMddHHmmss). The same record is written by the client and
 * read back by the client and the sandbox, so the two sides agree on every field.
 */
public record XdsDocumentEntry(String entryUuid, String logicalId, int metadataVersion, String uniqueId,
                               String repositoryUniqueId, String status, String patientId, String sourcePatientId,
                               List<String> sourcePatientInfo, String title, Code classCode, Code typeCode,
                               Code formatCode, String mimeType, List<Code> confidentialityCodes, List<Code> eventCodes,
                               Code healthcareFacilityTypeCode, Code practiceSettingCode, String creationTime,
                               String serviceStartTime, String serviceStopTime, String languageCode,
                               String legalAuthenticator, String authorPerson, String authorInstitution,
                               Code authorSpecialty, Long size, String hash, List<String> referenceIds) {

    public XdsDocumentEntry {
        Objects.requireNonNull(uniqueId, "uniqueId");
        sourcePatientInfo = sourcePatientInfo == null ? List.of() : List.copyOf(sourcePatientInfo);
        confidentialityCodes = confidentialityCodes == null ? List.of() : List.copyOf(confidentialityCodes);
        eventCodes = eventCodes == null ? List.of() : List.copyOf(eventCodes);
        referenceIds = referenceIds == null ? List.of() : List.copyOf(referenceIds);
    }

    /** The entry of a CDA document to submit, from the metadata read in its header. */
    public static XdsDocumentEntry of(XdsMetadata m, String entryId, String patientId) {
        return new XdsDocumentEntry(entryId, entryId, 1, m.uniqueId(), null, null, patientId,
                m.sourcePatientId(), m.sourcePatientInfo(), m.title(), m.classCode(), m.typeCode(), m.formatCode(),
                m.mimeType(), withNormal(m.confidentialityCodes()), m.eventCodes(), m.healthcareFacilityTypeCode(),
                m.practiceSettingCode(), XdsTime.format(m.creationTime()), XdsTime.format(m.serviceStartTime()),
                XdsTime.format(m.serviceStopTime()), m.languageCode(), m.legalAuthenticator(), m.authorPerson(),
                m.authorInstitution(), m.authorSpecialty(), m.size(), m.hash(), m.referenceIds());
    }

    private static List<Code> withNormal(List<Code> codes) {
        if (codes.stream().anyMatch(c -> c.scheme().equals(XdsVocabulary.NORMAL.scheme()))) {
            return codes;
        }
        java.util.ArrayList<Code> out = new java.util.ArrayList<>();
        out.add(XdsVocabulary.NORMAL);
        out.addAll(codes);
        return out;
    }

    public boolean hasConfidentiality(Code code) {
        return confidentialityCodes.stream().anyMatch(c -> c.code().equals(code.code()));
    }

    public boolean invisibleToPatient() {
        return hasConfidentiality(XdsVocabulary.INVISIBLE_PATIENT);
    }

    public boolean hiddenFromLegalRepresentatives() {
        return hasConfidentiality(XdsVocabulary.INVISIBLE_LEGAL_REPRESENTATIVES);
    }

    public boolean maskedToProfessionals() {
        return hasConfidentiality(XdsVocabulary.MASKED_TO_PROFESSIONALS);
    }

    public boolean approved() {
        return XdsVocabulary.APPROVED.equals(status);
    }

    public XdsDocumentEntry withConfidentiality(List<Code> codes) {
        return new XdsDocumentEntry(entryUuid, logicalId, metadataVersion, uniqueId, repositoryUniqueId, status,
                patientId, sourcePatientId, sourcePatientInfo, title, classCode, typeCode, formatCode, mimeType, codes,
                eventCodes, healthcareFacilityTypeCode, practiceSettingCode, creationTime, serviceStartTime,
                serviceStopTime, languageCode, legalAuthenticator, authorPerson, authorInstitution, authorSpecialty, size,
                hash, referenceIds);
    }

    public XdsDocumentEntry stored(String newEntryUuid, String newLogicalId, int newVersion, String repository,
                                   String newStatus) {
        return new XdsDocumentEntry(newEntryUuid, newLogicalId, newVersion, uniqueId, repository, newStatus, patientId,
                sourcePatientId, sourcePatientInfo, title, classCode, typeCode, formatCode, mimeType, confidentialityCodes,
                eventCodes, healthcareFacilityTypeCode, practiceSettingCode, creationTime, serviceStartTime,
                serviceStopTime, languageCode, legalAuthenticator, authorPerson, authorInstitution, authorSpecialty, size,
                hash, referenceIds);
    }

    public XdsDocumentEntry withStatus(String newStatus) {
        return stored(entryUuid, logicalId, metadataVersion, repositoryUniqueId, newStatus);
    }

    /** The family and given names of the author (XCN components 2 and 3), or the raw value. */
    public String authorDisplayName() {
        if (authorPerson == null) {
            return null;
        }
        String[] parts = authorPerson.split("\\^", -1);
        if (parts.length >= 3 && !(parts[1] + parts[2]).isBlank()) {
            return (parts[2] + " " + parts[1]).trim();
        }
        return authorPerson;
    }

    /** The author's RPPS from an XCN whose id is an IDNPS (8 + RPPS), or null. */
    public String authorRpps() {
        if (authorPerson == null) {
            return null;
        }
        String id = authorPerson.split("\\^", -1)[0];
        return id.length() == 12 && id.startsWith("8") ? id.substring(1) : null;
    }

    /** The structure identifier (IDNST) at the end of an XON authorInstitution, or null. */
    public String authorStructureId() {
        if (authorInstitution == null) {
            return null;
        }
        String[] parts = authorInstitution.split("\\^", -1);
        return parts.length >= 10 && !parts[9].isBlank() ? parts[9] : null;
    }

    /** The organisation name of the XON authorInstitution. */
    public String authorInstitutionName() {
        return authorInstitution == null ? null : authorInstitution.split("\\^", -1)[0];
    }
}
