package fr.opaline.ui.patient;

import java.util.regex.Pattern;

/** INSEE place codes: a commune (2A/2B for Corsica), 99xxx for a country, 99999 for unknown. */
public final class InseeCodes {

    private static final Pattern CODE = Pattern.compile("(2A|2B|[0-9]{2})[0-9]{3}");

    private InseeCodes() {
    }

    public static boolean isWellFormed(String code) {
        return code != null && CODE.matcher(code).matches();
    }
}
