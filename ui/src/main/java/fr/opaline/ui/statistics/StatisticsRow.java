package fr.opaline.ui.statistics;

import fr.opaline.core.statistics.Indicator;
import java.util.List;

/**
 * One line of the statistics table: an indicator and its figure for each month of the year shown.
 *
 * @param rate   whether the cells are the indicator's rates (a line under its counts), not counts
 * @param months twelve cells, January first; empty for the months not reached yet
 * @param total  the year's sum for flows, empty for snapshots (identities, users) and rates
 */
public record StatisticsRow(Indicator indicator, boolean rate, String label, List<String> months, String total) {
}
