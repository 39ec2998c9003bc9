package fr.opaline.dmp.xds;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** XDS DTM values: UTC, yyyyMMddHHmmss, possibly truncated (yyyy, yyyyMMdd…). */
public final class XdsTime {

    private static final DateTimeFormatter DTM = DateTimeFormatter.ofPattern("yyyyMMddHHmmss").withZone(ZoneOffset.UTC);

    private XdsTime() {
    }

    public static String format(Instant instant) {
        return instant == null ? null : DTM.format(instant);
    }

    /** The instant of a DTM (missing parts at their minimum), or null when absent or unreadable. */
    public static Instant parse(String dtm) {
        if (dtm == null || dtm.length() < 4 || !dtm.chars().allMatch(Character::isDigit)) {
            return null;
        }
        String padded = (dtm + "0101000000".substring(Math.max(0, dtm.length() - 4))).substring(0, 14);
        try {
            return LocalDateTime.parse(padded, DateTimeFormatter.ofPattern("yyyyMMddHHmmss")).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
