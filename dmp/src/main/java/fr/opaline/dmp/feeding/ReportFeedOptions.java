package fr.opaline.dmp.feeding;

import static fr.opaline.core.persistence.generated.Tables.DMP_REPORT_OPTION;

import java.time.Instant;
import java.util.UUID;
import org.jooq.DSLContext;

/**
 * A report's feeding choices made before validation (dmp_report_option): held (its DMP send is
 * created suspended) and hidden from the patient's legal representatives.
 */
public record ReportFeedOptions(boolean held, boolean hiddenFromLegalRepresentatives) {

    public static final ReportFeedOptions NONE = new ReportFeedOptions(false, false);

    static ReportFeedOptions of(DSLContext ctx, UUID reportId) {
        return ctx.selectFrom(DMP_REPORT_OPTION).where(DMP_REPORT_OPTION.REPORT_ID.eq(reportId))
                .fetchOptional(r -> new ReportFeedOptions(r.getHeld(), r.getHiddenFromLegalReps())).orElse(NONE);
    }

    static void save(DSLContext ctx, UUID reportId, ReportFeedOptions options, String actor, Instant now) {
        int updated = ctx.update(DMP_REPORT_OPTION)
                .set(DMP_REPORT_OPTION.HELD, options.held())
                .set(DMP_REPORT_OPTION.HIDDEN_FROM_LEGAL_REPS, options.hiddenFromLegalRepresentatives())
                .set(DMP_REPORT_OPTION.UPDATED_AT, now)
                .set(DMP_REPORT_OPTION.UPDATED_BY, actor)
                .where(DMP_REPORT_OPTION.REPORT_ID.eq(reportId)).execute();
        if (updated == 0) {
            ctx.insertInto(DMP_REPORT_OPTION)
                    .set(DMP_REPORT_OPTION.REPORT_ID, reportId)
                    .set(DMP_REPORT_OPTION.HELD, options.held())
                    .set(DMP_REPORT_OPTION.HIDDEN_FROM_LEGAL_REPS, options.hiddenFromLegalRepresentatives())
                    .set(DMP_REPORT_OPTION.UPDATED_AT, now)
                    .set(DMP_REPORT_OPTION.UPDATED_BY, actor)
                    .execute();
        }
    }
}
