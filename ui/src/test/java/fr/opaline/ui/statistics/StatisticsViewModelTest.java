package fr.opaline.ui.statistics;

import static fr.opaline.core.persistence.generated.Tables.DMP_FEED_RECORD;
import static org.assertj.core.api.Assertions.assertThat;

import fr.opaline.core.statistics.DocumentType;
import fr.opaline.core.statistics.Indicator;
import fr.opaline.core.statistics.IndicatorGroup;
import fr.opaline.ui.i18n.Messages;
import fr.opaline.ui.testing.DesktopFixture;
import fr.opaline.ui.testing.Direct;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The statistics screen's model over a real database (the fixture's day is 2 March 2026). */
class StatisticsViewModelTest {

    @TempDir
    Path dir;

    @Test
    void theYearShownIsReshapedFromOneReadWithRatesForIdentitiesAndTotalsForFlows() throws Exception {
        try (DesktopFixture f = new DesktopFixture()) {
            f.db.database().dsl().insertInto(DMP_FEED_RECORD)
                    .set(DMP_FEED_RECORD.ID, UUID.randomUUID()).set(DMP_FEED_RECORD.JOB_ID, UUID.randomUUID())
                    .set(DMP_FEED_RECORD.UNIQUE_ID, "1.2.250.1").set(DMP_FEED_RECORD.ACTION, "INITIAL")
                    .set(DMP_FEED_RECORD.OUTCOME, "SENT").set(DMP_FEED_RECORD.TYPE_CODE, "18748-4")
                    .set(DMP_FEED_RECORD.OCCURRED_AT, f.core.clock.instant()).execute();
            StatisticsViewModel model = model(f);

            model.refresh();

            assertThat(model.years()).containsExactly(2025, 2026);
            assertThat(model.yearProperty().get()).isEqualTo(2026);
            assertThat(model.rows()).extracting(StatisticsRow::indicator).containsExactlyElementsOf(
                    Indicator.of(IndicatorGroup.ALIMENTATION_DMP));
            StatisticsRow sent = row(model, Indicator.DMP_REUSSI);
            assertThat(sent.label()).isEqualTo("Transmis au DMP");
            assertThat(sent.months()).containsExactly("0", "0", "1", "", "", "", "", "", "", "", "", "");
            assertThat(sent.total()).isEqualTo("1");
            assertThat(model.count(Indicator.DMP_REUSSI, 3)).isEqualTo(1);

            model.typeProperty().set(DocumentType.DEMANDE_ACTE_IMAGERIE);
            assertThat(row(model, Indicator.DMP_REUSSI).months().get(2)).isEqualTo("0");

            model.groupProperty().set(IndicatorGroup.IDENTITES);
            assertThat(model.perDocumentType()).isFalse();
            assertThat(model.rows()).hasSize(8).extracting(StatisticsRow::label).contains("Qualifiées", "Qualifiées (taux)");
            assertThat(row(model, Indicator.IDENTITES_QUALIFIEES).months().get(2)).isEqualTo("1");
            assertThat(rate(model, Indicator.IDENTITES_QUALIFIEES).months().get(2)).isEqualTo("33,3 %");
            assertThat(row(model, Indicator.IDENTITES_QUALIFIEES).total()).as("a stock has no yearly sum").isEmpty();

            model.yearProperty().set(2025);
            assertThat(row(model, Indicator.IDENTITES_QUALIFIEES).months().get(11)).isEqualTo("0");
            assertThat(rate(model, Indicator.IDENTITES_QUALIFIEES).months().get(11)).isEqualTo("0 %");
        }
    }

    @Test
    void theCsvIsWrittenInTheBackgroundAndAFailureIsSaidWithoutLeavingAFile() throws Exception {
        try (DesktopFixture f = new DesktopFixture()) {
            StatisticsViewModel model = model(f);
            model.refresh();
            Path csv = dir.resolve("stats.csv");

            model.export(csv);

            long perMonth = java.util.Arrays.stream(Indicator.values()).mapToLong(i -> i.perDocumentType() ? 2 : 1).sum();
            assertThat(model.infoProperty().get()).as("January 2025 to March 2026")
                    .startsWith(15 * perMonth + " lignes écrites dans stats.csv");
            assertThat(Files.readString(csv, StandardCharsets.UTF_8)).startsWith("\uFEFFannee;mois;site;finess");

            model.export(dir.resolve("absent").resolve("stats.csv"));
            assertThat(model.errorProperty().get()).startsWith("L’export n’a pas pu être écrit");
            assertThat(model.busyProperty().get()).isFalse();
            assertThat(Files.exists(dir.resolve("absent"))).isFalse();
        }
    }

    private static StatisticsViewModel model(DesktopFixture f) {
        return new StatisticsViewModel(new StatisticsGateway(f.signedInClient(f.core.user("direction", fr.opaline.core.user.Role.ADMINISTRATEUR, null))), Direct.background(), Messages.french());
    }

    private static StatisticsRow row(StatisticsViewModel model, Indicator indicator) {
        return model.rows().stream().filter(r -> r.indicator() == indicator && !r.rate()).findFirst().orElseThrow();
    }

    private static StatisticsRow rate(StatisticsViewModel model, Indicator indicator) {
        return model.rows().stream().filter(r -> r.indicator() == indicator && r.rate()).findFirst().orElseThrow();
    }
}
