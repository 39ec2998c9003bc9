package fr.opaline.core.statistics;

import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Objects;

/**
 * The monthly statistics of one site (SC.STAT/ES.04).
 *
 * @param finess   FINESS géographique of the site, or null
 * @param siret    SIRET of the site, or null
 * @param rppsRang RPPS-rang of a liberal practice, or null
 * @param values   every indicator of every month, zeros included, months in order then indicators in
 *                 the DSR's order (document types in their order for the indicators kept per type)
 */
public record UsageReport(String siteName, String finess, String siret, String rppsRang, StatisticsPeriod period,
                          Instant computedAt, List<StatisticValue> values) {

    public UsageReport {
        values = List.copyOf(values);
    }

    /** The figure of one month; type null for the indicators not kept per document type. */
    public StatisticValue value(YearMonth month, DocumentType type, Indicator indicator) {
        DocumentType key = indicator.perDocumentType() ? Objects.requireNonNull(type, "type") : null;
        return values.stream()
                .filter(v -> v.month().equals(month) && v.indicator() == indicator && v.type() == key)
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(month + " hors de la période " + period.from() + "–"
                        + period.to()));
    }

    public long count(YearMonth month, DocumentType type, Indicator indicator) {
        return value(month, type, indicator).count();
    }

    /** The sum of an indicator over the period's months (meaningful for flows, not for snapshots). */
    public long total(DocumentType type, Indicator indicator) {
        return period.months().stream().mapToLong(m -> count(m, type, indicator)).sum();
    }
}
