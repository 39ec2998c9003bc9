package fr.opaline.core.statistics;

import java.time.YearMonth;

/**
 * One figure of one month.
 *
 * @param type null for the indicators not kept per document type
 * @param rate share of the group's total, in percent, for the indicators that have one; otherwise null
 */
public record StatisticValue(YearMonth month, DocumentType type, Indicator indicator, long count, Double rate) {
}
