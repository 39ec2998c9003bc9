package fr.opaline.mss;

import fr.opaline.core.settings.Settings;
import fr.opaline.core.settings.SettingsException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Function;

/**
 * The MSSanté settings of one process ({@code mss.*}), read once from the configuration and shared
 * by the practice server and the CLI. Each value is {@code mss.<key>}, else {@code <key>} of the
 * {@code mss.operatorFile} properties file (the operator's settings, e.g. the sandbox's
 * {@code mss-operator.properties}); explicit keys win. Values are kept as written: the transport
 * parses them when MSSanté is wired ({@link #configured()}).
 *
 * @param smtp              the operator's SMTP submission endpoint; null: MSSanté off
 * @param applicative       the BAL applicative's address; null: MSSanté off
 * @param keystorePassword  password of the BAL applicative's PKCS#12 (secret: never shown)
 * @param directoryApiKey   the directory's API key (secret: never shown)
 */
public record MssSettings(String smtp, String imap, String truststore, String applicative, String keystore,
                          String keystorePassword, String organisational, String directoryUrl, String directoryApiKey,
                          Duration pollInterval, String productReference, String operatorFile) {

    /**
     * @param defaultProductReference {@code X-MSS-NIL} when {@code mss.productReference} is unset ("Opaline <version>")
     * @throws SettingsException when the operator file cannot be read
     */
    public static MssSettings from(Settings settings, String defaultProductReference) {
        Function<String, String> get = values(settings);
        return new MssSettings(get.apply("smtp"), get.apply("imap"), get.apply("truststore"),
                get.apply("applicative.address"), get.apply("applicative.keystore"),
                get.apply("applicative.keystorePassword"), get.apply("organisational.address"),
                get.apply("directory.url"), get.apply("directory.apiKey"),
                settings.getDuration("mss.poll.interval", Duration.ofMinutes(1)),
                settings.get("mss.productReference", defaultProductReference),
                settings.get("mss.operatorFile").orElse(null));
    }

    private static Function<String, String> values(Settings settings) {
        Properties file = new Properties();
        Optional<String> operatorFile = settings.get("mss.operatorFile");
        if (operatorFile.isPresent()) {
            try (InputStream in = Files.newInputStream(Path.of(operatorFile.get()))) {
                file.load(in);
            } catch (IOException e) {
                throw new SettingsException("mss.operatorFile : fichier illisible " + operatorFile.get() + " ("
                        + e.getMessage() + ")");
            }
        }
        return key -> settings.get("mss." + key).orElse(blankToNull(file.getProperty(key)));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    /** MSSanté is on: an SMTP endpoint and a BAL applicative are configured. */
    public boolean configured() {
        return smtp != null && applicative != null;
    }

    /** The main settings an administrator checks (addresses, no password nor API key), key → value. */
    public Map<String, String> shown() {
        Map<String, String> shown = new LinkedHashMap<>();
        shown.put("mss.applicative.address", orNone(applicative));
        shown.put("mss.organisational.address", orNone(organisational));
        shown.put("mss.smtp", orNone(smtp));
        shown.put("mss.imap", orNone(imap));
        shown.put("mss.directory.url", orNone(directoryUrl));
        shown.put("mss.poll.interval", pollInterval.toString());
        if (operatorFile != null) {
            shown.put("mss.operatorFile", operatorFile);
        }
        return shown;
    }

    private static String orNone(String value) {
        return value == null ? "non configuré" : value;
    }

    @Override
    public String toString() {
        return "MssSettings[smtp=" + smtp + ", imap=" + imap + ", applicative=" + applicative + ", directory="
                + directoryUrl + ", mots de passe et clé masqués]";
    }
}
