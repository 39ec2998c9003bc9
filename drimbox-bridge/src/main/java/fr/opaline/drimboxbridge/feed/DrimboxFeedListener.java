package fr.opaline.drimboxbridge.feed;

import fr.opaline.core.outbox.Outbox;
import fr.opaline.core.report.ReportPublication;
import fr.opaline.core.report.ReportPublicationListener;
import fr.opaline.hl7.transmission.DmpEligibility;
import fr.opaline.hl7.transmission.DocumentAction;
import java.util.UUID;
import org.jooq.DSLContext;

/**
 * The DRIMbox source must get every CR, its replacements and its deletion (SC.DB/RIS.12). When the
 * CR goes to the DMP, the send waits for the DMP acknowledgement ({@link DrimboxAfterDmp}). When
 * it does not — no qualified INS, the patient opposed feeding, or no DMP feeding in this
 * installation — nothing would release it, so it is enqueued here, in the publication's
 * transaction.
 */
public final class DrimboxFeedListener implements ReportPublicationListener {

    private final Outbox outbox;
    private final DrimboxSettings settings;

    public DrimboxFeedListener(Outbox outbox, DrimboxSettings settings) {
        this.outbox = outbox;
        this.settings = settings;
    }

    @Override
    public void onPublication(DSLContext ctx, ReportPublication publication) {
        if (settings.endpoint() == null || (settings.waitForDmp() && fedToDmp(ctx, publication.patientId(),
                publication.orderId()))) {
            return;
        }
        DocumentAction action = switch (publication.kind()) {
            case VALIDATED -> DocumentAction.INITIAL;
            case AMENDED -> DocumentAction.REPLACE;
            case RETRACTED -> DocumentAction.DELETE;
        };
        DrimboxSendPayload payload = new DrimboxSendPayload(publication.version().id(),
                publication.version().documentUid(), action);
        outbox.enqueue(ctx, DrimboxJobs.send(payload, publication.patientId()), publication.actor());
    }

    /**
     * Whether the DMP feeding takes this CR: the INS is qualifiée (SC.DMP: mandatory to feed) and
     * the patient did not oppose feeding in the order's care episode (or the open one).
     */
    public static boolean fedToDmp(DSLContext ctx, UUID patientId, UUID orderId) {
        return DmpEligibility.fedToDmp(ctx, patientId, orderId);
    }
}
