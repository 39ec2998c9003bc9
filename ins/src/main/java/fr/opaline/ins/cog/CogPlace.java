package fr.opaline.ins.cog;

import java.time.LocalDate;

/**
 * One period of one COG code: its name from {@code validFrom} to {@code validTo} (inclusive;
 * null = open), and the code it belongs to (chef-lieu of a commune déléguée, current commune of
 * an old code, collectivity or country of a territory).
 */
public record CogPlace(String code, CogPlaceKind kind, String name, LocalDate validFrom, LocalDate validTo,
                       String parentCode, String source) {

    public boolean validAt(LocalDate date) {
        return date == null || ((validFrom == null || !validFrom.isAfter(date)) && (validTo == null || !validTo.isBefore(date)));
    }
}
