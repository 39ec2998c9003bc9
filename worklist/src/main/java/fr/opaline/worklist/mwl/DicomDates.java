package fr.opaline.worklist.mwl;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/**
 * DA and TM values and their range matching (PS3.4 C.2.2.2.5). A time given with less
 * precision stands for the whole interval it names: as a lower bound "10" is 10:00:00, as an
 * upper bound it is 10:59:59.999999, and a single value "1030" matches 10:30:00 to 10:30:59.
 */
public final class DicomDates {

    public static final DateTimeFormatter DA = DateTimeFormatter.BASIC_ISO_DATE;
    public static final DateTimeFormatter TM = DateTimeFormatter.ofPattern("HHmmss");

    private static final Pattern DATE = Pattern.compile("\\d{8}");
    private static final Pattern TIME = Pattern.compile("\\d{2}(\\d{2}(\\d{2}(\\.\\d{1,6})?)?)?");

    private DicomDates() {
    }

    /** A closed interval of dates or times; null ends are open. */
    record Range<T extends Comparable<? super T>>(T from, T to) {
        boolean contains(T value) {
            return (from == null || value.compareTo(from) >= 0) && (to == null || value.compareTo(to) <= 0);
        }
    }

    /** Parses a DA matching key: "d", "d1-d2", "-d2" or "d1-". */
    static Range<LocalDate> dateRange(String key) {
        String k = key.trim();
        int dash = k.indexOf('-');
        if (dash < 0) {
            LocalDate d = date(k);
            return new Range<>(d, d);
        }
        String lo = k.substring(0, dash).trim();
        String hi = k.substring(dash + 1).trim();
        if (lo.isEmpty() && hi.isEmpty()) {
            throw new IllegalArgumentException("intervalle de dates vide « " + key + " »");
        }
        return new Range<>(lo.isEmpty() ? null : date(lo), hi.isEmpty() ? null : date(hi));
    }

    /** Parses a TM matching key: "t", "t1-t2", "-t2" or "t1-". */
    static Range<LocalTime> timeRange(String key) {
        String k = key.trim();
        int dash = k.indexOf('-');
        if (dash < 0) {
            return new Range<>(time(k, false), time(k, true));
        }
        String lo = k.substring(0, dash).trim();
        String hi = k.substring(dash + 1).trim();
        if (lo.isEmpty() && hi.isEmpty()) {
            throw new IllegalArgumentException("intervalle d'heures vide « " + key + " »");
        }
        return new Range<>(lo.isEmpty() ? null : time(lo, false), hi.isEmpty() ? null : time(hi, true));
    }

    static LocalDate date(String value) {
        String v = value.trim();
        if (!DATE.matcher(v).matches()) {
            throw new IllegalArgumentException("date DICOM invalide « " + value + " » (AAAAMMJJ attendu)");
        }
        try {
            return LocalDate.parse(v, DA);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("date DICOM invalide « " + value + " »");
        }
    }

    /** A TM value (colons of the old ACR-NEMA form tolerated); {@code upper} fills what is missing with its maximum. */
    static LocalTime time(String value, boolean upper) {
        String v = value.trim().replace(":", "");
        if (!TIME.matcher(v).matches()) {
            throw new IllegalArgumentException("heure DICOM invalide « " + value + " » (HHMMSS.FFFFFF attendu)");
        }
        int hour = Integer.parseInt(v.substring(0, 2));
        int minute = v.length() >= 4 ? Integer.parseInt(v.substring(2, 4)) : (upper ? 59 : 0);
        int second = v.length() >= 6 ? Integer.parseInt(v.substring(4, 6)) : (upper ? 59 : 0);
        int nanos;
        if (v.length() > 7) {
            String fraction = v.substring(7);
            String padded = (fraction + (upper ? "999999999" : "000000000")).substring(0, 9);
            nanos = Integer.parseInt(padded);
        } else {
            nanos = upper ? 999_999_999 : 0;
        }
        if (hour > 23 || minute > 59 || second > 60) {
            throw new IllegalArgumentException("heure DICOM invalide « " + value + " »");
        }
        return LocalTime.of(hour, minute, Math.min(second, 59), nanos);
    }
}
