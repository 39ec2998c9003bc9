package fr.opaline.documents.cda;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** HL7 v3 TS values, in the practice's time zone with the offset (CI-SIS). */
public final class CdaTime {

    public static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final DateTimeFormatter TS = DateTimeFormatter.ofPattern("yyyyMMddHHmmssZ");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyyMMdd");

    private CdaTime() {
    }

    public static String ts(Instant instant) {
        return TS.format(instant.atZone(PARIS));
    }

    public static String date(LocalDate date) {
        return DATE.format(date);
    }

    /**
     * Parses an HL7 TS as CDA producers write it: yyyyMMdd[HH[mm[ss[.fff]]]][±HHMM]; without an
     * offset the practice's zone is assumed. Returns null for an empty or malformed value.
     */
    public static Instant parse(String value) {
        if (value == null) {
            return null;
        }
        java.util.regex.Matcher m = java.util.regex.Pattern
                .compile("(\\d{8})(\\d{2})?(\\d{2})?(\\d{2})?(?:\\.\\d+)?([+-]\\d{4})?").matcher(value.strip());
        if (!m.matches()) {
            return null;
        }
        try {
            LocalDate day = LocalDate.parse(m.group(1), DATE);
            java.time.LocalDateTime local = day.atTime(num(m.group(2)), num(m.group(3)), num(m.group(4)));
            ZoneId zone = m.group(5) == null ? PARIS : java.time.ZoneOffset.of(m.group(5).substring(0, 3) + ":"
                    + m.group(5).substring(3));
            return local.atZone(zone).toInstant();
        } catch (java.time.DateTimeException e) {
            return null;
        }
    }

    private static int num(String digits) {
        return digits == null ? 0 : Integer.parseInt(digits);
    }
}
