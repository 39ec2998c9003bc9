package fr.opaline.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code opaline stats} through the real command line on a seeded database. */
class StatsCommandTest {

    @TempDir
    Path dir;

    @BeforeEach
    void memoryDatabase() throws Exception {
        CliRun.memoryHome(dir);
    }

    CliRun opaline(String... args) {
        return CliRun.opaline(dir.resolve("home"), args);
    }

    @Test
    void identitiesOfTheSeededPatientsAreInThisMonthsFiguresOnScreenAndInTheCsv() throws Exception {
        assertThat(opaline("seed", "--patients", "40", "--days", "1").exit()).isZero();
        String month = YearMonth.now(ZoneId.of("Europe/Paris")).toString();

        CliRun shown = opaline("stats", "--from", month, "--to", month);
        assertThat(shown.exit()).as(shown.err()).isZero();
        assertThat(shown.out()).contains("Statut des identités").contains("Identités provisoires")
                .contains("Alimentation du DMP").contains("Documents CDA intégrés depuis la BAL applicative");

        Path csv = dir.resolve("stats.csv");
        CliRun written = opaline("stats", "--from", month, "--to", month, "--csv", csv.toString());
        assertThat(written.exit()).as(written.err()).isZero();
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        assertThat(lines.get(0)).startsWith("\uFEFFannee;mois;");
        long identities = lines.stream().skip(1).map(l -> l.split(";", -1))
                .filter(cells -> cells[10].startsWith("IDENTITES_"))
                .mapToLong(cells -> Long.parseLong(cells[11])).sum();
        assertThat(identities).as("every seeded patient has one status at the end of the month").isEqualTo(40);
        assertThat(Files.exists(dir.resolve("stats.csv.part"))).isFalse();
    }

    @Test
    void aMalformedOrReversedPeriodIsRefusedWithTheExpectedForm() {
        CliRun bad = opaline("stats", "--from", "janvier");
        assertThat(bad.exit()).isEqualTo(2);
        assertThat(bad.err()).contains("AAAA-MM");
        CliRun reversed = opaline("stats", "--from", "2026-05", "--to", "2026-01");
        assertThat(reversed.exit()).isEqualTo(2);
        assertThat(reversed.err()).contains("précède");
    }
}
