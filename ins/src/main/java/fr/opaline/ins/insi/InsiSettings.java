package fr.opaline.ins.insi;

import fr.opaline.core.settings.Settings;
import fr.opaline.core.settings.SettingsException;
import fr.opaline.platform.tls.KeyStores;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import javax.net.ssl.SSLContext;

/**
 * How to reach the téléservice: endpoint, time limit, the software's identity for the
 * ContexteLPS (IDAM number and version granted by the Assurance Maladie, name, instance), the
 * emitter for the ContexteBAM, and the TLS context holding the practice's certificate.
 */
public record InsiSettings(URI endpoint, Duration timeout, String lpsIdam, String lpsVersion, String lpsName,
                           String lpsInstance, String emitter, SSLContext sslContext) {

    public static InsiSettings of(URI endpoint, Duration timeout) {
        return new InsiSettings(endpoint, timeout, "OPALINE", "0.1", "Opaline", "opaline", "opaline", null);
    }

    /**
     * The {@code insi.*} settings of the process, empty when {@code insi.url} is not set (INSi off).
     * The practice's certificate for the TLS client authentication INSi requires is
     * {@code insi.keystore} (PKCS#12, {@code insi.keystore.password}).
     */
    public static Optional<InsiSettings> from(Settings settings) {
        String url = settings.get("insi.url").orElse(null);
        if (url == null) {
            return Optional.empty();
        }
        URI endpoint;
        try {
            endpoint = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw new SettingsException("insi.url : adresse invalide « " + url + " »");
        }
        return Optional.of(new InsiSettings(endpoint, settings.getDuration("insi.timeout", Duration.ofSeconds(10)),
                settings.get("insi.lps.idam", "OPALINE"), settings.get("insi.lps.version", "0.1"),
                settings.get("insi.lps.name", "Opaline"), settings.get("insi.lps.instance", "opaline"),
                settings.get("insi.emitter", "opaline"), sslContext(settings)));
    }

    /** The main settings an administrator checks (no password), key → value. */
    public java.util.Map<String, String> shown() {
        java.util.Map<String, String> shown = new java.util.LinkedHashMap<>();
        shown.put("insi.url", endpoint.toString());
        shown.put("insi.timeout", timeout.toString());
        shown.put("insi.lps.idam", lpsIdam);
        shown.put("insi.keystore", sslContext == null ? "aucun certificat" : "certificat du cabinet chargé");
        return shown;
    }

    private static SSLContext sslContext(Settings settings) {
        Path keystore = settings.getPath("insi.keystore", null);
        if (keystore == null) {
            return null;
        }
        char[] password = settings.get("insi.keystore.password", "").toCharArray();
        try {
            return KeyStores.sslContext(keystore, password, null, null);
        } catch (Exception e) {
            throw new SettingsException("insi.keystore : certificat illisible (" + keystore + ") : " + e.getMessage());
        }
    }
}
