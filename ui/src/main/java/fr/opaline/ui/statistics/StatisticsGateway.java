package fr.opaline.ui.statistics;

import fr.opaline.api.StatisticsApi;
import fr.opaline.api.client.ApiClient;
import fr.opaline.core.statistics.StatisticsCsv;
import fr.opaline.core.statistics.UsageReport;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;

/**
 * What the statistics screen reads (computed by the practice server) and writes (the CSV, on this
 * workstation); every call waits on the network or a file (background only).
 */
public class StatisticsGateway {

    private final ApiClient api;

    public StatisticsGateway(ApiClient api) {
        this.api = Objects.requireNonNull(api, "api");
    }

    /** Every month of the previous and the current year, for the site the practice settings describe. */
    public UsageReport read() {
        return api.api(StatisticsApi.class).report();
    }

    public void export(UsageReport report, Path target) throws IOException {
        StatisticsCsv.write(report, target);
    }
}
