package fr.opaline.ui.statistics;

import fr.opaline.core.practice.PracticeSettings;
import fr.opaline.core.statistics.StatisticsCsv;
import fr.opaline.core.statistics.StatisticsPeriod;
import fr.opaline.core.statistics.UsageReport;
import fr.opaline.core.statistics.UsageStatistics;
import fr.opaline.ui.DesktopServices;
import java.io.IOException;
import java.nio.file.Path;

/** What the statistics screen reads and writes; every call touches the database or a file (background only). */
public class StatisticsGateway {

    private final DesktopServices services;

    public StatisticsGateway(DesktopServices services) {
        this.services = services;
    }

    /** Every month of the previous and the current year, for the site the practice settings describe. */
    public UsageReport read() {
        UsageStatistics statistics = new UsageStatistics(services.database(),
                new PracticeSettings(services.database()).profile(), services.clock());
        return statistics.report(StatisticsPeriod.currentAndPreviousYear(services.clock()));
    }

    public void export(UsageReport report, Path target) throws IOException {
        StatisticsCsv.write(report, target);
    }
}
