package fr.opaline.psc.ciba;

import java.util.Locale;

/**
 * The device on which the professional approves a CIBA request, which the ANS proxy e-Santé
 * sends to Pro Santé Connect with every request: {@code channel} = {@code CARD} (CPS card) or
 * {@code MOBILE} (e-CPS application) (ansforge/psc-edc-proxy-esante, {@code openapi/API-Proxy-eSante.json},
 * schema {@code connection}; its {@code PSCSessionService} adds it as the form parameter
 * {@code channel} of the backchannel authentication request).
 */
public enum CibaChannel {
    CARD, MOBILE;

    /** From a setting's text ({@code carte}/{@code CARD}, {@code mobile}/{@code MOBILE}); null for null or blank. */
    public static CibaChannel parse(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        return switch (text.strip().toUpperCase(Locale.ROOT)) {
            case "CARD", "CARTE" -> CARD;
            case "MOBILE", "E-CPS", "ECPS" -> MOBILE;
            default -> throw new IllegalArgumentException("canal CIBA inconnu « " + text
                    + " » : CARD (carte CPS) ou MOBILE (e-CPS)");
        };
    }
}
