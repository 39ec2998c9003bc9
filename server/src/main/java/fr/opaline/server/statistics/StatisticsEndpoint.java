package fr.opaline.server.statistics;

import fr.opaline.api.StatisticsApi;
import fr.opaline.core.persistence.Database;
import fr.opaline.core.practice.PracticeSettings;
import fr.opaline.core.statistics.StatisticsPeriod;
import fr.opaline.core.statistics.UsageReport;
import fr.opaline.core.statistics.UsageStatistics;
import java.time.Clock;

/** The usage statistics of the previous and the current year, computed on the server by core. */
public final class StatisticsEndpoint implements StatisticsApi {

    private final Database database;
    private final Clock clock;

    public StatisticsEndpoint(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    @Override
    public UsageReport report() {
        UsageStatistics statistics = new UsageStatistics(database, new PracticeSettings(database).profile(), clock);
        return statistics.report(StatisticsPeriod.currentAndPreviousYear(clock));
    }
}
