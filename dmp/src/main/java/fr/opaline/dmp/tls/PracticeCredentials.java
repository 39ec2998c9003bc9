package fr.opaline.dmp.tls;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.Collections;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * The practice's certificate (personne morale, IGC Santé) and private key, from a PKCS#12 file: it
 * authenticates the practice on the TLS channel to the DMP and signs the VIHF and the submissions.
 * The DMP's server certificate is checked against {@code trustStore} (PKCS#12 of the IGC Santé
 * roots), or the JDK's default roots when none is given.
 */
public record PracticeCredentials(PrivateKey key, X509Certificate certificate, X509Certificate[] chain,
                                  KeyStore keyStore, char[] password, KeyStore trustStore) {

    public static PracticeCredentials load(Path pkcs12, char[] password, Path trustStore, char[] trustPassword)
            throws IOException, GeneralSecurityException {
        return of(read(pkcs12, password), password, trustStore == null ? null : read(trustStore, trustPassword));
    }

    /** From key stores already loaded (the first private key entry is the practice's). */
    public static PracticeCredentials of(KeyStore keys, char[] password, KeyStore trustStore)
            throws GeneralSecurityException {
        for (String alias : Collections.list(keys.aliases())) {
            if (keys.isKeyEntry(alias)) {
                PrivateKey key = (PrivateKey) keys.getKey(alias, password);
                Certificate[] chain = keys.getCertificateChain(alias);
                X509Certificate[] x509 = new X509Certificate[chain.length];
                for (int i = 0; i < chain.length; i++) {
                    x509[i] = (X509Certificate) chain[i];
                }
                return new PracticeCredentials(key, x509[0], x509, keys, password, trustStore);
            }
        }
        throw new GeneralSecurityException("Aucune clé privée dans le magasin de certificats");
    }

    public static KeyStore read(Path pkcs12, char[] password) throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(pkcs12)) {
            store.load(in, password);
        }
        return store;
    }

    /** A TLS context that presents the practice's certificate and trusts the DMP's issuers. */
    public SSLContext clientContext() throws GeneralSecurityException {
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(keyStore, password);
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trustStore);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(kmf.getKeyManagers(), tmf.getTrustManagers(), null);
        return context;
    }

    @Override
    public String toString() {
        return "PracticeCredentials[" + certificate.getSubjectX500Principal().getName() + "]";
    }
}
