package fr.opaline.app.cli;

import fr.opaline.app.wiring.CoreServices;
import fr.opaline.core.statistics.DocumentType;
import fr.opaline.core.statistics.Indicator;
import fr.opaline.core.statistics.StatisticValue;
import fr.opaline.core.statistics.StatisticsCsv;
import fr.opaline.core.statistics.StatisticsPeriod;
import fr.opaline.core.statistics.UsageReport;
import fr.opaline.core.statistics.UsageStatistics;
import java.io.IOException;
import java.nio.file.Path;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code opaline stats}: the monthly usage statistics of SC.STAT/ES.04, on screen or as CSV. */
@Command(name = "stats", description = {
        "Statistiques mensuelles d'usage (SC.STAT/ES.04) : identités par statut, alimentation du DMP, utilisateurs",
        "pouvant consulter le DMP, consentements, envois MSSanté, intégrations depuis la BAL applicative.",
        "Par défaut : tous les mois de l'année précédente et de l'année en cours."})
final class StatsCommand extends Subcommand implements Callable<Integer> {

    @Option(names = "--from", paramLabel = "AAAA-MM", description = "Premier mois (défaut : janvier de l'année précédente).")
    String from;

    @Option(names = "--to", paramLabel = "AAAA-MM", description = "Dernier mois (défaut : le mois en cours).")
    String to;

    @Option(names = "--csv", paramLabel = "FICHIER", description = "Écrit le fichier CSV (UTF-8, « ; ») au lieu d'afficher.")
    Path csv;

    @Override
    public Integer call() throws IOException {
        try (CoreServices core = CoreServices.open(config())) {
            StatisticsPeriod standard = StatisticsPeriod.currentAndPreviousYear(core.clock);
            StatisticsPeriod period;
            try {
                period = new StatisticsPeriod(from == null ? standard.from() : YearMonth.parse(from),
                        to == null ? standard.to() : YearMonth.parse(to), core.clock.getZone());
            } catch (DateTimeParseException e) {
                err().println("Mois attendu sous la forme AAAA-MM (par exemple 2026-01) : " + e.getParsedString());
                return 2;
            } catch (IllegalArgumentException e) {
                err().println(e.getMessage());
                return 2;
            }
            long started = System.nanoTime();
            UsageReport report = new UsageStatistics(core.database, core.profile, core.clock).report(period);
            String took = String.format(Locale.FRANCE, "%.2f s", (System.nanoTime() - started) / 1e9);
            if (csv != null) {
                StatisticsCsv.write(report, csv);
                out().println("Statistiques " + period.from() + " – " + period.to() + " écrites dans " + csv
                        + " (" + report.values().size() + " lignes, calculées en " + took + ").");
            } else {
                print(report);
                out().println("Calculées en " + took + ".");
            }
            return 0;
        }
    }

    private void print(UsageReport report) {
        out().println(report.siteName() + " · FINESS " + dash(report.finess()) + " · SIRET " + dash(report.siret())
                + " · RPPS-rang " + dash(report.rppsRang()));
        StringBuilder header = new StringBuilder(String.format(Locale.ROOT, "%-62s", ""));
        report.period().months().forEach(m -> header.append(String.format(Locale.ROOT, "%9s", m)));
        out().println(header);
        fr.opaline.core.statistics.IndicatorGroup shown = null;
        for (Indicator indicator : Indicator.values()) {
            if (indicator.group() != shown) {
                shown = indicator.group();
                out().println(shown.label());
            }
            for (DocumentType type : indicator.perDocumentType() ? DocumentType.values() : new DocumentType[] {null}) {
                String label = "  " + indicator.label() + (type == null ? "" : " · " + (type == DocumentType.CR_IMAGERIE
                        ? "CR" : "demande"));
                StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%-62.62s", label));
                for (YearMonth month : report.period().months()) {
                    StatisticValue v = report.value(month, type, indicator);
                    line.append(String.format(Locale.FRANCE, v.rate() == null ? "%9d" : "%9s",
                            v.rate() == null ? v.count() : v.count() + String.format(Locale.FRANCE, "/%.0f%%", v.rate())));
                }
                out().println(line);
            }
        }
    }

    private static String dash(String value) {
        return value == null || value.isBlank() ? "—" : value;
    }
}
