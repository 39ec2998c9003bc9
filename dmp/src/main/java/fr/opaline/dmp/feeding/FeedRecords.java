package fr.opaline.dmp.feeding;

import static fr.opaline.core.persistence.generated.Tables.DMP_FEED_RECORD;

import fr.opaline.core.document.ClinicalDocument;
import java.time.Instant;
import java.util.UUID;
import org.jooq.DSLContext;

/** The acknowledgements and refusals of feeding jobs (dmp_feed_record), for statistics and status. */
final class FeedRecords {

    private FeedRecords() {
    }

    /** Records the outcome once per job and outcome (an attempt repeated after a crash adds nothing). */
    static void record(DSLContext ctx, UUID id, UUID jobId, ClinicalDocument doc, DmpFeedPayload payload,
                       FeedOutcome outcome, String siteId, String detail, Instant now) {
        boolean known = ctx.fetchExists(ctx.selectOne().from(DMP_FEED_RECORD)
                .where(DMP_FEED_RECORD.JOB_ID.eq(jobId)).and(DMP_FEED_RECORD.OUTCOME.eq(outcome.name())));
        if (known) {
            return;
        }
        ctx.insertInto(DMP_FEED_RECORD)
                .set(DMP_FEED_RECORD.ID, id)
                .set(DMP_FEED_RECORD.JOB_ID, jobId)
                .set(DMP_FEED_RECORD.PATIENT_ID, payload.patientId())
                .set(DMP_FEED_RECORD.DOCUMENT_ID, doc == null ? null : doc.id())
                .set(DMP_FEED_RECORD.UNIQUE_ID, payload.documentUid())
                .set(DMP_FEED_RECORD.SET_ID, payload.setId())
                .set(DMP_FEED_RECORD.VERSION_NUMBER, payload.versionNumber())
                .set(DMP_FEED_RECORD.ACTION, payload.action().name())
                .set(DMP_FEED_RECORD.OUTCOME, outcome.name())
                .set(DMP_FEED_RECORD.TYPE_CODE, doc == null ? null : doc.typeCode())
                .set(DMP_FEED_RECORD.SITE_ID, siteId)
                .set(DMP_FEED_RECORD.DETAIL, detail == null ? null : detail.length() > 1000 ? detail.substring(0, 999) : detail)
                .set(DMP_FEED_RECORD.OCCURRED_AT, now)
                .execute();
    }

    /** Whether Opaline has had this uniqueId acknowledged by the DMP (and not deleted it since). */
    static boolean inDmp(DSLContext ctx, String uniqueId) {
        var last = ctx.select(DMP_FEED_RECORD.OUTCOME).from(DMP_FEED_RECORD)
                .where(DMP_FEED_RECORD.UNIQUE_ID.eq(uniqueId))
                .and(DMP_FEED_RECORD.OUTCOME.in(FeedOutcome.SENT.name(), FeedOutcome.INVISIBLE.name(),
                        FeedOutcome.DELETED.name()))
                .orderBy(DMP_FEED_RECORD.OCCURRED_AT.desc()).limit(1).fetchOne(DMP_FEED_RECORD.OUTCOME);
        return last != null && !FeedOutcome.DELETED.name().equals(last);
    }
}
