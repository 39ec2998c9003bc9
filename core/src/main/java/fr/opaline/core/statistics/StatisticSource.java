package fr.opaline.core.statistics;

import org.jooq.DSLContext;

/** Where one group of figures comes from: reads its tables for the period and counts into the tally. */
interface StatisticSource {

    void collect(DSLContext ctx, StatisticsPeriod period, Tally tally);
}
