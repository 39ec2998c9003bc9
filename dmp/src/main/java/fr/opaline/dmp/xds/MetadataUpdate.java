package fr.opaline.dmp.xds;

import static fr.opaline.dmp.soap.DmpNamespaces.LCM;
import static fr.opaline.dmp.soap.DmpNamespaces.RIM;

import fr.opaline.dmp.soap.Dom;
import fr.opaline.documents.xds.XdsMetadata.Code;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.w3c.dom.Element;

/**
 * ITI-57 Update Document Set as the DMP uses it: a new version of a DocumentEntry's metadata
 * (visibility to the patient or legal representatives, masking to professionals), or a change of
 * availability status to the DMP's "deleted" status.
 */
public final class MetadataUpdate {

    public static final String PREVIOUS_VERSION = "PreviousVersion";
    public static final String ORIGINAL_STATUS = "OriginalStatus";
    public static final String NEW_STATUS = "NewStatus";

    private MetadataUpdate() {
    }

    /** A metadata update of {@code current} carrying the new confidentiality codes. */
    public static void writeConfidentiality(Element soapBody, XdsDocumentEntry current, List<Code> confidentiality,
                                            String sourceId, Code contentType, Instant now) {
        Rim rim = new Rim();
        Opened opened = submission(soapBody, rim, current, sourceId, contentType, now);
        Element list = opened.list();
        String ssId = opened.submissionSetId();
        String newId = "urn:uuid:" + UUID.randomUUID();
        XdsDocumentEntry next = current.withConfidentiality(confidentiality)
                .stored(newId, current.logicalId(), current.metadataVersion() + 1, current.repositoryUniqueId(), null);
        rim.documentEntry(list, next);
        Map<String, String> slots = new LinkedHashMap<>();
        slots.put("SubmissionSetStatus", "Original");
        slots.put(PREVIOUS_VERSION, Integer.toString(current.metadataVersion()));
        Rim.association(list, "urn:uuid:" + UUID.randomUUID(), XdsVocabulary.HAS_MEMBER, ssId, newId, slots);
    }

    /** A change of availability status of {@code current} (e.g. to the DMP's deleted status). */
    public static void writeStatus(Element soapBody, XdsDocumentEntry current, String newStatus, String sourceId,
                                   Code contentType, Instant now) {
        Rim rim = new Rim();
        Opened opened = submission(soapBody, rim, current, sourceId, contentType, now);
        Element list = opened.list();
        String ssId = opened.submissionSetId();
        Map<String, String> slots = new LinkedHashMap<>();
        slots.put(ORIGINAL_STATUS, current.status() == null ? XdsVocabulary.APPROVED : current.status());
        slots.put(NEW_STATUS, newStatus);
        Rim.association(list, "urn:uuid:" + UUID.randomUUID(), XdsVocabulary.UPDATE_AVAILABILITY, ssId,
                current.entryUuid(), slots);
    }

    private record Opened(Element list, String submissionSetId) {
    }

    private static Opened submission(Element soapBody, Rim rim, XdsDocumentEntry current, String sourceId,
                                      Code contentType, Instant now) {
        Element list = Dom.add(Dom.add(soapBody, LCM, "lcm:SubmitObjectsRequest"), RIM, "rim:RegistryObjectList");
        String ssId = "urn:uuid:" + UUID.randomUUID();
        Element ss = Dom.add(list, RIM, "rim:RegistryPackage");
        ss.setAttribute("id", ssId);
        Rim.slot(ss, "submissionTime", XdsTime.format(now));
        Element author = rim.classification(ss, XdsVocabulary.SS_AUTHOR, ssId, null);
        Rim.slot(author, "authorPerson", current.authorPerson());
        Rim.slot(author, "authorInstitution", current.authorInstitution());
        rim.classification(ss, XdsVocabulary.SS_CONTENT_TYPE, ssId, contentType);
        rim.externalIdentifier(ss, XdsVocabulary.SS_PATIENT_ID, ssId, current.patientId(), "XDSSubmissionSet.patientId");
        rim.externalIdentifier(ss, XdsVocabulary.SS_SOURCE_ID, ssId, sourceId, "XDSSubmissionSet.sourceId");
        rim.externalIdentifier(ss, XdsVocabulary.SS_UNIQUE_ID, ssId, ProvideAndRegisterRequest.uuidOid(),
                "XDSSubmissionSet.uniqueId");
        rim.classificationNode(list, XdsVocabulary.SUBMISSION_SET, ssId);
        return new Opened(list, ssId);
    }
}
