package fr.opaline.dmp.feeding;

import fr.opaline.core.common.Json;
import java.util.UUID;

/**
 * The JSON payload of a {@link DmpJobTypes#FEED} job: which stored document (clinical_document id),
 * its CDA identifiers (documentUid = the CDA id, the XDS uniqueId; setId, versionNumber), the action, for a replacement
 * the uniqueId it replaces, and whether it is a historical or a received (not locally produced)
 * document. The {@code documentUid} field is the contract with the jobs chained on completion
 * (drimbox-bridge's {@code DrimboxAfterDmp} reads it).
 */
public record DmpFeedPayload(FeedAction action, UUID documentId, UUID patientId, String documentUid, String setId,
                             int versionNumber, String replacedUniqueId, boolean historical, boolean received) {

    public String toJson() {
        return Json.write(this);
    }

    public static DmpFeedPayload fromJson(String json) {
        return Json.read(json, DmpFeedPayload.class);
    }

    /** Idempotency key of the submission of a document (initial or replacement): one per uniqueId. */
    public static String submissionKey(String uniqueId) {
        return "dmp-feed:" + uniqueId;
    }

    public static String deletionKey(String uniqueId) {
        return "dmp-delete:" + uniqueId;
    }

    public String idempotencyKey() {
        return action == FeedAction.DELETE ? deletionKey(documentUid) : submissionKey(documentUid);
    }
}
