package fr.opaline.dmp.feeding;

import java.util.Set;

/**
 * The outbox job types of the DMP module. Other modules chain on them with
 * {@code Outbox.onDone(DmpJobTypes.FEED, …)}: the job's payload ({@link DmpFeedPayload}, JSON) gives
 * the acknowledged document's {@code documentUid} (CDA id = XDS uniqueId), setId, versionNumber and the action.
 */
public final class DmpJobTypes {

    /** A document sent to, replaced in, or deleted from the DMP (ITI-41 / ITI-57). */
    public static final String FEED = "dmp-feed";
    /** A change of visibility of a document the practice already fed (ITI-57). */
    public static final String VISIBILITY = "dmp-visibility";
    /** The renewal of a professional's individual authorisation before it expires (TD0.4). */
    public static final String AUTHORIZATION = "dmp-authorization";

    /**
     * A document received from elsewhere (a teleradiology CR, RIS.TLR/INT.02) to be fed to the DMP,
     * due at the end of the configured delay; queued by hl7's {@code OutboxReceivedDocumentFeed}
     * (payload {@code {"clinicalDocumentId", "documentUid", "action": INITIAL|REPLACE|DELETE}}).
     */
    public static final String FEED_RECEIVED = "dmp-feed-received";

    public static final Set<String> ALL = Set.of(FEED, VISIBILITY, AUTHORIZATION, FEED_RECEIVED);

    private DmpJobTypes() {
    }
}
