package fr.opaline.dmp.xds;

import static fr.opaline.dmp.soap.DmpNamespaces.LCM;
import static fr.opaline.dmp.soap.DmpNamespaces.RIM;
import static fr.opaline.dmp.soap.DmpNamespaces.XDSB;
import static fr.opaline.dmp.soap.DmpNamespaces.XOP;

import fr.opaline.dmp.soap.Dom;
import fr.opaline.dmp.soap.MimeMultipart;
import fr.opaline.documents.xds.XdsMetadata.Code;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.w3c.dom.Element;

/**
 * Writes the body of an ITI-41 Provide and Register Document Set-b the way the DMP takes it: a
 * submission set, the document's DocumentEntry, the signature document (IHE DSG) and its
 * associations (HasMember ×2, signs, and RPLC for a replacement), with the documents as MTOM
 * attachments.
 */
public final class ProvideAndRegisterRequest {

    /** The submission's identifiers and attachments, once written. */
    public record Written(String submissionSetUniqueId, String documentEntryUuid, String signatureUniqueId,
                          List<MimeMultipart.Part> attachments) {
    }

    /** What the practice puts on each submission set: source id (an OID of the practice) and content type. */
    public record Source(String sourceId, Code contentType) {
    }

    private ProvideAndRegisterRequest() {
    }

    /** Signs a submission (see {@link SubmissionSignature}) with the practice's key. */
    @FunctionalInterface
    public interface Signer {
        byte[] sign(String signatureUid, String submissionSetUid, Map<String, byte[]> documents, Instant now);
    }

    public static Written write(Element soapBody, DmpSubmission submission, Source source, Signer signer,
                                Instant now) {
        Rim rim = new Rim();
        String ssUid = uuidOid();
        String signatureUid = uuidOid();
        String ssId = "urn:uuid:" + UUID.randomUUID();
        String docId = "urn:uuid:" + UUID.randomUUID();
        String sigId = "urn:uuid:" + UUID.randomUUID();
        String patientId = XdsVocabulary.patientId(submission.patient());

        Map<String, byte[]> signed = new LinkedHashMap<>();
        signed.put(submission.metadata().uniqueId(), submission.document());
        byte[] signature = signer.sign(signatureUid, ssUid, signed, now);

        Element request = Dom.add(soapBody, XDSB, "xdsb:ProvideAndRegisterDocumentSetRequest");
        Element list = Dom.add(Dom.add(request, LCM, "lcm:SubmitObjectsRequest"), RIM, "rim:RegistryObjectList");

        Element ss = Dom.add(list, RIM, "rim:RegistryPackage");
        ss.setAttribute("id", ssId);
        Rim.slot(ss, "submissionTime", XdsTime.format(now));
        Rim.name(ss, "Name", "Compte rendu d'imagerie");
        Element ssAuthor = rim.classification(ss, XdsVocabulary.SS_AUTHOR, ssId, null);
        Rim.slot(ssAuthor, "authorPerson", submission.metadata().authorPerson());
        Rim.slot(ssAuthor, "authorInstitution", submission.metadata().authorInstitution());
        rim.classification(ss, XdsVocabulary.SS_CONTENT_TYPE, ssId, source.contentType());
        rim.externalIdentifier(ss, XdsVocabulary.SS_PATIENT_ID, ssId, patientId, "XDSSubmissionSet.patientId");
        rim.externalIdentifier(ss, XdsVocabulary.SS_SOURCE_ID, ssId, source.sourceId(), "XDSSubmissionSet.sourceId");
        rim.externalIdentifier(ss, XdsVocabulary.SS_UNIQUE_ID, ssId, ssUid, "XDSSubmissionSet.uniqueId");
        rim.classificationNode(list, XdsVocabulary.SUBMISSION_SET, ssId);

        rim.documentEntry(list, XdsDocumentEntry.of(submission.metadata(), docId, patientId));
        rim.documentEntry(list, signatureEntry(submission, sigId, signatureUid, patientId, signature, now));

        Map<String, String> original = Map.of("SubmissionSetStatus", "Original");
        Rim.association(list, "urn:uuid:" + UUID.randomUUID(), XdsVocabulary.HAS_MEMBER, ssId, docId, original);
        Rim.association(list, "urn:uuid:" + UUID.randomUUID(), XdsVocabulary.HAS_MEMBER, ssId, sigId, original);
        Rim.association(list, "urn:uuid:" + UUID.randomUUID(), XdsVocabulary.SIGNS, sigId, ssId, Map.of());
        if (submission.replacedEntryUuid() != null) {
            Rim.association(list, "urn:uuid:" + UUID.randomUUID(), XdsVocabulary.RPLC, docId,
                    submission.replacedEntryUuid(), Map.of());
        }

        List<MimeMultipart.Part> attachments = new ArrayList<>();
        attachments.add(attach(request, docId, 1, submission.metadata().mimeType(), submission.document()));
        attachments.add(attach(request, sigId, 2, "text/xml", signature));
        return new Written(ssUid, docId, signatureUid, attachments);
    }

    /** A new OID under 2.25 (ISO/IEC 9834-8, UUID-derived): unique, and short enough for XDS (64 characters). */
    public static String uuidOid() {
        UUID uuid = UUID.randomUUID();
        java.nio.ByteBuffer bytes = java.nio.ByteBuffer.allocate(16);
        bytes.putLong(uuid.getMostSignificantBits()).putLong(uuid.getLeastSignificantBits());
        return "2.25." + new java.math.BigInteger(1, bytes.array());
    }

    private static XdsDocumentEntry signatureEntry(DmpSubmission submission, String id, String uid, String patientId,
                                                   byte[] signature, Instant now) {
        var m = submission.metadata();
        String time = XdsTime.format(now);
        return new XdsDocumentEntry(id, id, 1, uid, null, null, patientId, m.sourcePatientId(), List.of(), "Source",
                XdsVocabulary.SIGNATURE_CLASS, XdsVocabulary.SIGNATURE_TYPE, XdsVocabulary.SIGNATURE_FORMAT, "text/xml",
                List.of(XdsVocabulary.NORMAL), List.of(XdsVocabulary.SIGNATURE_EVENT), m.healthcareFacilityTypeCode(),
                m.practiceSettingCode(), time, time, time, "art", m.authorPerson(), m.authorPerson(),
                m.authorInstitution(), null, (long) signature.length,
                fr.opaline.dmp.xds.XdsHash.sha1(signature), List.of());
    }

    private static MimeMultipart.Part attach(Element request, String entryId, int index, String mime, byte[] content) {
        String cid = MimeMultipart.newContentId(index);
        Element document = Dom.add(request, XDSB, "xdsb:Document");
        document.setAttribute("id", entryId);
        Dom.add(document, XOP, "xop:Include").setAttribute("href", "cid:" + cid);
        return new MimeMultipart.Part(cid, mime, content);
    }
}
