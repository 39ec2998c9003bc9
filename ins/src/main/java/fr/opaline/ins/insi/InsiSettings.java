package fr.opaline.ins.insi;

import fr.opaline.core.settings.Settings;
import fr.opaline.core.settings.SettingsException;
import fr.opaline.platform.tls.Certificates;
import fr.opaline.platform.tls.KeyStores;
import java.net.URI;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;

/**
 * How to reach the téléservice: endpoint, time limit, the software's identity for the
 * ContexteLPS (IDAM number and version granted by the Assurance Maladie, name, instance), the
 * emitter for the ContexteBAM, and the TLS context holding the practice's certificate.
 */
public record InsiSettings(URI endpoint, Duration timeout, String lpsIdam, String lpsVersion, String lpsName,
                           String lpsInstance, String emitter, SSLContext sslContext) {

    /**
     * What {@code Emetteur} (ContexteBAM, ContexteLPS) may be: an 11–12 digit number, as the ANS kit
     * documents it (issue 25), or a 10-character structure identifier of the IGC Santé such as
     * {@code 10B0152872}, which public INSi client samples send (see docs/conformance.md).
     */
    public static final Pattern EMITTER = Pattern.compile("[0-9]{11,12}|[0-9]{2}[0-9A-Z][0-9]{7}");
    /** Emitter when neither {@code insi.emitter} nor a certificate gives one: a well-formed placeholder. */
    public static final String PLACEHOLDER_EMITTER = "00000000000";

    public static InsiSettings of(URI endpoint, Duration timeout) {
        return new InsiSettings(endpoint, timeout, "OPALINE", "0.1", "Opaline", "opaline", PLACEHOLDER_EMITTER, null);
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
                emitter(settings), sslContext(settings)));
    }

    /**
     * {@code insi.emitter}, checked; by default the structure identifier in the OU of the INSi
     * certificate (the public samples' 10B0152872 is their test certificate's), else the placeholder.
     */
    static String emitter(Settings settings) {
        String configured = settings.get("insi.emitter").map(String::strip).orElse(null);
        if (configured != null) {
            if (!EMITTER.matcher(configured).matches()) {
                throw new SettingsException("insi.emitter : « " + configured + " » n'est pas un émetteur INSi valide "
                        + "(numéro de 11 ou 12 chiffres, ou identifiant de structure de 10 caractères comme 10B0152872)");
            }
            return configured;
        }
        Path keystore = settings.getPath("insi.keystore", null);
        if (keystore != null) {
            try {
                KeyStore store = KeyStores.readPkcs12(keystore, settings.get("insi.keystore.password", "").toCharArray());
                String alias = KeyStores.firstKeyAlias(store);
                String ou = alias == null ? null
                        : Certificates.organisationalUnit((X509Certificate) store.getCertificate(alias));
                if (ou != null && EMITTER.matcher(ou).matches()) {
                    return ou;
                }
            } catch (Exception e) {
                // the TLS context reports an unreadable certificate
            }
        }
        return PLACEHOLDER_EMITTER;
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
