package fr.opaline.core.statistics;

import java.time.YearMonth;
import java.util.HashMap;
import java.util.Map;

/** Counts being gathered, by month, document type (or none) and indicator. */
final class Tally {

    record Key(YearMonth month, DocumentType type, Indicator indicator) {
    }

    private final Map<Key, Long> counts = new HashMap<>();

    /** Counts one; a document of a type the statistics do not keep (type null) is left out. */
    void add(YearMonth month, DocumentType type, Indicator indicator) {
        if (indicator.perDocumentType() && type == null) {
            return;
        }
        counts.merge(new Key(month, indicator.perDocumentType() ? type : null, indicator), 1L, Long::sum);
    }

    void add(YearMonth month, Indicator indicator) {
        add(month, null, indicator);
    }

    long count(YearMonth month, DocumentType type, Indicator indicator) {
        return counts.getOrDefault(new Key(month, type, indicator), 0L);
    }
}
