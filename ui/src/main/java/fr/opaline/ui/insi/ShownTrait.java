package fr.opaline.ui.insi;

import fr.opaline.api.Birthplace;
import fr.opaline.core.patient.Sex;
import fr.opaline.ins.insi.TraitComparison;
import fr.opaline.ui.i18n.Messages;
import fr.opaline.ui.patient.BirthplacePicker;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Map;

/**
 * One trait of INSi's comparison as the desk reads it: dates as dd/MM/yyyy, the sex in words,
 * birthplaces named (commune and département, or the country) with the INSEE code in the tooltip.
 *
 * @param local    the value entered at the practice as shown ("—" when none)
 * @param localTip what the shown value stands for when it is not the raw value (the code), else null
 * @param insi     the value INSi returned as shown
 * @param insiTip  likewise for INSi's value
 */
public record ShownTrait(TraitComparison comparison, String local, String localTip, String insi, String insiTip) {

    static final String BIRTH_DATE = "Date de naissance";
    static final String BIRTHPLACE = "Lieu de naissance";
    static final String SEX = "Sexe";

    /** @param places birthplaces named by the referential, by INSEE code (a code absent is shown as unknown) */
    static ShownTrait of(TraitComparison c, Map<String, Birthplace> places, Messages messages) {
        String[] local = shown(c.trait(), c.local(), places, messages);
        String[] insi = shown(c.trait(), c.insi(), places, messages);
        return new ShownTrait(c, local[0], local[1], insi[0], insi[1]);
    }

    /** {shown value, tooltip or null}. */
    private static String[] shown(String trait, String value, Map<String, Birthplace> places, Messages messages) {
        if (value == null || value.isBlank()) {
            return new String[] {"—", null};
        }
        switch (trait) {
            case BIRTH_DATE -> {
                try {
                    return new String[] {messages.date(LocalDate.parse(value)), null};
                } catch (DateTimeParseException notIso) {
                    return new String[] {value, null};
                }
            }
            case SEX -> {
                try {
                    return new String[] {messages.label(Sex.valueOf(value)), null};
                } catch (IllegalArgumentException other) {
                    return new String[] {value, null};
                }
            }
            case BIRTHPLACE -> {
                Birthplace named = places.get(value);
                String tip = messages.format("insi.birthplace.code", value);
                return named == null
                        ? new String[] {messages.format("record.birthplace.unknown", value), tip}
                        : new String[] {named.label(), tip + " — " + BirthplacePicker.describe(named)};
            }
            default -> {
                return new String[] {value, null};
            }
        }
    }

    /** The verdict in words (« identique », « différent », « non saisi »). */
    String verdict(Messages messages) {
        return messages.get("insi.verdict." + comparison.concordance().name());
    }
}
