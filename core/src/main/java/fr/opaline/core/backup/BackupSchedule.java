package fr.opaline.core.backup;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * The times of day, in the practice's time zone, at which the scheduled backup runs
 * (e.g. {@code 12:30,20:00}: after the morning and after closing).
 */
public record BackupSchedule(List<LocalTime> times, ZoneId zone) {

    public BackupSchedule {
        if (times.isEmpty()) {
            throw new IllegalArgumentException("Planification des sauvegardes vide : au moins une heure attendue (ex. 20:00)");
        }
        times = List.copyOf(new TreeSet<>(times));
    }

    /** Parses {@code "HH:mm[,HH:mm…]"}; the message says what is wrong, in French. */
    public static BackupSchedule parse(String text, ZoneId zone) {
        List<LocalTime> times = new ArrayList<>();
        for (String part : text.split(",")) {
            String trimmed = part.trim();
            if (trimmed.isEmpty()) {
                continue;
            }
            try {
                times.add(LocalTime.parse(trimmed.length() == 4 ? "0" + trimmed : trimmed));
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("Heure de sauvegarde invalide : « " + trimmed
                        + " » (format HH:mm attendu, ex. 20:00)");
            }
        }
        return new BackupSchedule(times, zone);
    }

    /** The first scheduled instant strictly after {@code now}. */
    public Instant nextAfter(Instant now) {
        ZonedDateTime local = now.atZone(zone);
        for (int day = 0; day <= 1; day++) {
            LocalDate date = local.toLocalDate().plusDays(day);
            for (LocalTime time : times) {
                Instant candidate = ZonedDateTime.of(date, time, zone).toInstant();
                if (candidate.isAfter(now)) {
                    return candidate;
                }
            }
        }
        throw new IllegalStateException("unreachable: a time of the next day is always later");
    }

    /** The last scheduled instant at or before {@code now}. */
    public Instant previousAtOrBefore(Instant now) {
        ZonedDateTime local = now.atZone(zone);
        for (int day = 0; day >= -1; day--) {
            LocalDate date = local.toLocalDate().plusDays(day);
            for (int i = times.size() - 1; i >= 0; i--) {
                Instant candidate = ZonedDateTime.of(date, times.get(i), zone).toInstant();
                if (!candidate.isAfter(now)) {
                    return candidate;
                }
            }
        }
        throw new IllegalStateException("unreachable: a time of the previous day is always earlier");
    }

    @Override
    public String toString() {
        return String.join(",", times.stream().map(LocalTime::toString).toList());
    }
}
