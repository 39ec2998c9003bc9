package fr.opaline.core.catalogue;

import fr.opaline.core.common.BusinessRuleException;
import fr.opaline.core.common.LogSafe;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A CCAM act code (Classification commune des actes médicaux): seven characters, four capital
 * letters then three digits, e.g. ZBQK002 « Radiographie du thorax ». The activity and phase
 * suffixes of the billing forms are not part of it.
 */
public record CcamCode(String value) {

    private static final Pattern FORMAT = Pattern.compile("[A-Z]{4}[0-9]{3}");

    public CcamCode {
        if (value == null || !FORMAT.matcher(value).matches()) {
            throw invalid(value);
        }
    }

    /**
     * The code typed or read, spaces around and lower case accepted.
     *
     * @throws BusinessRuleException with the one French message for a wrong code
     */
    public static CcamCode of(String raw) {
        return new CcamCode(raw == null ? null : raw.strip().toUpperCase(Locale.ROOT));
    }

    /** The code as stored, or {@code null} for a blank entry (an exam may have no CCAM code). */
    public static String checkOptional(String raw) {
        return raw == null || raw.isBlank() ? null : of(raw).value();
    }

    private static BusinessRuleException invalid(String raw) {
        return new BusinessRuleException("Code CCAM invalide « " + LogSafe.text(raw)
                + " » : 4 lettres puis 3 chiffres (ex. ZBQK002).");
    }

    @Override
    public String toString() {
        return value;
    }
}
