package fr.opaline.hl7;

import fr.opaline.core.settings.Settings;
import fr.opaline.core.settings.SettingsException;
import fr.opaline.hl7.message.Hl7Charsets;
import fr.opaline.hl7.mllp.MllpEndpoint;
import fr.opaline.hl7.mllp.MllpMemory;
import fr.opaline.hl7.mllp.MllpServerSettings;
import fr.opaline.hl7.transmission.MessageRouting;
import fr.opaline.platform.tls.KeyStores;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import javax.net.ssl.SSLContext;

/**
 * The HL7 v2 settings of one process ({@code hl7.*}), read once from the configuration and shared
 * by the practice server and the CLI: who Opaline is in MSH-3/MSH-4, the MLLP listener, and the
 * teleradiology platform. The keys and their defaults are written here only.
 *
 * @param application         MSH-3 of the messages Opaline sends ({@code hl7.application})
 * @param facility            MSH-4 ({@code hl7.facility}); null: the practice's FINESS, else its name
 * @param defaultCharset      character set of received messages whose MSH-18 is empty
 * @param listener            the MLLP listener; null when {@code hl7.listener.port} is unset (no listener)
 * @param teleradiology       the teleradiology platform that receives the ORM^O01 requests
 * @param senders             {@code hl7.teleradiology.senders}: MSH-3 of platforms folded into the peer registry
 * @param teleradiologyDmpDelay delay before a teleradiology CR received is fed to the DMP
 */
public record Hl7Settings(String application, String facility, Charset defaultCharset, MllpServerSettings listener,
                          Teleradiology teleradiology, Set<String> senders, Duration teleradiologyDmpDelay) {

    /**
     * The teleradiology platform.
     *
     * @param endpoint    its MLLP address; null when {@code hl7.teleradiology.host} is unset (requests refused)
     * @param name        as the desktop's dialog names it ({@code hl7.teleradiology.name}, default its application)
     */
    public record Teleradiology(MllpEndpoint endpoint, String name, String application, String facility,
                                Charset charset) {

        public boolean configured() {
            return endpoint != null;
        }
    }

    public Hl7Settings {
        senders = Set.copyOf(senders);
    }

    public static Hl7Settings from(Settings settings) {
        MllpServerSettings listener = null;
        if (settings.get("hl7.listener.port").isPresent()) {
            listener = new MllpServerSettings(settings.get("hl7.listener.bind", "0.0.0.0"),
                    settings.getInt("hl7.listener.port", 2575),
                    settings.getDuration("hl7.listener.idleTimeout", Duration.ofMinutes(5)),
                    settings.getInt("hl7.listener.maxMessageBytes", MllpServerSettings.DEFAULT_MAX_MESSAGE_BYTES),
                    settings.getInt("hl7.listener.maxConnections", 32),
                    tls(settings, "hl7.listener.tls"), settings.getBoolean("hl7.listener.tls.clientAuth", false),
                    settings.getDuration("hl7.listener.messageTimeout", MllpServerSettings.DEFAULT_MESSAGE_TIMEOUT),
                    1024L * 1024 * settings.getInt("hl7.listener.memoryBudgetMb",
                            (int) (MllpMemory.DEFAULT_BUDGET / (1024 * 1024))),
                    settings.getPath("hl7.listener.spoolDirectory", null),
                    settings.getInt("hl7.listener.strangerConnections", MllpServerSettings.DEFAULT_STRANGER_CONNECTIONS));
        }
        String teleApplication = settings.get("hl7.teleradiology.application", "TELERADIOLOGIE");
        Teleradiology teleradiology = new Teleradiology(endpoint(settings, "hl7.teleradiology"),
                settings.get("hl7.teleradiology.name", teleApplication), teleApplication,
                settings.get("hl7.teleradiology.facility", "TELERADIOLOGIE"),
                charset(settings, "hl7.teleradiology.charset"));
        return new Hl7Settings(settings.get("hl7.application", "OPALINE"), settings.get("hl7.facility").orElse(null),
                charset(settings, "hl7.charset.default"), listener, teleradiology,
                list(settings.get("hl7.teleradiology.senders", "")),
                settings.getDuration("hl7.teleradiology.dmpDelay", Duration.ZERO));
    }

    /** MSH-4 of the messages Opaline sends: {@code hl7.facility}, else the FINESS, else the practice's name. */
    public String facility(String finess, String practiceName) {
        return facility != null ? facility : finess != null ? finess : practiceName;
    }

    /** The routing of the requests to the teleradiology platform. */
    public MessageRouting teleradiologyRouting(String finess, String practiceName) {
        return new MessageRouting(application, facility(finess, practiceName), teleradiology.application(),
                teleradiology.facility(), "P", teleradiology.charset());
    }

    /**
     * {@code <prefix>.host} and {@code <prefix>.port} (with {@code .tls}, {@code .tls.keystore…},
     * {@code .connectTimeout}, {@code .readTimeout}), or null when no host is configured.
     */
    public static MllpEndpoint endpoint(Settings settings, String prefix) {
        String host = settings.get(prefix + ".host").orElse(null);
        if (host == null) {
            return null;
        }
        int port = settings.getInt(prefix + ".port", 0);
        if (port <= 0 || port > 65535) {
            throw new SettingsException(prefix + ".port : port MLLP manquant ou invalide");
        }
        SSLContext tls = null;
        if (settings.getBoolean(prefix + ".tls", false)) {
            tls = tls(settings, prefix + ".tls");
            if (tls == null) {
                try {
                    tls = SSLContext.getDefault();
                } catch (Exception e) {
                    throw new SettingsException(prefix + ".tls : " + e.getMessage());
                }
            }
        }
        return new MllpEndpoint(host, port, settings.getDuration(prefix + ".connectTimeout", Duration.ofSeconds(10)),
                settings.getDuration(prefix + ".readTimeout", Duration.ofSeconds(30)), tls);
    }

    /** An MSH-18 character set read from {@code key} (default UTF-8), refused in French when unsupported. */
    public static Charset charset(Settings settings, String key) {
        String value = settings.get(key, Hl7Charsets.UTF_8);
        return Hl7Charsets.forMsh18(value).orElseThrow(() -> new SettingsException(key + " : jeu de caractères « "
                + value + " » non pris en charge (UNICODE UTF-8, 8859/1 ou 8859/15)"));
    }

    /**
     * A TLS context from {@code <prefix>.keystore} (PKCS#12, our certificate) and optionally
     * {@code <prefix>.truststore} (PKCS#12, the peers' CA); null when no keystore is configured.
     */
    public static SSLContext tls(Settings settings, String prefix) {
        Path keystore = settings.getPath(prefix + ".keystore", null);
        if (keystore == null) {
            return null;
        }
        try {
            return KeyStores.sslContext(keystore, settings.get(prefix + ".password", "").toCharArray(),
                    settings.getPath(prefix + ".truststore", null),
                    settings.get(prefix + ".truststorePassword", "").toCharArray());
        } catch (Exception e) {
            throw new SettingsException(prefix + ".keystore : certificat illisible (" + keystore + ") : "
                    + e.getMessage());
        }
    }

    private static Set<String> list(String csv) {
        return Arrays.stream(csv.split(",")).map(String::trim).filter(s -> !s.isEmpty()).collect(Collectors.toSet());
    }

    /** The main settings an administrator checks (no secret here), key → value. */
    public Map<String, String> shown() {
        Map<String, String> shown = new LinkedHashMap<>();
        shown.put("hl7.application", application);
        if (facility != null) {
            shown.put("hl7.facility", facility);
        }
        shown.put("hl7.listener.port", listener == null ? "aucune écoute"
                : (listener.bindAddress() == null ? "0.0.0.0" : listener.bindAddress()) + ":" + listener.port()
                        + (listener.tls() != null ? " (TLS" + (listener.clientAuth() ? ", certificat client exigé)" : ")")
                        : ""));
        shown.put("hl7.teleradiology.host", teleradiology.configured() ? teleradiology.name() + " — "
                + teleradiology.endpoint() : "aucune plateforme");
        if (!senders.isEmpty()) {
            shown.put("hl7.teleradiology.senders", String.join(", ", new TreeSet<>(senders)));
        }
        shown.put("hl7.teleradiology.dmpDelay", teleradiologyDmpDelay.toString());
        return shown;
    }
}
