package fr.opaline.core.statistics;

import fr.opaline.core.common.AtomicFiles;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The statistics as a CSV file for the practice's reporting (SC.STAT/ES.04): one line per month,
 * document type and indicator, in the form a French spreadsheet opens as is — UTF-8 with a byte
 * order mark, semicolon separators, CRLF line ends, decimal comma. The ANS's modelestat_IMG_RIS
 * template is not published with the referencing file we have; these columns carry everything it
 * asks for (site identifiers, document type, month, indicator, count, rate) in a long format that
 * a pivot table turns into any layout.
 */
public final class StatisticsCsv {

    public static final List<String> HEADER = List.of("annee", "mois", "site", "finess", "siret", "rpps_rang",
            "type_document", "code_loinc", "rubrique", "indicateur", "code_indicateur", "valeur", "taux_pourcent");

    private StatisticsCsv() {
    }

    /** Writes the file beside the target, then moves it in place: a reader never sees half a file. */
    public static void write(UsageReport report, Path target) throws IOException {
        AtomicFiles.write(target, out -> {
            write(report, out);
            return null;
        });
    }

    public static void write(UsageReport report, OutputStream out) throws IOException {
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        writer.write('\uFEFF');
        line(writer, HEADER);
        for (StatisticValue v : report.values()) {
            line(writer, List.of(
                    Integer.toString(v.month().getYear()),
                    String.format(Locale.ROOT, "%02d", v.month().getMonthValue()),
                    text(report.siteName()), text(report.finess()), text(report.siret()), text(report.rppsRang()),
                    v.type() == null ? "" : v.type().label(),
                    v.type() == null ? "" : v.type().loinc(),
                    v.indicator().group().label(),
                    v.indicator().label(),
                    v.indicator().name(),
                    Long.toString(v.count()),
                    v.rate() == null ? "" : String.format(Locale.FRANCE, "%.1f", v.rate())));
        }
        writer.flush();
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }

    private static void line(Writer writer, List<String> cells) throws IOException {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                writer.write(';');
            }
            writer.write(quoted(cells.get(i)));
        }
        writer.write("\r\n");
    }

    /** RFC 4180 quoting when the cell holds a separator, a quote or a line break. */
    static String quoted(String cell) {
        if (cell.indexOf(';') < 0 && cell.indexOf('"') < 0 && cell.indexOf('\n') < 0 && cell.indexOf('\r') < 0) {
            return cell;
        }
        return '"' + cell.replace("\"", "\"\"") + '"';
    }
}
