package fr.opaline.dmp;

import fr.opaline.core.settings.Settings;
import fr.opaline.core.settings.SettingsException;
import fr.opaline.dmp.authorization.AuthorizationRenewal;
import fr.opaline.dmp.feeding.DmpFeedingSettings;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The DMP settings of one process ({@code dmp.*}), read once from the configuration and shared by
 * the practice server and the CLI. Without {@code dmp.url} the DMP is off ({@link #enabled()}):
 * consent and DICA still work, nothing is sent.
 *
 * @param url                base address of the DMP's SOAP services; null: no DMP
 * @param keystore           the structure's authentication certificate (PKCS#12, IGC Santé ORG-AUTH_CLI):
 *                           TLS client ({@code dmp.keystore}, else setup's {@code certificate.establishment.file})
 * @param signatureKeystore  the structure's signature certificate (PKCS#12, IGC Santé ORG-SIGN, "cachet"): signs
 *                           the VIHF and the submissions ({@code dmp.signature.keystore}, else setup's
 *                           {@code certificate.signature.file}, else the authentication one)
 * @param structureId        {@code dmp.structureId}; null: the certificate's, else 1 + FINESS
 * @param feeding            deferral and attempts of the CR sends
 * @param renewBefore        how long before its end an authorisation is renewed
 * @param scanInterval       how often the server looks for authorisations to renew
 */
public record DmpSettings(URI url, Path keystore, String keystorePassword, Path signatureKeystore,
                          String signatureKeystorePassword, Path truststore, String truststorePassword,
                          String structureId, String activitySector, String lpsId, String lpsHomologation,
                          Duration connectTimeout, Duration timeout, DmpFeedingSettings feeding, Duration renewBefore,
                          Duration scanInterval) {

    public static DmpSettings from(Settings settings) {
        String address = settings.get("dmp.url").orElse(null);
        URI url = null;
        if (address != null) {
            try {
                url = URI.create(address);
            } catch (IllegalArgumentException e) {
                throw new SettingsException("dmp.url : adresse invalide « " + address + " »");
            }
        }
        boolean own = settings.get("dmp.keystore").isPresent();
        Path keystore = settings.getPath("dmp.keystore", settings.getPath("certificate.establishment.file", null));
        String password = own ? settings.get("dmp.keystore.password", "")
                : settings.get("certificate.establishment.password", settings.get("dmp.keystore.password", ""));
        Path signature = settings.getPath("dmp.signature.keystore", settings.getPath("certificate.signature.file", null));
        String signaturePassword = settings.get("dmp.signature.keystore").isPresent()
                ? settings.get("dmp.signature.keystore.password", password)
                : settings.get("certificate.signature.password", password);
        return new DmpSettings(url, keystore, password, signature == null ? keystore : signature,
                signature == null ? password : signaturePassword,
                settings.getPath("dmp.truststore", null), settings.get("dmp.truststore.password", password),
                settings.get("dmp.structureId").orElse(null),
                settings.get("dmp.activitySector", "SA08^1.2.250.1.71.4.2.4"), settings.get("dmp.lps.id", "opaline"),
                settings.get("dmp.lps.homologation", "OPALINE-NON-HOMOLOGUE"),
                settings.getDuration("dmp.connectTimeout", Duration.ofSeconds(5)),
                settings.getDuration("dmp.timeout", Duration.ofSeconds(30)),
                new DmpFeedingSettings(settings.getDuration("dmp.feeding.deferral", DmpFeedingSettings.DEFAULT.deferral()),
                        settings.getInt("dmp.feeding.maxAttempts", DmpFeedingSettings.DEFAULT.maxAttempts())),
                settings.getDuration("dmp.authorization.renewBefore", AuthorizationRenewal.DEFAULT_MARGIN),
                settings.getDuration("dmp.authorization.scanInterval", Duration.ofHours(6)));
    }

    /** A DMP is configured ({@code dmp.url}). */
    public boolean enabled() {
        return url != null;
    }

    /** The signature certificate is the authentication one (no separate cachet configured). */
    public boolean oneCertificate() {
        return keystore != null && keystore.equals(signatureKeystore);
    }

    /** The practice's certificate, which a configured DMP requires. */
    public Path requireKeystore() {
        if (keystore == null) {
            throw new SettingsException("dmp.keystore : certificat de la structure (PKCS#12) requis pour le DMP");
        }
        return keystore;
    }

    /** The main settings an administrator checks (no password), key → value. */
    public java.util.Map<String, String> shown() {
        java.util.Map<String, String> shown = new java.util.LinkedHashMap<>();
        shown.put("dmp.url", url == null ? "non renseigné" : url.toString());
        shown.put("dmp.structureId", structureId != null ? structureId : "CN du certificat, sinon 1 + FINESS");
        shown.put("dmp.keystore", keystore == null ? "aucun" : keystore.toString());
        shown.put("dmp.feeding.deferral", feeding.deferral().toString());
        shown.put("dmp.feeding.maxAttempts", Integer.toString(feeding.maxAttempts()));
        shown.put("dmp.authorization.renewBefore", renewBefore.toString());
        return shown;
    }

    @Override
    public String toString() {
        return "DmpSettings[url=" + url + ", keystore=" + keystore + ", signatureKeystore=" + signatureKeystore
                + ", truststore=" + truststore + ", structureId="
                + structureId + ", feeding=" + feeding + "]";
    }
}
