package fr.opaline.core.statistics;

import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** A run of whole months in the practice's time zone (a month starts at midnight, local time). */
public record StatisticsPeriod(YearMonth from, YearMonth to, ZoneId zone) {

    public StatisticsPeriod {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(zone, "zone");
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("Période : le mois de fin (" + to + ") précède le mois de début ("
                    + from + ")");
        }
    }

    /** Every month of the previous year and of the current year up to this month (SC.STAT/ES.04). */
    public static StatisticsPeriod currentAndPreviousYear(Clock clock) {
        YearMonth now = YearMonth.now(clock);
        return new StatisticsPeriod(YearMonth.of(now.getYear() - 1, 1), now, clock.getZone());
    }

    public List<YearMonth> months() {
        List<YearMonth> months = new ArrayList<>();
        for (YearMonth m = from; !m.isAfter(to); m = m.plusMonths(1)) {
            months.add(m);
        }
        return months;
    }

    public Instant start() {
        return startOf(from);
    }

    /** The first instant after the period. */
    public Instant end() {
        return startOf(to.plusMonths(1));
    }

    /** The first instant after the month: a snapshot "at the end of the month" counts what came before. */
    public Instant endOf(YearMonth month) {
        return startOf(month.plusMonths(1));
    }

    public YearMonth monthOf(Instant instant) {
        return YearMonth.from(instant.atZone(zone));
    }

    public boolean contains(Instant instant) {
        return instant != null && !instant.isBefore(start()) && instant.isBefore(end());
    }

    private Instant startOf(YearMonth month) {
        return month.atDay(1).atStartOfDay(zone).toInstant();
    }
}
