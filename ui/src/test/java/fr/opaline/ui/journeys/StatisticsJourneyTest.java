package fr.opaline.ui.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import fr.opaline.core.statistics.Indicator;
import fr.opaline.core.user.Role;
import fr.opaline.ui.statistics.StatisticsRow;
import fr.opaline.ui.testing.DesktopFixture;
import javafx.scene.Node;
import javafx.scene.chart.BarChart;
import javafx.scene.control.TableView;
import org.junit.jupiter.api.Test;

/**
 * Issue 9 journey: a radiologist opens the statistics (SC.STAT/ES.04), reads the identities of the
 * year per status with their rate, and the monthly chart follows the heading chosen; a secretary
 * is not offered the screen.
 */
class StatisticsJourneyTest extends DesktopJourney {

    @Override
    protected String login() {
        return testName.startsWith("aSecretary") ? "secretariat" : "drstats";
    }

    @Override
    protected void prepare(DesktopFixture fixture) {
        fixture.core.user("drstats", Role.RADIOLOGUE, "10000000003");
    }

    @Override
    protected void warmUpJourney() throws Exception {
        if (robot.lookup("#nav-stats").queryAs(Node.class).isVisible()) {
            robot.clickOn("#nav-stats");
            until(() -> robot.lookup("#stats-table").tryQuery().isPresent()
                    && !table().getItems().isEmpty());
            robot.clickOn("#nav-agenda");
        }
    }

    @Test
    void aRadiologistReadsTheIdentitiesOfTheYearAndTheChartFollowsTheHeading() throws Exception {
        robot.clickOn("#nav-stats");
        until(() -> table().getItems().size() == Indicator.of(fr.opaline.core.statistics.IndicatorGroup.ALIMENTATION_DMP)
                .size());
        assertThat(text("#stats-site")).startsWith("Cabinet").contains("FINESS");

        robot.clickOn("#stats-group");
        robot.clickOn("Statut des identités");
        until(() -> table().getItems().size() == 8);
        StatisticsRow qualifiedRate = table().getItems().stream()
                .filter(r -> r.indicator() == Indicator.IDENTITES_QUALIFIEES && r.rate()).findFirst().orElseThrow();
        assertThat(qualifiedRate.label()).isEqualTo("Qualifiées (taux)");
        assertThat(qualifiedRate.months().get(2)).as("March 2026: one identity in three").isEqualTo("33,3 %");
        assertThat(robot.lookup("#stats-type").queryAs(Node.class).isDisabled()).isTrue();
        @SuppressWarnings("unchecked")
        BarChart<String, Number> chart = robot.lookup("#stats-chart").queryAs(BarChart.class);
        until(() -> chart.getData().size() == 4);
        assertThat(chart.getData().get(3).getName()).isEqualTo("Qualifiées");
        assertThat(chart.getData().get(3).getData().get(2).getYValue().longValue()).isEqualTo(1);
    }

    @Test
    void aSecretaryIsNotOfferedTheStatistics() {
        assertThat(robot.lookup("#nav-stats").queryAs(Node.class).isVisible()).isFalse();
    }

    @SuppressWarnings("unchecked")
    private TableView<StatisticsRow> table() {
        return robot.lookup("#stats-table").queryAs(TableView.class);
    }
}
