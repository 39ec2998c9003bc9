package fr.opaline.mss.transport;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.Collection;
import java.util.Locale;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;

/**
 * The TLS side of a connection to the operator: the operator's certificate is accepted only when it
 * chains to the configured authorities (in production the IGC Santé ones, never the JVM's default
 * list: SC.MSS/CONF "only IGC Santé"), and, for the BAL applicative, the practice presents its
 * IGC Santé organisation certificate (PKCS#12).
 */
public final class MailTls {

    private final SSLContext context;
    private final boolean clientCertificate;

    private MailTls(SSLContext context, boolean clientCertificate) {
        this.context = context;
        this.clientCertificate = clientCertificate;
    }

    /**
     * @param trustedAuthorities PEM file (one or more certificates) or PKCS#12 trust store
     * @param keyStore           PKCS#12 with the client certificate and key, or null
     */
    public static MailTls of(Path trustedAuthorities, Path keyStore, char[] keyStorePassword) {
        if (trustedAuthorities == null) {
            throw new IllegalArgumentException("autorités de confiance non configurées (certificats IGC Santé)");
        }
        try {
            KeyStore trust = trustStore(trustedAuthorities);
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trust);
            KeyManager[] keys = null;
            if (keyStore != null) {
                KeyStore store = KeyStore.getInstance("PKCS12");
                try (InputStream in = Files.newInputStream(keyStore)) {
                    store.load(in, keyStorePassword);
                }
                KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
                kmf.init(store, keyStorePassword);
                keys = kmf.getKeyManagers();
            }
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys, tmf.getTrustManagers(), null);
            return new MailTls(context, keyStore != null);
        } catch (IOException e) {
            throw new IllegalArgumentException("certificat illisible : " + e.getMessage(), e);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("certificat ou mot de passe refusé : " + e.getMessage(), e);
        }
    }

    static KeyStore trustStore(Path file) throws IOException, GeneralSecurityException {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        KeyStore trust = KeyStore.getInstance("PKCS12");
        if (name.endsWith(".p12") || name.endsWith(".pfx")) {
            try (InputStream in = Files.newInputStream(file)) {
                trust.load(in, new char[0]);
            }
            return trust;
        }
        trust.load(null, null);
        Collection<? extends Certificate> certificates;
        try (InputStream in = Files.newInputStream(file)) {
            certificates = CertificateFactory.getInstance("X.509").generateCertificates(in);
        }
        if (certificates.isEmpty()) {
            throw new IOException("aucun certificat dans " + file);
        }
        int i = 0;
        for (Certificate certificate : certificates) {
            trust.setCertificateEntry("ac-" + i++, certificate);
        }
        return trust;
    }

    public SSLSocketFactory socketFactory() {
        return context.getSocketFactory();
    }

    public boolean presentsClientCertificate() {
        return clientCertificate;
    }
}
