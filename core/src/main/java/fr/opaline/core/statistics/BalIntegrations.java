package fr.opaline.core.statistics;

import static fr.opaline.core.persistence.generated.Tables.MSS_INBOUND_DOCUMENT;

import java.time.Instant;
import org.jooq.DSLContext;

/**
 * CDA documents received on the BAL applicative (mss_inbound_document, source MSSANTE) and
 * integrated in the RIS — automatically on an exact qualified-INS match or by a user from the
 * integration worklist — or rejected, in the month they were handled. Documents still waiting
 * in the worklist are not counted yet; documents imported by hand from a zip are not from the BAL.
 */
final class BalIntegrations implements StatisticSource {

    static final String SOURCE_MSSANTE = "MSSANTE";

    @Override
    public void collect(DSLContext ctx, StatisticsPeriod period, Tally tally) {
        var handled = org.jooq.impl.DSL.coalesce(MSS_INBOUND_DOCUMENT.HANDLED_AT, MSS_INBOUND_DOCUMENT.CREATED_AT);
        ctx.select(handled, MSS_INBOUND_DOCUMENT.STATUS, MSS_INBOUND_DOCUMENT.TYPE_CODE)
                .from(MSS_INBOUND_DOCUMENT)
                .where(MSS_INBOUND_DOCUMENT.SOURCE.eq(SOURCE_MSSANTE))
                .and(MSS_INBOUND_DOCUMENT.STATUS.in("INTEGRE", "REJETE"))
                .and(handled.ge(period.start())).and(handled.lt(period.end()))
                .forEach(r -> {
                    Instant at = r.value1();
                    Indicator indicator = "INTEGRE".equals(r.value2()) ? Indicator.BAL_INTEGRE : Indicator.BAL_ECHEC;
                    tally.add(period.monthOf(at), DocumentType.ofLoinc(r.value3()).orElse(null), indicator);
                });
    }
}
