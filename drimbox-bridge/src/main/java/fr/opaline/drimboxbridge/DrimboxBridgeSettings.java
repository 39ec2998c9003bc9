package fr.opaline.drimboxbridge;

import fr.opaline.core.settings.Settings;
import fr.opaline.core.settings.SettingsException;
import fr.opaline.drimboxbridge.feed.DrimboxSettings;
import fr.opaline.hl7.Hl7Settings;
import fr.opaline.hl7.mllp.MllpEndpoint;
import fr.opaline.hl7.transmission.MessageRouting;
import java.nio.charset.Charset;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The DRIMbox settings of one process ({@code drimbox.source.*}, {@code drimbox.conso.url}), read
 * once from the configuration and shared by the practice server and the CLI.
 *
 * @param source      the DRIMbox source's MLLP address; null when {@code drimbox.source.host} is unset (nothing sent)
 * @param application MSH-5 of the messages to the DRIMbox
 * @param facility    MSH-6; null: the facility Opaline sends as (MSH-4)
 * @param waitForDmp  a CR the DMP takes goes to the DRIMbox once the DMP has acknowledged it
 * @param consoUrl    the DRIMbox conso URL template of the contextual call; empty when unset
 */
public record DrimboxBridgeSettings(MllpEndpoint source, DrimboxSettings.Format format, String application,
                                    String facility, Charset charset, boolean waitForDmp, String consoUrl) {

    public static DrimboxBridgeSettings from(Settings settings) {
        String format = settings.get("drimbox.source.format", "MDM").toUpperCase(Locale.ROOT);
        DrimboxSettings.Format f;
        try {
            f = DrimboxSettings.Format.valueOf(format);
        } catch (IllegalArgumentException e) {
            throw new SettingsException("drimbox.source.format : ORU ou MDM attendu, pas « " + format + " »");
        }
        return new DrimboxBridgeSettings(Hl7Settings.endpoint(settings, "drimbox.source"), f,
                settings.get("drimbox.source.application", "DRIMBOX"), settings.get("drimbox.source.facility").orElse(null),
                Hl7Settings.charset(settings, "drimbox.source.charset"),
                settings.getBoolean("drimbox.source.waitForDmp", settings.get("dmp.url").isPresent()),
                settings.get("drimbox.conso.url", ""));
    }

    /** The feed's settings, Opaline sending as {@code sendingApplication} / {@code sendingFacility} (MSH-3/MSH-4). */
    public DrimboxSettings feed(String sendingApplication, String sendingFacility) {
        return new DrimboxSettings(source, format, new MessageRouting(sendingApplication, sendingFacility, application,
                facility != null ? facility : sendingFacility, "P", charset), waitForDmp);
    }

    /** The main settings an administrator checks (no secret here), key → value. */
    public Map<String, String> shown() {
        Map<String, String> shown = new LinkedHashMap<>();
        shown.put("drimbox.source.host", source == null ? "non configurée" : source.toString());
        shown.put("drimbox.source.format", format.name());
        shown.put("drimbox.source.waitForDmp", Boolean.toString(waitForDmp));
        shown.put("drimbox.conso.url", consoUrl.isEmpty() ? "non configurée" : consoUrl);
        return shown;
    }
}
