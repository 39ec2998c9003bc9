package fr.opaline.dmp.tls;

import fr.opaline.core.practice.PracticeProfile;
import fr.opaline.documents.cda.CdaIdentifiers;
import fr.opaline.platform.tls.Certificates;
import fr.opaline.platform.tls.KeyStores;
import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;

/**
 * The practice's certificate (personne morale, IGC Santé) and private key, from a PKCS#12 file: it
 * authenticates the practice on the TLS channel to the DMP and signs the VIHF and the submissions.
 * The DMP's server certificate is checked against {@code trustStore} (PKCS#12 of the IGC Santé
 * roots), or the JDK's default roots when none is given.
 */
public record PracticeCredentials(PrivateKey key, X509Certificate certificate, X509Certificate[] chain,
                                  KeyStore keyStore, char[] password, KeyStore trustStore) {

    /** An IDNST as a certificate carries it: type digit (1 FINESS, 2 SIREN, 3 SIRET, 4 RPPS rang) and number. */
    private static final Pattern IDNST = Pattern.compile("[1-4]\\d{9,14}");

    public static PracticeCredentials load(Path pkcs12, char[] password, Path trustStore, char[] trustPassword)
            throws IOException, GeneralSecurityException {
        return of(read(pkcs12, password), password, trustStore == null ? null : read(trustStore, trustPassword));
    }

    /** From key stores already loaded (the first private key entry is the practice's). */
    public static PracticeCredentials of(KeyStore keys, char[] password, KeyStore trustStore)
            throws GeneralSecurityException {
        String alias = KeyStores.firstKeyAlias(keys);
        if (alias == null) {
            throw new GeneralSecurityException("Aucune clé privée dans le magasin de certificats");
        }
        X509Certificate[] chain = KeyStores.chain(keys, alias);
        return new PracticeCredentials((PrivateKey) keys.getKey(alias, password), chain[0], chain, keys, password,
                trustStore);
    }

    public static KeyStore read(Path pkcs12, char[] password) throws IOException, GeneralSecurityException {
        return KeyStores.readPkcs12(pkcs12, password);
    }

    /** A TLS context that presents the practice's certificate and trusts the DMP's issuers. */
    public SSLContext clientContext() throws GeneralSecurityException {
        return KeyStores.sslContext(keyStore, password, trustStore);
    }

    /**
     * The structure identifier (IDNST) the VIHF and the submissions carry: the configured one
     * when given, else the certificate's OU when it is an IDNST (on IGC Santé organisation
     * certificates the structure identifier is in the OU and the CN is free text: ansforge
     * IG-securisation-transport-api-rest, as issue 25 reports), else its CN when it is one (older
     * certificates), else 1 + the practice's FINESS.
     */
    public String structureId(String configured, PracticeProfile profile) {
        if (configured != null && !configured.isBlank()) {
            return configured.strip();
        }
        String ou = Certificates.organisationalUnit(certificate);
        if (ou != null && IDNST.matcher(ou).matches()) {
            return ou;
        }
        String cn = Certificates.commonName(certificate);
        return cn != null && IDNST.matcher(cn).matches() ? cn : CdaIdentifiers.idnst(profile);
    }

    @Override
    public String toString() {
        return "PracticeCredentials[" + certificate.getSubjectX500Principal().getName() + "]";
    }
}
