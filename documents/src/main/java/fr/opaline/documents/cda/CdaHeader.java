package fr.opaline.documents.cda;

import java.time.Instant;
import java.util.List;

/**
 * What a reader needs from a CDA R2 header: identification and versioning, the patient, the
 * professionals and the structure, the order and the documented exams.
 */
public record CdaHeader(Level level, InstanceId id, InstanceId setId, int versionNumber, Coded code, String title,
                        Instant effectiveTime, Coded confidentiality, String languageCode, List<String> templateIds,
                        List<InstanceId> patientIds, PatientName patientName, String gender, String birthTime,
                        Professional author, Instant authorTime, Professional legalAuthenticator,
                        Instant legalAuthenticationTime, Organization custodian, InstanceId placerOrder,
                        InstanceId accessionNumber, List<ServiceEvent> serviceEvents, Coded healthcareFacilityType,
                        String replacedDocumentId) {

    public enum Level { N1, N3 }

    /** An HL7 II: root and optional extension. */
    public record InstanceId(String root, String extension) {
        /** root, or root^extension as the CI-SIS writes a document id with an extension. */
        public String asUid() {
            return extension == null || extension.isBlank() ? root : root + "^" + extension;
        }
    }

    public record Coded(String code, String codeSystem, String displayName) {
    }

    public record PatientName(String birthName, String birthGivenNames, String firstBirthGivenName, String usedName,
                              String usedGivenName) {
    }

    public record Professional(InstanceId id, String given, String family, Coded specialty, Organization organization) {
    }

    public record Organization(InstanceId id, String name, Coded activity) {
    }

    /** A documented act: Study Instance UID, procedure code and its modality / region translations. */
    public record ServiceEvent(String studyInstanceUid, Coded code, List<Coded> modalities, List<Coded> regions,
                               Instant start, Instant stop) {
    }

    /** The patient's INS (NIR/NIA, test or not) among the recordTarget ids, if present. */
    public InstanceId ins() {
        return patientIds.stream().filter(id -> id.root().startsWith("1.2.250.1.213.1.4.")).findFirst().orElse(null);
    }

    /** The first patient id that is not an INS (the producer's IPP), if present. */
    public InstanceId localPatientId() {
        return patientIds.stream().filter(id -> !id.root().startsWith("1.2.250.1.213.1.4.")).findFirst().orElse(null);
    }
}
