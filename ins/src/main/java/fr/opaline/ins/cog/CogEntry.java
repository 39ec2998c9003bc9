package fr.opaline.ins.cog;

import java.time.LocalDate;

/**
 * A code looked up at a date: the place it named then, whether it was valid on that date, and
 * the commune it is part of today when it was merged or renumbered (null when unchanged).
 */
public record CogEntry(CogPlace place, boolean validAtDate, String currentCode, String currentName) {

    /** "Équeurdreville-Hainneville (50173), aujourd'hui Cherbourg-en-Cotentin (50129)". */
    public String describe() {
        StringBuilder b = place.kind() == CogPlaceKind.ANCIEN_CODE
                ? new StringBuilder("Ancienne commune (").append(place.code()).append(')')
                : new StringBuilder(place.name()).append(" (").append(place.code()).append(')');
        if (currentCode != null && !currentCode.equals(place.code())) {
            b.append(", aujourd'hui ").append(currentName == null ? "" : currentName + " ").append('(')
                    .append(currentCode).append(')');
        }
        if (!validAtDate) {
            b.append(" — code non en vigueur à cette date");
        }
        return b.toString();
    }
}
