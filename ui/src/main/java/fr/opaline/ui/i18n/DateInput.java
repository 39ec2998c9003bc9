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

    /** Shows dates as the locale writes them and reads them as the desk types them; a typo keeps the fallback. */
    public static javafx.util.StringConverter<java.time.LocalDate> dateConverter(Messages messages,
                                                                                  java.util.function.Supplier<LocalDate> fallback) {
        return new javafx.util.StringConverter<>() {
            @Override
            public String toString(LocalDate date) {
                return messages.date(date);
            }

            @Override
            public LocalDate fromString(String text) {
                try {
                    return parse(text).orElse(null);
                } catch (IllegalArgumentException e) {
                    return fallback.get();
                }
            }
        };
    }

    /** Times as HH:MM (also 9h30); a typo keeps the fallback. */
    public static javafx.util.StringConverter<java.time.LocalTime> timeConverter(Messages messages,
                                                                                  java.util.function.Supplier<java.time.LocalTime> fallback) {
        return new javafx.util.StringConverter<>() {
            @Override
            public String toString(java.time.LocalTime time) {
                return messages.time(time);
            }

            @Override
            public java.time.LocalTime fromString(String text) {
                try {
                    return text == null || text.isBlank() ? null
                            : java.time.LocalTime.parse(text.strip().replace('h', ':'), DateTimeFormatter.ofPattern("H:mm"));
                } catch (DateTimeParseException e) {
                    return fallback.get();
                }
            }
        };
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
