package fr.opaline.ui.i18n;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.List;
import java.util.Optional;

/** Reads a date as the front desk types it: 28/03/1979, 28-03-1979, 28.03.1979 or 28031979. */
public final class DateInput {

    private static final List<DateTimeFormatter> FORMATS = List.of(
            DateTimeFormatter.ofPattern("d/M/uuuu"), DateTimeFormatter.ofPattern("d-M-uuuu"),
            DateTimeFormatter.ofPattern("d.M.uuuu"), DateTimeFormatter.ofPattern("ddMMuuuu"),
            DateTimeFormatter.ISO_LOCAL_DATE);

    private DateInput() {
    }

    /** Empty for blank text. @throws IllegalArgumentException (French) when not a real date */
    public static Optional<LocalDate> parse(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String trimmed = text.strip();
        for (DateTimeFormatter format : FORMATS) {
            try {
                return Optional.of(LocalDate.parse(trimmed, format.withResolverStyle(ResolverStyle.STRICT)));
            } catch (DateTimeParseException ignored) {
                // next format
            }
        }
        throw new IllegalArgumentException("Date illisible : « " + trimmed + " » (format JJ/MM/AAAA).");
    }
}
