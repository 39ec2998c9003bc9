package fr.opaline.core.statistics;

import fr.opaline.core.persistence.Database;
import fr.opaline.core.practice.PracticeProfile;
import java.time.Clock;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/**
 * The usage statistics the DSR asks of a RIS (SC.STAT/ES.04, TBB.INS.03), month by month, for the
 * site this installation serves: identities per status, DMP feeding, users able to consult the DMP,
 * consents, MSSanté sends and BAL applicative integrations. Read in one consistent snapshot of the
 * database; nothing is stored — the figures are recomputed from the records each time.
 */
public final class UsageStatistics {

    private static final List<StatisticSource> SOURCES = List.of(new IdentityStatuses(), new DmpFeeds(),
            new ConsultingUsers(), new PatientInformation(), new MssSends(), new BalIntegrations());

    private final Database database;
    private final PracticeProfile site;
    private final Clock clock;

    public UsageStatistics(Database database, PracticeProfile site, Clock clock) {
        this.database = database;
        this.site = site;
        this.clock = clock;
    }

    /** Every month of the previous year and of the current year up to this month. */
    public UsageReport currentAndPreviousYear() {
        return report(StatisticsPeriod.currentAndPreviousYear(clock));
    }

    public UsageReport report(YearMonth from, YearMonth to) {
        return report(new StatisticsPeriod(from, to, clock.getZone()));
    }

    public UsageReport report(StatisticsPeriod period) {
        Tally tally = new Tally();
        database.inSnapshot(ctx -> {
            SOURCES.forEach(source -> source.collect(ctx, period, tally));
            return null;
        });
        List<StatisticValue> values = new ArrayList<>();
        for (YearMonth month : period.months()) {
            for (IndicatorGroup group : IndicatorGroup.values()) {
                addGroup(values, tally, month, group);
            }
        }
        return new UsageReport(site.name(), site.finess(), site.siret(), site.rppsRang(), period, clock.instant(),
                values);
    }

    private static void addGroup(List<StatisticValue> values, Tally tally, YearMonth month, IndicatorGroup group) {
        List<Indicator> indicators = Indicator.of(group);
        boolean perType = indicators.get(0).perDocumentType();
        for (DocumentType type : perType ? DocumentType.values() : new DocumentType[] {null}) {
            long total = indicators.stream().mapToLong(i -> tally.count(month, type, i)).sum();
            for (Indicator indicator : indicators) {
                long count = tally.count(month, type, indicator);
                Double rate = !indicator.withRate() ? null : total == 0 ? 0.0 : 100.0 * count / total;
                values.add(new StatisticValue(month, type, indicator, count, rate));
            }
        }
    }
}
