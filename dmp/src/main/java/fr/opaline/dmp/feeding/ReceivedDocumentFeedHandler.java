package fr.opaline.dmp.feeding;

import fr.opaline.core.common.Json;
import fr.opaline.core.document.ClinicalDocument;
import fr.opaline.core.document.DocumentRepository;
import fr.opaline.core.outbox.JobHandler;
import fr.opaline.core.outbox.JobOutcome;
import fr.opaline.core.outbox.OutboxJob;
import fr.opaline.core.persistence.Database;
import fr.opaline.documents.cda.CdaReader;
import java.util.Optional;
import java.util.UUID;

/**
 * Executes the {@link DmpJobTypes#FEED_RECEIVED} jobs: a CR received from a teleradiology platform,
 * integrated unchanged, is sent to (replaced in, deleted from) the DMP when its job falls due, that
 * is after the delay configured for received documents (RIS.TLR/INT.02). The sending is the one of
 * {@link DmpFeedHandler} (same checks: qualified INS, opposition, author's RPPS; same idempotence: a
 * job attempted before asks the DMP first, a duplicate counts as delivered). A replacement or a
 * deletion waits for the feed of the received version it concerns.
 */
public final class ReceivedDocumentFeedHandler implements JobHandler {

    /** The payload the hl7 module writes. */
    record Received(UUID clinicalDocumentId, String documentUid, String action) {
    }

    private final Database database;
    private final DmpFeedHandler feed;

    public ReceivedDocumentFeedHandler(Database database, DmpFeedHandler feed) {
        this.database = database;
        this.feed = feed;
    }

    @Override
    public String type() {
        return DmpJobTypes.FEED_RECEIVED;
    }

    @Override
    public JobOutcome handle(OutboxJob job) {
        Received received = Json.read(job.payload(), Received.class);
        FeedAction action;
        try {
            action = FeedAction.valueOf(received.action());
        } catch (RuntimeException e) {
            return JobOutcome.failed("Action inconnue pour le DMP : " + received.action());
        }
        Optional<ClinicalDocument> found = received.clinicalDocumentId() == null ? Optional.empty()
                : new DocumentRepository(database.dsl()).findById(received.clinicalDocumentId());
        if (found.isEmpty()) {
            return JobOutcome.failed("Document reçu introuvable dans Opaline : rien à envoyer au DMP.");
        }
        ClinicalDocument doc = found.get();
        String replaced = action == FeedAction.REPLACE ? replacedUid(doc) : null;
        String awaited = action == FeedAction.REPLACE ? replaced : action == FeedAction.DELETE ? doc.documentUid() : null;
        if (awaited != null && stillSending(awaited)) {
            return JobOutcome.retryAfter(action == FeedAction.DELETE
                    ? "En attente de la fin de l'envoi du document à supprimer."
                    : "En attente de l'envoi de la version précédente.", DmpFeedHandler.WAIT_FOR_PREVIOUS);
        }
        return feed.feed(job, new DmpFeedPayload(action, doc.id(), doc.patientId(), doc.documentUid(), doc.setId(),
                doc.versionNumber(), replaced, false, true));
    }

    /** Whether the feed of that received version may still reach the DMP (in progress or retrying). */
    private boolean stillSending(String uid) {
        for (FeedAction a : new FeedAction[] {FeedAction.INITIAL, FeedAction.REPLACE}) {
            Optional<FeedJobs.Seen> seen = FeedJobs.byKey(database.dsl(), key(uid, a));
            if (seen.isPresent() && seen.get().active()) {
                return true;
            }
        }
        return false;
    }

    /** The idempotency key the hl7 module gives the job of that document and action. */
    static String key(String uid, FeedAction action) {
        return DmpJobTypes.FEED_RECEIVED + ":" + uid + ":" + action.name();
    }

    /** The uniqueId the received replacement replaces: its CDA's relatedDocument, else the previous version of its set. */
    private String replacedUid(ClinicalDocument doc) {
        try {
            String parent = new CdaReader().read(doc.content()).header().replacedDocumentId();
            if (parent != null) {
                return parent;
            }
        } catch (Exception e) {
            // unreadable here: the send itself reports it
        }
        return new DocumentRepository(database.dsl()).findBySetId(doc.setId()).stream()
                .filter(d -> d.versionNumber() < doc.versionNumber())
                .max(java.util.Comparator.comparingInt(ClinicalDocument::versionNumber))
                .map(ClinicalDocument::documentUid).orElse(null);
    }
}
